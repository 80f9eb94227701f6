/**
 * Horizontal geometry of the grid: the fixed columns (row checkbox, status), the pinned data
 * columns (sticky at the left) and the window of centre columns the column virtualizer
 * renders. Header and body rows share one layout so their cells line up. Pure.
 */
import type { GridColumn } from "./types";

export const ROW_HEIGHT = 30;
export const HEADER_HEIGHT = 34;
export const CHECK_WIDTH = 40;
export const STATUS_WIDTH = 176;

export interface ColumnSlot {
  column: GridColumn;
  /** Index among the visible data columns (the model's column index). */
  col: number;
  width: number;
  /** Sticky offset from the left for pinned columns, null for scrolling ones. */
  left: number | null;
  /** 1-based, counting the fixed columns. */
  ariaColIndex: number;
  lastPinned: boolean;
}

export interface GridLayout {
  check: boolean;
  status: boolean;
  statusLeft: number;
  /** Number of fixed (non-data) columns before the data columns. */
  fixedCount: number;
  /** Width of the fixed plus pinned columns: where scrolling columns start. */
  stickyWidth: number;
  pinned: ColumnSlot[];
  /** The rendered window of scrolling columns. */
  center: ColumnSlot[];
  /** Space before the first rendered scrolling column. */
  padLeft: number;
  totalWidth: number;
}

export interface LayoutInput {
  check: boolean;
  status: boolean;
  pinned: readonly { column: GridColumn; width: number }[];
  center: readonly { column: GridColumn; width: number }[];
  /** Rendered centre columns: index into `center` and x offset (from the grid's left edge). */
  window: readonly { index: number; start: number }[];
}

export function buildLayout(input: LayoutInput): GridLayout {
  const fixedCount = (input.check ? 1 : 0) + (input.status ? 1 : 0);
  const statusLeft = input.check ? CHECK_WIDTH : 0;
  let left = statusLeft + (input.status ? STATUS_WIDTH : 0);
  const pinned: ColumnSlot[] = input.pinned.map(({ column, width }, col) => {
    const slot: ColumnSlot = { column, col, width, left, ariaColIndex: fixedCount + col + 1, lastPinned: col === input.pinned.length - 1 };
    left += width;
    return slot;
  });
  const stickyWidth = left;
  const center: ColumnSlot[] = [];
  for (const item of input.window) {
    const entry = input.center[item.index];
    if (!entry) continue;
    const col = input.pinned.length + item.index;
    center.push({ column: entry.column, col, width: entry.width, left: null, ariaColIndex: fixedCount + col + 1, lastPinned: false });
  }
  const first = input.window[0];
  const padLeft = first ? Math.max(0, first.start - stickyWidth) : 0;
  const totalWidth = input.center.reduce((sum, entry) => sum + entry.width, stickyWidth);
  return { check: input.check, status: input.status, statusLeft, fixedCount, stickyWidth, pinned, center, padLeft, totalWidth };
}
