/**
 * The grid's pure model: where the active cell and the selected range are and how keys move
 * them. Positions are indices in the current view (rows in display order, visible data
 * columns in display order); edits are keyed by row and column ids instead, so they survive
 * sorting and filtering. Edits, clipboard and row selection live in their own modules and are
 * re-exported here, so `grid-model` is the one import for the whole model.
 */
import { rangeBounds, type RangeBounds } from "./range";
import type { CellPos, CellRange } from "./types";

export * from "./grid-edits";
export * from "./tsv";
export * from "./row-selection";
export { rangeBounds, type RangeBounds } from "./range";

export interface GridDims {
  rowCount: number;
  colCount: number;
  /** Rows per PageUp/PageDown: how many fit on screen. */
  pageSize: number;
}

export type Move =
  | "up"
  | "down"
  | "left"
  | "right"
  | "rowStart"
  | "rowEnd"
  | "gridStart"
  | "gridEnd"
  | "pageUp"
  | "pageDown"
  | "edgeUp"
  | "edgeDown"
  | "edgeLeft"
  | "edgeRight";

export const ORIGIN: CellPos = { row: 0, col: 0 };

export function collapsedRange(pos: CellPos): CellRange {
  return { anchor: pos, focus: pos };
}

function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(max, value));
}

export function clampPos(pos: CellPos, dims: Pick<GridDims, "rowCount" | "colCount">): CellPos {
  return {
    row: clamp(pos.row, 0, Math.max(0, dims.rowCount - 1)),
    col: clamp(pos.col, 0, Math.max(0, dims.colCount - 1)),
  };
}

/** Keeps a selection inside the grid after rows or columns went away (filtering, hiding). */
export function clampRange(range: CellRange, dims: Pick<GridDims, "rowCount" | "colCount">): CellRange {
  const anchor = clampPos(range.anchor, dims);
  const focus = clampPos(range.focus, dims);
  if (anchor.row === range.anchor.row && anchor.col === range.anchor.col && focus.row === range.focus.row && focus.col === range.focus.col) {
    return range;
  }
  return { anchor, focus };
}

export function isInRange(bounds: RangeBounds, row: number, col: number): boolean {
  return row >= bounds.top && row <= bounds.bottom && col >= bounds.left && col <= bounds.right;
}

export function isSingleCell(range: CellRange): boolean {
  return range.anchor.row === range.focus.row && range.anchor.col === range.focus.col;
}

export function rangeCellCount(range: CellRange): number {
  const b = rangeBounds(range);
  return (b.bottom - b.top + 1) * (b.right - b.left + 1);
}

/** The position one move away from `from`, kept inside the grid. */
export function movePos(from: CellPos, move: Move, dims: GridDims): CellPos {
  const lastRow = Math.max(0, dims.rowCount - 1);
  const lastCol = Math.max(0, dims.colCount - 1);
  const page = Math.max(1, dims.pageSize);
  const next: Record<Move, CellPos> = {
    up: { row: from.row - 1, col: from.col },
    down: { row: from.row + 1, col: from.col },
    left: { row: from.row, col: from.col - 1 },
    right: { row: from.row, col: from.col + 1 },
    rowStart: { row: from.row, col: 0 },
    rowEnd: { row: from.row, col: lastCol },
    gridStart: { row: 0, col: 0 },
    gridEnd: { row: lastRow, col: lastCol },
    pageUp: { row: from.row - page, col: from.col },
    pageDown: { row: from.row + page, col: from.col },
    edgeUp: { row: 0, col: from.col },
    edgeDown: { row: lastRow, col: from.col },
    edgeLeft: { row: from.row, col: 0 },
    edgeRight: { row: from.row, col: lastCol },
  };
  return clampPos(next[move], dims);
}

/** A key move: collapses the range onto the new active cell, or with `extend` (Shift) moves only its focus end. */
export function moveRange(range: CellRange, move: Move, dims: GridDims, extend = false): CellRange {
  if (extend) return { anchor: range.anchor, focus: movePos(range.focus, move, dims) };
  return collapsedRange(movePos(range.anchor, move, dims));
}

/** Tab / Shift+Tab: right/left, wrapping to the next/previous row at the row's end; stops at the grid's corners. */
export function tabRange(range: CellRange, backward: boolean, dims: GridDims): CellRange {
  const { row, col } = range.anchor;
  const lastCol = Math.max(0, dims.colCount - 1);
  const lastRow = Math.max(0, dims.rowCount - 1);
  if (!backward) {
    if (col < lastCol) return collapsedRange({ row, col: col + 1 });
    return collapsedRange(row < lastRow ? { row: row + 1, col: 0 } : { row, col });
  }
  if (col > 0) return collapsedRange({ row, col: col - 1 });
  return collapsedRange(row > 0 ? { row: row - 1, col: lastCol } : { row, col });
}

/** Enter / Shift+Enter (after an edit or on a read-only cell): down/up one row. */
export function enterRange(range: CellRange, backward: boolean, dims: GridDims): CellRange {
  return collapsedRange(movePos(range.anchor, backward ? "up" : "down", dims));
}

export function selectAllRange(dims: Pick<GridDims, "rowCount" | "colCount">): CellRange {
  return { anchor: ORIGIN, focus: clampPos({ row: dims.rowCount - 1, col: dims.colCount - 1 }, dims) };
}

/** Shift+click: keep the anchor, move the focus to the clicked cell. */
export function extendRangeTo(range: CellRange, pos: CellPos): CellRange {
  return { anchor: range.anchor, focus: pos };
}
