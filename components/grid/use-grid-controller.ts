"use client";
/**
 * The grid's interaction state — selected range, open editor, row selection — and the
 * operations the keyboard, pointer and clipboard handlers share. The operations are stable
 * functions reading the latest state, so passing them to memoised rows costs no re-renders.
 * All the logic is in the pure model; this hook only wires it to React state.
 */
import { useMemo, useRef, useState } from "react";
import type { CommitMove, EditorResult } from "./cell-editor";
import { toBoolean, toEditText } from "./column-types";
import type { EditorState } from "./grid-cell";
import {
  NO_ROWS_SELECTED,
  cellKey,
  clampRange,
  collapsedRange,
  copyRange,
  enterRange,
  headerSelectionState,
  isRowSelected,
  parseTsv,
  pasteAt,
  rangeBounds,
  selectAllMatching,
  selectRowRange,
  setRowsSelected,
  tabRange,
  textPatch,
  valuePatch,
  type GridView,
} from "./grid-model";
import type { CellPatch, CellPos, CellRange, RowSelection } from "./types";
import { readOnlyHint } from "./read-only-hint";
import { useControllableState } from "./use-grid-table";
import { useLatest } from "./use-latest";

export interface GridControllerOptions {
  view: GridView;
  rowCount: number;
  /** Rows matching the filters (for "select all"): rowCount, or the server's total. */
  matchingCount: number;
  onStage?: (patches: CellPatch[]) => void;
  selectedRowIds?: RowSelection;
  onSelectionChange?: (selection: RowSelection) => void;
}

export interface GridController {
  selection: CellRange;
  editor: EditorState | null;
  rowSelection: RowSelection;
  select: (range: CellRange, options?: { focus?: boolean }) => void;
  /**
   * After a render that changed the selection on purpose, the grid scrolls the range's focus
   * end into view and, when this says so, moves DOM focus to the active cell. Returns null
   * when there is nothing to reveal (and clears the request).
   */
  takeReveal: () => { focus: boolean } | null;
  /** Moves focus back to the active cell after the next render (after menus, filters, sorting). */
  refocus: () => void;
  canEditCell: (pos: CellPos) => boolean;
  /** Opens the editor; `initialText` null edits the current value, a string replaces it. */
  startEdit: (pos: CellPos, initialText: string | null) => boolean;
  commitEdit: (result: EditorResult, move: CommitMove) => void;
  cancelEdit: () => void;
  stage: (patches: CellPatch[]) => void;
  /** Says why an edit of the range did nothing to its read-only cells (see `hint`). */
  explainReadOnly: (range: CellRange) => void;
  /** The last read-only hint, shown below the grid until the next move. */
  hint: string | null;
  copyText: () => string;
  pasteText: (text: string) => void;
  setRowSelection: (selection: RowSelection) => void;
  toggleRow: (rowIndex: number, shiftKey: boolean) => void;
  toggleAllRows: () => void;
  /** Shift+Space: select (or unselect) the rows of the selected range. */
  toggleRangeRows: () => void;
  /** Space on a boolean cell flips it; elsewhere it starts editing with a space. */
  toggleBoolean: () => void;
}

