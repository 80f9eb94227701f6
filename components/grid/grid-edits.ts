/**
 * Staged edits and their undo/redo history, and the commands that produce cell patches:
 * typing, clearing a range, filling down and pasting. Every command only builds patches for
 * editable, loaded cells; text is parsed per column type, and text that does not parse is
 * staged with its error (visible in the grid, left out of `getPendingChanges`).
 */
import { parseCellInput } from "./column-types";
import { rangeBounds } from "./range";
import type { CellPatch, CellPos, CellRange, GridColumn, GridRow, StagedEdit, StagedEdits } from "./types";

/** What the commands need to know about the current view. */
export interface GridView {
  /** Rows in display order; `undefined` for rows not loaded yet (server-paged mode). */
  rows: readonly (GridRow | undefined)[];
  /** Visible data columns in display order. */
  columns: readonly GridColumn[];
  getRowId: (row: GridRow) => string;
  staged?: StagedEdits;
}

export function cellKey(rowId: string, columnId: string): string {
  return `${rowId}:${columnId}`;
}

/** NULL and undefined are the same; objects (JSON) compare by content. */
export function valuesEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (a === null || a === undefined || b === null || b === undefined) return (a ?? null) === (b ?? null);
  if (typeof a === "object" && typeof b === "object") return JSON.stringify(a) === JSON.stringify(b);
  return false;
}

/** The value a cell shows: its staged value if it has one, else the loaded one. */
export function effectiveValue(row: GridRow, rowId: string, columnId: string, staged: StagedEdits | undefined): unknown {
  const edit = staged?.get(cellKey(rowId, columnId));
  return edit ? edit.after : row[columnId];
}

// ---------------------------------------------------------------------------------------------
// Applying patches and history

export interface EditBatch {
  patches: readonly CellPatch[];
  /** The staged entries of the touched cells before the batch, for undo. */
  previous: ReadonlyArray<readonly [string, StagedEdit | undefined]>;
}

export interface EditState {
  staged: StagedEdits;
  past: readonly EditBatch[];
  future: readonly EditBatch[];
}

export const EMPTY_EDITS: EditState = { staged: new Map(), past: [], future: [] };
const HISTORY_LIMIT = 200;

/**
 * Stages patches. A cell keeps its loaded value as `before` however often it is edited, and a
 * cell edited back to its loaded value is no longer staged.
 */
export function applyPatches(staged: StagedEdits, patches: readonly CellPatch[]): { staged: StagedEdits; batch: EditBatch } {
  const next = new Map(staged);
  const previous: Array<readonly [string, StagedEdit | undefined]> = [];
  const seen = new Set<string>();
  for (const patch of patches) {
    const key = cellKey(patch.rowId, patch.columnId);
    if (!seen.has(key)) {
      seen.add(key);
      previous.push([key, staged.get(key)]);
    }
    const existing = next.get(key);
    const original = existing ? existing.before : patch.before;
    if (patch.error === undefined && valuesEqual(patch.after, original)) {
      next.delete(key);
    } else {
      const entry: StagedEdit = { rowId: patch.rowId, columnId: patch.columnId, before: original, after: patch.after };
      if (patch.error !== undefined) entry.error = patch.error;
      next.set(key, entry);
    }
  }
  return { staged: next, batch: { patches, previous } };
}

/** Stages a batch as one undo step (a paste of 1,000 cells is undone at once). */
export function stageEdits(state: EditState, patches: readonly CellPatch[]): EditState {
  if (patches.length === 0) return state;
  const { staged, batch } = applyPatches(state.staged, patches);
  const past = [...state.past, batch];
  return { staged, past: past.length > HISTORY_LIMIT ? past.slice(-HISTORY_LIMIT) : past, future: [] };
}

export function canUndo(state: EditState): boolean {
  return state.past.length > 0;
}

export function canRedo(state: EditState): boolean {
  return state.future.length > 0;
}

