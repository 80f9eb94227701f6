/**
 * Row selection (the checkbox column): rows picked one by one or by Shift-click ranges, or
 * "all rows matching the filters" with exceptions, which also covers rows a server-paged grid
 * has not loaded. Pure; the grid keeps the Shift-click anchor.
 */
import type { RowSelection } from "./types";

export const NO_ROWS_SELECTED: RowSelection = { kind: "ids", ids: new Set() };

export function isRowSelected(selection: RowSelection, rowId: string): boolean {
  return selection.kind === "ids" ? selection.ids.has(rowId) : !selection.except.has(rowId);
}

/** Selects or unselects some rows; `value` omitted toggles one row. */
export function setRowsSelected(selection: RowSelection, rowIds: Iterable<string>, value: boolean): RowSelection {
  if (selection.kind === "ids") {
    const ids = new Set(selection.ids);
    for (const id of rowIds) {
      if (value) ids.add(id);
      else ids.delete(id);
    }
    return { kind: "ids", ids };
  }
  const except = new Set(selection.except);
  for (const id of rowIds) {
    if (value) except.delete(id);
    else except.add(id);
  }
  return { kind: "allMatching", except };
}

export function toggleRow(selection: RowSelection, rowId: string): RowSelection {
  return setRowsSelected(selection, [rowId], !isRowSelected(selection, rowId));
}

/**
 * Shift-click: every loaded row between the anchor and the clicked row (inclusive, in display
 * order) takes the clicked row's new state.
 */
export function selectRowRange(
  selection: RowSelection,
  orderedIds: readonly (string | undefined)[],
  anchorIndex: number,
  targetIndex: number,
  value: boolean,
): RowSelection {
  const from = Math.max(0, Math.min(anchorIndex, targetIndex));
  const to = Math.min(orderedIds.length - 1, Math.max(anchorIndex, targetIndex));
  const ids: string[] = [];
  for (let i = from; i <= to; i += 1) {
    const id = orderedIds[i];
    if (id !== undefined) ids.push(id);
  }
  return setRowsSelected(selection, ids, value);
}

export function selectAllMatching(): RowSelection {
  return { kind: "allMatching", except: new Set() };
}

export function clearRowSelection(): RowSelection {
  return NO_ROWS_SELECTED;
}

/** How many rows are selected, given how many match the filters. */
export function selectedRowCount(selection: RowSelection, matchingCount: number): number {
  return selection.kind === "ids" ? selection.ids.size : Math.max(0, matchingCount - selection.except.size);
}

/** State of the "select all" checkbox in the header. */
export function headerSelectionState(selection: RowSelection, matchingCount: number): "all" | "some" | "none" {
  const count = selectedRowCount(selection, matchingCount);
  if (count === 0) return "none";
  if (selection.kind === "allMatching" ? selection.except.size === 0 : count >= matchingCount) return "all";
  return "some";
}

/** The selected ids among the given rows (client mode, where every matching row is loaded). */
export function resolveSelectedIds(selection: RowSelection, orderedIds: readonly (string | undefined)[]): string[] {
  const out: string[] = [];
  for (const id of orderedIds) if (id !== undefined && isRowSelected(selection, id)) out.push(id);
  return out;
}
