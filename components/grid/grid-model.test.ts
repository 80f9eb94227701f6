import { describe, expect, it } from "vitest";
import {
  clampRange,
  collapsedRange,
  enterRange,
  extendRangeTo,
  isInRange,
  moveRange,
  rangeBounds,
  rangeCellCount,
  selectAllRange,
  tabRange,
  type GridDims,
} from "./grid-model";

const dims: GridDims = { rowCount: 100, colCount: 5, pageSize: 20 };
const at = (row: number, col: number) => collapsedRange({ row, col });

describe("moveRange", () => {
  it("moves by one with the arrows and stays inside the grid", () => {
    expect(moveRange(at(5, 2), "down", dims)).toEqual(at(6, 2));
    expect(moveRange(at(5, 2), "up", dims)).toEqual(at(4, 2));
    expect(moveRange(at(5, 2), "left", dims)).toEqual(at(5, 1));
    expect(moveRange(at(5, 2), "right", dims)).toEqual(at(5, 3));
    expect(moveRange(at(0, 0), "up", dims)).toEqual(at(0, 0));
    expect(moveRange(at(0, 0), "left", dims)).toEqual(at(0, 0));
    expect(moveRange(at(99, 4), "down", dims)).toEqual(at(99, 4));
    expect(moveRange(at(99, 4), "right", dims)).toEqual(at(99, 4));
  });

  it("goes to the row's ends with Home/End and to the grid's corners with Ctrl+Home/End", () => {
    expect(moveRange(at(5, 2), "rowStart", dims)).toEqual(at(5, 0));
    expect(moveRange(at(5, 2), "rowEnd", dims)).toEqual(at(5, 4));
    expect(moveRange(at(5, 2), "gridStart", dims)).toEqual(at(0, 0));
    expect(moveRange(at(5, 2), "gridEnd", dims)).toEqual(at(99, 4));
  });

  it("pages by the page size", () => {
    expect(moveRange(at(5, 2), "pageDown", dims)).toEqual(at(25, 2));
    expect(moveRange(at(25, 2), "pageUp", dims)).toEqual(at(5, 2));
    expect(moveRange(at(5, 2), "pageUp", dims)).toEqual(at(0, 2));
    expect(moveRange(at(90, 2), "pageDown", dims)).toEqual(at(99, 2));
  });

  it("jumps to the edges with Ctrl+arrows", () => {
    expect(moveRange(at(5, 2), "edgeUp", dims)).toEqual(at(0, 2));
    expect(moveRange(at(5, 2), "edgeDown", dims)).toEqual(at(99, 2));
    expect(moveRange(at(5, 2), "edgeLeft", dims)).toEqual(at(5, 0));
    expect(moveRange(at(5, 2), "edgeRight", dims)).toEqual(at(5, 4));
  });

  it("extends only the focus end with Shift, keeping the anchor (the active cell)", () => {
    let range = moveRange(at(5, 2), "down", dims, true);
    range = moveRange(range, "right", dims, true);
    expect(range).toEqual({ anchor: { row: 5, col: 2 }, focus: { row: 6, col: 3 } });
    expect(moveRange(range, "edgeDown", dims, true)).toEqual({ anchor: { row: 5, col: 2 }, focus: { row: 99, col: 3 } });
    // A plain move collapses the range, moving from the active cell.
    expect(moveRange(range, "down", dims)).toEqual(at(6, 2));
  });

  it("handles an empty grid", () => {
    const empty = { rowCount: 0, colCount: 0, pageSize: 10 };
    expect(moveRange(at(0, 0), "down", empty)).toEqual(at(0, 0));
    expect(selectAllRange(empty)).toEqual(at(0, 0));
  });
});

describe("tabRange and enterRange", () => {
  it("moves right with Tab and wraps to the next row", () => {
    expect(tabRange(at(3, 1), false, dims)).toEqual(at(3, 2));
    expect(tabRange(at(3, 4), false, dims)).toEqual(at(4, 0));
    expect(tabRange(at(99, 4), false, dims)).toEqual(at(99, 4));
  });

  it("moves left with Shift+Tab and wraps to the previous row", () => {
    expect(tabRange(at(3, 1), true, dims)).toEqual(at(3, 0));
    expect(tabRange(at(3, 0), true, dims)).toEqual(at(2, 4));
    expect(tabRange(at(0, 0), true, dims)).toEqual(at(0, 0));
  });

  it("moves down with Enter and up with Shift+Enter", () => {
    expect(enterRange(at(3, 1), false, dims)).toEqual(at(4, 1));
    expect(enterRange(at(3, 1), true, dims)).toEqual(at(2, 1));
    expect(enterRange({ anchor: { row: 3, col: 1 }, focus: { row: 9, col: 4 } }, false, dims)).toEqual(at(4, 1));
  });
});

describe("ranges", () => {
  it("normalises bounds whichever corner the anchor is", () => {
    const range = { anchor: { row: 9, col: 4 }, focus: { row: 3, col: 1 } };
    expect(rangeBounds(range)).toEqual({ top: 3, bottom: 9, left: 1, right: 4 });
    expect(rangeCellCount(range)).toBe(28);
    expect(isInRange(rangeBounds(range), 5, 2)).toBe(true);
    expect(isInRange(rangeBounds(range), 2, 2)).toBe(false);
  });

  it("selects everything, extends to a clicked cell and clamps after the grid shrinks", () => {
    expect(selectAllRange(dims)).toEqual({ anchor: { row: 0, col: 0 }, focus: { row: 99, col: 4 } });
    expect(extendRangeTo(at(2, 2), { row: 7, col: 0 })).toEqual({ anchor: { row: 2, col: 2 }, focus: { row: 7, col: 0 } });
    const range = { anchor: { row: 50, col: 1 }, focus: { row: 80, col: 4 } };
    expect(clampRange(range, { rowCount: 60, colCount: 3 })).toEqual({ anchor: { row: 50, col: 1 }, focus: { row: 59, col: 2 } });
    expect(clampRange(range, dims)).toBe(range);
  });
});