export function undoEdits(state: EditState): EditState {
  const batch = state.past[state.past.length - 1];
  if (!batch) return state;
  const staged = new Map(state.staged);
  for (const [key, entry] of batch.previous) {
    if (entry) staged.set(key, entry);
    else staged.delete(key);
  }
  return { staged, past: state.past.slice(0, -1), future: [...state.future, batch] };
}

export function redoEdits(state: EditState): EditState {
  const batch = state.future[state.future.length - 1];
  if (!batch) return state;
  const { staged, batch: redone } = applyPatches(state.staged, batch.patches);
  return { staged, past: [...state.past, redone], future: state.future.slice(0, -1) };
}

/** The staged edits that can be saved: valid ones, as `{rowId, columnId, before, after}` with `before` as loaded. */
export function getPendingChanges(staged: StagedEdits): CellPatch[] {
  const changes: CellPatch[] = [];
  for (const edit of staged.values()) {
    if (edit.error === undefined) changes.push({ rowId: edit.rowId, columnId: edit.columnId, before: edit.before, after: edit.after });
  }
  return changes;
}

export function countStagedErrors(staged: StagedEdits): number {
  let count = 0;
  for (const edit of staged.values()) if (edit.error !== undefined) count += 1;
  return count;
}

// ---------------------------------------------------------------------------------------------
// Saved values, until the re-read rows arrive

/**
 * What a save wrote, keyed like staged edits. Between "Saved" and the re-read rows the grid
 * shows these instead of the loaded (now stale) values, so a saved cell never flashes back to
 * its old value.
 */
export type SavedValues = ReadonlyMap<string, { rowId: string; columnId: string; value: unknown }>;
export const NO_SAVED_VALUES: SavedValues = new Map();

/**
 * After a save of `patches`: their values become saved values and their cells are unstaged.
 * A cell edited again while the save was on its way keeps that newer edit.
 */
export function settleSaved(state: EditState, saved: SavedValues, patches: readonly CellPatch[]): { state: EditState; saved: SavedValues } {
  const nextSaved = new Map(saved);
  const staged = new Map(state.staged);
  for (const patch of patches) {
    const key = cellKey(patch.rowId, patch.columnId);
    nextSaved.set(key, { rowId: patch.rowId, columnId: patch.columnId, value: patch.after });
    const current = staged.get(key);
    if (current && current.error === undefined && valuesEqual(current.after, patch.after)) staged.delete(key);
    else if (current) staged.set(key, { ...current, before: patch.after });
  }
  // The history describes edits on top of values that are now saved.
  return { state: { staged, past: [], future: [] }, saved: nextSaved };
}

/**
 * The rows with saved values laid over them: the same array when nothing is waiting, else a new
 * array where only the rows with saved cells are new objects.
 */
export function overlaySavedValues<T extends readonly (GridRow | undefined)[]>(rows: T, saved: SavedValues, getRowId: (row: GridRow) => string): T {
  if (saved.size === 0) return rows;
  const byRow = new Map<string, Record<string, unknown>>();
  for (const { rowId, columnId, value } of saved.values()) {
    const cells = byRow.get(rowId) ?? {};
    cells[columnId] = value;
    byRow.set(rowId, cells);
  }
  // The same shape as given (rows, or rows with holes in server-paged mode): only row objects change.
  return rows.map((row) => {
    if (!row) return row;
    const cells = byRow.get(getRowId(row));
    return cells ? { ...row, ...cells } : row;
  }) as unknown as T;
}

// ---------------------------------------------------------------------------------------------
// Commands → patches

interface EditableCell {
  row: GridRow;
  rowId: string;
  column: GridColumn;
}

function editableCell(view: GridView, rowIndex: number, colIndex: number): EditableCell | null {
  const row = view.rows[rowIndex];
  const column = view.columns[colIndex];
  if (!row || !column?.editable) return null;
  return { row, rowId: view.getRowId(row), column };
}

