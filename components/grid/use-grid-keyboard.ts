"use client";
/**
 * Keyboard and clipboard handling on the grid container (WAI-ARIA grid: one tab stop, keys
 * handled where they bubble to). Keys map to commands in grid-commands.ts; commands run on
 * the controller. Copy writes TSV both through navigator.clipboard and the native `copy`
 * event; paste reads the native `paste` event, which needs no clipboard permission.
 */
import { useRef, type ClipboardEvent, type KeyboardEvent } from "react";
import { keyToCommand, type GridCommand } from "./grid-commands";
import { clearRange, collapsedRange, enterRange, fillDown, moveRange, selectAllRange, tabRange, type GridDims } from "./grid-model";
import type { GridController } from "./use-grid-controller";
import type { GridView } from "./grid-edits";

export interface GridKeyboardOptions {
  controller: GridController;
  view: GridView;
  rowCount: number;
  getPageSize: () => number;
  onUndo?: () => void;
  onRedo?: () => void;
  onOpenColumnMenu: (colIndex: number) => void;
}

/** Only keys pressed on a data cell (or the empty grid itself) are grid commands; header controls, editors and menus keep theirs. */
function isGridTarget(event: { target: EventTarget; currentTarget: EventTarget }): boolean {
  const target = event.target as HTMLElement;
  return target === event.currentTarget || (target.getAttribute("role") === "gridcell" && target.hasAttribute("data-col"));
}

export function useGridKeyboard({ controller, view, rowCount, getPageSize, onUndo, onRedo, onOpenColumnMenu }: GridKeyboardOptions) {
  // Ctrl+X: the text is taken before the cells are cleared; the native `cut` event that follows carries it.
  const cutText = useRef<string | null>(null);
  const run = (command: GridCommand): boolean => {
    const selection = controller.selection;
    const dims: GridDims = { rowCount, colCount: view.columns.length, pageSize: getPageSize() };
    if (dims.rowCount === 0 || dims.colCount === 0) return false;
    switch (command.kind) {
      case "move":
        controller.select(moveRange(selection, command.move, dims, command.extend));
        return true;
      case "tab": {
        const next = tabRange(selection, command.backward, dims);
        // At the grid's first/last cell Tab leaves the grid, as in any page.
        if (next.anchor.row === selection.anchor.row && next.anchor.col === selection.anchor.col) return false;
        controller.select(next);
        return true;
      }
      case "enter":
        controller.select(enterRange(selection, command.backward, dims));
        return true;
      case "edit":
        if (controller.startEdit(selection.anchor, command.initialText)) return true;
        if (command.initialText === null) controller.select(enterRange(selection, false, dims));
        // A character typed into a read-only cell says why nothing happens.
        else controller.explainReadOnly(collapsedRange(selection.anchor));
        return true;
      case "toggleBoolean":
        controller.toggleBoolean();
        return true;
      case "collapse":
        controller.select(collapsedRange(selection.anchor));
        return true;
      case "clear":
        controller.stage(clearRange(view, selection));
        controller.explainReadOnly(selection);
        return true;
      case "cut": {
        const text = controller.copyText();
        cutText.current = text;
        navigator.clipboard?.writeText(text).catch(() => undefined);
        controller.stage(clearRange(view, selection));
        controller.explainReadOnly(selection);
        return false;
      }
      case "fillDown":
        controller.stage(fillDown(view, selection));
        return true;
      case "undo":
        onUndo?.();
        return Boolean(onUndo);
      case "redo":
        onRedo?.();
        return Boolean(onRedo);
      case "copy": {
        const text = controller.copyText();
        // Also fine to fail (no permission, no secure context): the native copy event follows.
        navigator.clipboard?.writeText(text).catch(() => undefined);
        return false;
      }
      case "selectAll":
        controller.select(selectAllRange(dims));
        return true;
      case "toggleRowSelection":
        controller.toggleRangeRows();
        return true;
      case "openColumnMenu":
        onOpenColumnMenu(selection.anchor.col);
        return true;
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.nativeEvent.isComposing || controller.editor || !isGridTarget(event)) return;
    const command = keyToCommand(event);
    if (command && run(command)) event.preventDefault();
  };

  const onCopy = (event: ClipboardEvent<HTMLDivElement>) => {
    if (controller.editor || !isGridTarget(event)) return;
    event.clipboardData.setData("text/plain", controller.copyText());
    event.preventDefault();
  };

  const onCut = (event: ClipboardEvent<HTMLDivElement>) => {
    if (controller.editor || !isGridTarget(event)) return;
    event.clipboardData.setData("text/plain", cutText.current ?? controller.copyText());
    cutText.current = null;
    event.preventDefault();
  };

  const onPaste = (event: ClipboardEvent<HTMLDivElement>) => {
    if (controller.editor || !isGridTarget(event)) return;
    const text = event.clipboardData.getData("text/plain");
    event.preventDefault();
    if (text) controller.pasteText(text);
  };

  return { onKeyDown, onCopy, onCut, onPaste };
}
