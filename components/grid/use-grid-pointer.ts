"use client";
/**
 * Mouse handling on the grid container: click sets the active cell, Shift+click extends the
 * range, dragging selects a range, double-click edits. Delegated (one set of listeners on the
 * container, cells carry data-row/data-col), so cells stay cheap.
 */
import { useEffect, useRef, type MouseEvent } from "react";
import { collapsedRange, extendRangeTo } from "./grid-model";
import type { CellPos } from "./types";
import type { GridController } from "./use-grid-controller";

function cellAt(target: EventTarget | null): CellPos | null {
  const cell = (target as HTMLElement | null)?.closest?.("[data-row][data-col]");
  if (!cell) return null;
  const row = Number(cell.getAttribute("data-row"));
  const col = Number(cell.getAttribute("data-col"));
  return Number.isInteger(row) && Number.isInteger(col) ? { row, col } : null;
}

export function useGridPointer(controller: GridController) {
  const dragging = useRef(false);

  useEffect(() => {
    const stop = () => {
      dragging.current = false;
    };
    document.addEventListener("mouseup", stop);
    return () => document.removeEventListener("mouseup", stop);
  }, []);

  const onMouseDown = (event: MouseEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    const pos = cellAt(event.target);
    if (!pos) return;
    if (controller.editor && controller.editor.row === pos.row && controller.editor.col === pos.col) return;
    const range = event.shiftKey ? extendRangeTo(controller.selection, pos) : collapsedRange(pos);
    controller.select(range, { focus: true });
    dragging.current = true;
    // Keep the browser from selecting text while a range is dragged.
    if (event.shiftKey) event.preventDefault();
  };

  const onMouseOver = (event: MouseEvent<HTMLDivElement>) => {
    if (!dragging.current || (event.buttons & 1) === 0) return;
    const pos = cellAt(event.target);
    const { focus } = controller.selection;
    if (pos && (pos.row !== focus.row || pos.col !== focus.col)) controller.select(extendRangeTo(controller.selection, pos), { focus: false });
  };

  const onDoubleClick = (event: MouseEvent<HTMLDivElement>) => {
    const pos = cellAt(event.target);
    if (pos) controller.startEdit(pos, null);
  };

  return { onMouseDown, onMouseOver, onDoubleClick };
}