function patchFor(view: GridView, cell: EditableCell, after: unknown, error?: string): CellPatch | null {
  const key = cellKey(cell.rowId, cell.column.id);
  const current = view.staged?.get(key);
  const before = current ? current.after : cell.row[cell.column.id];
  // Nothing changes: same value and the cell's error state stays as it is.
  if (valuesEqual(before, after) && (current?.error ?? undefined) === error) return null;
  const patch: CellPatch = { rowId: cell.rowId, columnId: cell.column.id, before, after };
  if (error !== undefined) patch.error = error;
  return patch;
}

/** A typed or pasted text for one cell. Read-only and unloaded cells give no patch. */
export function textPatch(view: GridView, pos: CellPos, text: string): CellPatch | null {
  const cell = editableCell(view, pos.row, pos.col);
  if (!cell) return null;
  const parsed = parseCellInput(cell.column.type, text, cell.column.enumValues);
  return parsed.ok ? patchFor(view, cell, parsed.value) : patchFor(view, cell, text, parsed.message);
}

/** A value chosen in a typed editor (checkbox, select) for one cell. */
export function valuePatch(view: GridView, pos: CellPos, value: unknown): CellPatch | null {
  const cell = editableCell(view, pos.row, pos.col);
  return cell ? patchFor(view, cell, value) : null;
}

/** Delete: NULL into every editable cell of the range. */
export function clearRange(view: GridView, range: CellRange): CellPatch[] {
  const { top, bottom, left, right } = rangeBounds(range);
  const patches: CellPatch[] = [];
  for (let r = top; r <= bottom; r += 1) {
    for (let c = left; c <= right; c += 1) {
      const cell = editableCell(view, r, c);
      const patch = cell ? patchFor(view, cell, null) : null;
      if (patch) patches.push(patch);
    }
  }
  return patches;
}

/**
 * Ctrl+D: the top cell of each column of the range is copied into the cells below it. On a
 * single row the cell above is copied down into it, as in spreadsheets.
 */
export function fillDown(view: GridView, range: CellRange): CellPatch[] {
  const b = rangeBounds(range);
  const sourceRow = b.top === b.bottom ? b.top - 1 : b.top;
  const firstTarget = sourceRow + 1;
  const patches: CellPatch[] = [];
  if (sourceRow < 0) return patches;
  const source = view.rows[sourceRow];
  if (!source) return patches;
  const sourceId = view.getRowId(source);
  for (let c = b.left; c <= b.right; c += 1) {
    const column = view.columns[c];
    if (!column?.editable) continue;
    const sourceEdit = view.staged?.get(cellKey(sourceId, column.id));
    const value = sourceEdit ? sourceEdit.after : source[column.id];
    for (let r = firstTarget; r <= b.bottom; r += 1) {
      const cell = editableCell(view, r, c);
      const patch = cell ? patchFor(view, cell, value, sourceEdit?.error) : null;
      if (patch) patches.push(patch);
    }
  }
  return patches;
}

/**
 * Paste a matrix of texts (from `parseTsv`) with its top-left at the target cell, or at the
 * top-left of the target range. A single value pasted over a range fills the whole range.
 * Cells beyond the grid's edges are dropped; each text is parsed by its column's type.
 */
export function pasteAt(view: GridView, target: CellPos | CellRange, matrix: readonly (readonly string[])[]): CellPatch[] {
  const range: CellRange = "anchor" in target ? target : { anchor: target, focus: target };
  const b = rangeBounds(range);
  const single = matrix.length === 1 && matrix[0]?.length === 1 ? matrix[0][0] : undefined;
  const patches: CellPatch[] = [];
  const push = (r: number, c: number, text: string) => {
    const patch = textPatch(view, { row: r, col: c }, text);
    if (patch) patches.push(patch);
  };
  if (single !== undefined && (b.bottom > b.top || b.right > b.left)) {
    for (let r = b.top; r <= b.bottom; r += 1) for (let c = b.left; c <= b.right; c += 1) push(r, c, single);
    return patches;
  }
  matrix.forEach((cells, i) => {
    const r = b.top + i;
    if (r >= view.rows.length) return;
    cells.forEach((text, j) => {
      const c = b.left + j;
      if (c < view.columns.length) push(r, c, text);
    });
  });
  return patches;
}
