import { describe, expect, it } from "vitest";
import {
  NO_ROWS_SELECTED,
  clearRowSelection,
  headerSelectionState,
  isRowSelected,
  resolveSelectedIds,
  selectAllMatching,
  selectRowRange,
  selectedRowCount,
  setRowsSelected,
  toggleRow,
} from "./grid-model";

const ids = ["a", "b", "c", "d", "e"];

describe("row selection", () => {
  it("toggles single rows", () => {
    let selection = toggleRow(NO_ROWS_SELECTED, "b");
    expect(isRowSelected(selection, "b")).toBe(true);
    selection = toggleRow(selection, "b");
    expect(isRowSelected(selection, "b")).toBe(false);
    expect(NO_ROWS_SELECTED).toEqual({ kind: "ids", ids: new Set() });
  });

  it("selects Shift-click ranges in display order, either direction", () => {
    const selection = selectRowRange(NO_ROWS_SELECTED, ids, 3, 1, true);
    expect(resolveSelectedIds(selection, ids)).toEqual(["b", "c", "d"]);
    const unselected = selectRowRange(selection, ids, 2, 3, false);
    expect(resolveSelectedIds(unselected, ids)).toEqual(["b"]);
  });

  it("skips rows that are not loaded in a range", () => {
    const selection = selectRowRange(NO_ROWS_SELECTED, ["a", undefined, "c"], 0, 2, true);
    expect(resolveSelectedIds(selection, ["a", "b", "c"])).toEqual(["a", "c"]);
  });

  it("selects all matching rows with exceptions", () => {
    let selection = selectAllMatching();
    expect(isRowSelected(selection, "zzz")).toBe(true);
    expect(headerSelectionState(selection, 1000)).toBe("all");
    selection = toggleRow(selection, "c");
    expect(isRowSelected(selection, "c")).toBe(false);
    expect(selectedRowCount(selection, 1000)).toBe(999);
    expect(headerSelectionState(selection, 1000)).toBe("some");
    selection = setRowsSelected(selection, ["c"], true);
    expect(selection).toEqual({ kind: "allMatching", except: new Set() });
    expect(clearRowSelection()).toEqual(NO_ROWS_SELECTED);
  });

  it("reports the header checkbox state", () => {
    expect(headerSelectionState(NO_ROWS_SELECTED, 5)).toBe("none");
    expect(headerSelectionState(setRowsSelected(NO_ROWS_SELECTED, ["a"], true), 5)).toBe("some");
    expect(headerSelectionState(setRowsSelected(NO_ROWS_SELECTED, ids, true), 5)).toBe("all");
    expect(headerSelectionState(selectAllMatching(), 0)).toBe("none");
  });
});
