/** Rectangle arithmetic shared by the model modules (kept apart so they do not import each other in a circle). */
import type { CellRange } from "./types";

export interface RangeBounds {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** The inclusive rows and columns a range covers, whichever corner the anchor is. */
export function rangeBounds(range: CellRange): RangeBounds {
  return {
    top: Math.min(range.anchor.row, range.focus.row),
    bottom: Math.max(range.anchor.row, range.focus.row),
    left: Math.min(range.anchor.col, range.focus.col),
    right: Math.max(range.anchor.col, range.focus.col),
  };
}
