/**
 * What the grid says when an edit meets a read-only cell (typing, pasting, cutting or clearing
 * it): which column and why, instead of doing nothing silently. Pure.
 */
import { rangeBounds } from "./range";
import type { CellRange, GridColumn } from "./types";

/** The hint for an edit of `range`, or null when every column in it can be edited. */
export function readOnlyHint(columns: readonly GridColumn[], range: CellRange, gridEditable: boolean): string | null {
  const { left, right } = rangeBounds(range);
  const first = columns.slice(left, right + 1).find((column) => !gridEditable || !column.editable);
  if (!first) return null;
  if (!gridEditable) return `${first.name} is read-only: this table cannot be edited here.`;
  return `${first.name} is read-only: ${first.readOnlyReason ?? "it cannot be edited here"}.`;
}