export function useGridController(options: GridControllerOptions): GridController {
  const { view, rowCount } = options;
  const [rawSelection, setRawSelection] = useState<CellRange>(() => collapsedRange({ row: 0, col: 0 }));
  const [editor, setEditor] = useState<EditorState | null>(null);
  // Why the last edit did nothing (a read-only cell); cleared by the next move.
  const [hint, setHint] = useState<string | null>(null);
  const [rowSelection, setRowSelection] = useControllableState(options.selectedRowIds, options.onSelectionChange, NO_ROWS_SELECTED);
  const selection = useMemo(() => clampRange(rawSelection, { rowCount, colCount: view.columns.length }), [rawSelection, rowCount, view.columns.length]);
  const pendingReveal = useRef<{ focus: boolean } | null>(null);
  const rowAnchor = useRef<number | null>(null);
  const latest = useLatest({ options, selection, editor, rowSelection, setRowSelection });

  const operations = useMemo(() => {
    const select = (range: CellRange, opts: { focus?: boolean } = {}) => {
      pendingReveal.current = { focus: opts.focus ?? true };
      setHint(null);
      // A new object even for the same cells: the render (and reveal) must happen.
      setRawSelection({ anchor: { ...range.anchor }, focus: { ...range.focus } });
    };

    const takeReveal = () => {
      const pending = pendingReveal.current;
      pendingReveal.current = null;
      return pending;
    };

    const refocus = () => select(latest.current.selection);

    const canEditCell = (pos: CellPos) => {
      const { view: v, onStage } = latest.current.options;
      return Boolean(onStage && v.rows[pos.row] && v.columns[pos.col]?.editable);
    };

    const stage = (patches: CellPatch[]) => {
      if (patches.length > 0) latest.current.options.onStage?.(patches);
    };

    /** After an edit of `range` (typing, paste, cut, clear): say so if it met read-only cells. */
    const explainReadOnly = (range: CellRange) => {
      const o = latest.current.options;
      setHint(readOnlyHint(o.view.columns, range, Boolean(o.onStage)));
    };

    const startEdit = (pos: CellPos, initialText: string | null) => {
      if (!canEditCell(pos)) return false;
      const { view: v } = latest.current.options;
      const row = v.rows[pos.row];
      const column = v.columns[pos.col];
      if (!row || !column) return false;
      const edit = v.staged?.get(cellKey(v.getRowId(row), column.id));
      const currentText = edit?.error !== undefined ? String(edit.after ?? "") : toEditText(column.type, edit ? edit.after : row[column.id]);
      let text = initialText ?? currentText;
      if (initialText !== null && column.type === "enum") {
        // A typed letter picks the first value starting with it; the select's own typeahead does the rest.
        const typed = initialText.toLowerCase();
        text = (column.enumValues ?? []).find((option) => option.toLowerCase().startsWith(typed)) ?? currentText;
      }
      setEditor({ row: pos.row, col: pos.col, initialText: text, replacing: initialText !== null });
      return true;
    };

    // Leaving the editor by clicking elsewhere ("none") must not pull focus back into the grid.
    const finishEdit = (move: CommitMove, refocus = move !== "none") => {
      const { selection: sel, options: o } = latest.current;
      setEditor(null);
      const dims = { rowCount: o.rowCount, colCount: o.view.columns.length, pageSize: 1 };
      const next =
        move === "down" || move === "up" ? enterRange(sel, move === "up", dims) : move === "right" || move === "left" ? tabRange(sel, move === "left", dims) : sel;
      select(next, { focus: refocus });
    };

    const commitEdit = (result: EditorResult, move: CommitMove) => {
      const { editor: open, options: o } = latest.current;
      if (!open) return;
      const pos = { row: open.row, col: open.col };
      const patch = result.kind === "text" ? textPatch(o.view, pos, result.text) : valuePatch(o.view, pos, result.value);
      if (patch) stage([patch]);
      finishEdit(move);
    };

    const cancelEdit = () => finishEdit("none", true);

    const copyText = () => {
      const { selection: sel, options: o } = latest.current;
      return copyRange(o.view.rows, o.view.columns, sel, { staged: o.view.staged ?? new Map(), getRowId: o.view.getRowId });
    };

    const pasteText = (text: string) => {
      const { selection: sel, options: o } = latest.current;
      const matrix = parseTsv(text);
      if (matrix.length === 0) return;
      stage(pasteAt(o.view, sel, matrix));
      const width = Math.max(...matrix.map((cells) => cells.length));
      const pasted = rangeBounds(sel);
      explainReadOnly({ anchor: { row: pasted.top, col: pasted.left }, focus: { row: pasted.bottom, col: Math.max(pasted.right, pasted.left + width - 1) } });
      const b = rangeBounds(sel);
      const single = matrix.length === 1 && matrix[0]?.length === 1;
      if (!single) {
        // Select what was pasted, as spreadsheets do (the hint, if any, stays).
        const focus = { row: Math.min(o.rowCount - 1, b.top + matrix.length - 1), col: Math.min(o.view.columns.length - 1, b.left + width - 1) };
        pendingReveal.current = { focus: true };
        setRawSelection({ anchor: { row: b.top, col: b.left }, focus });
      }
    };

    const setRows = (next: RowSelection) => latest.current.setRowSelection(next);

    const rowIdAt = (index: number) => {
      const row = latest.current.options.view.rows[index];
      return row ? latest.current.options.view.getRowId(row) : undefined;
    };

    const toggleRow = (rowIndex: number, shiftKey: boolean) => {
      const id = rowIdAt(rowIndex);
      if (id === undefined) return;
      const current = latest.current.rowSelection;
      const value = !isRowSelected(current, id);
      const anchor = rowAnchor.current;
      if (shiftKey && anchor !== null && anchor !== rowIndex) {
        const from = Math.min(anchor, rowIndex);
        const to = Math.max(anchor, rowIndex);
        const ids = Array.from({ length: to - from + 1 }, (_, i) => rowIdAt(from + i));
        setRows(selectRowRange(current, ids, 0, ids.length - 1, value));
      } else {
        setRows(setRowsSelected(current, [id], value));
      }
      rowAnchor.current = rowIndex;
    };

    const toggleAllRows = () => {
      const { rowSelection: current, options: o } = latest.current;
      setRows(headerSelectionState(current, o.matchingCount) === "all" ? NO_ROWS_SELECTED : selectAllMatching());
    };

    const toggleRangeRows = () => {
      const { selection: sel, rowSelection: current } = latest.current;
      const b = rangeBounds(sel);
      const activeId = rowIdAt(sel.anchor.row);
      if (activeId === undefined) return;
      const ids: string[] = [];
      for (let r = b.top; r <= b.bottom; r += 1) {
        const id = rowIdAt(r);
        if (id !== undefined) ids.push(id);
      }
      setRows(setRowsSelected(current, ids, !isRowSelected(current, activeId)));
      rowAnchor.current = sel.anchor.row;
    };

    const toggleBoolean = () => {
      const { selection: sel, options: o } = latest.current;
      const pos = sel.anchor;
      const column = o.view.columns[pos.col];
      const row = o.view.rows[pos.row];
      if (column?.type === "boolean" && row && canEditCell(pos)) {
        const edit = o.view.staged?.get(cellKey(o.view.getRowId(row), column.id));
        const current = edit ? edit.after : row[column.id];
        const patch = valuePatch(o.view, pos, toBoolean(current) !== true);
        if (patch) stage([patch]);
        return;
      }
      startEdit(pos, " ");
    };

    return { select, takeReveal, refocus, canEditCell, startEdit, commitEdit, cancelEdit, stage, explainReadOnly, copyText, pasteText, setRowSelection: setRows, toggleRow, toggleAllRows, toggleRangeRows, toggleBoolean };
  }, [latest]);

  return { selection, editor, rowSelection, hint, ...operations };
}
