import { describe, expect, it } from "vitest";
import {
  EMPTY_EDITS,
  applyPatches,
  canRedo,
  canUndo,
  cellKey,
  clearRange,
  countStagedErrors,
  fillDown,
  getPendingChanges,
  parseTsv,
  pasteAt,
  redoEdits,
  stageEdits,
  textPatch,
  undoEdits,
  valuePatch,
  type GridView,
} from "./grid-model";
import type { GridColumn, GridRow, StagedEdits } from "./types";

const columns: GridColumn[] = [
  { id: "id", name: "id", dataType: "int4", type: "integer", editable: false },
  { id: "name", name: "name", dataType: "text", type: "text", editable: true },
  { id: "qty", name: "qty", dataType: "int4", type: "integer", editable: true },
  { id: "price_cents", name: "price_cents", dataType: "int4", type: "money", editable: true },
  { id: "status", name: "status", dataType: "text", type: "enum", editable: true, enumValues: ["open", "closed"] },
];
const rows: GridRow[] = [
  { id: 1, name: "alpha", qty: 1, price_cents: 100, status: "open" },
  { id: 2, name: "beta", qty: 2, price_cents: 200, status: "open" },
  { id: 3, name: "gamma", qty: 3, price_cents: 300, status: "closed" },
];
const view = (staged?: StagedEdits, override: Partial<GridView> = {}): GridView => ({ rows, columns, getRowId: (row) => String(row.id), staged, ...override });

describe("staging and history", () => {
  it("stages a typed value with the loaded value as before", () => {
    const patch = textPatch(view(), { row: 0, col: 2 }, "5");
    expect(patch).toEqual({ rowId: "1", columnId: "qty", before: 1, after: 5 });
    const state = stageEdits(EMPTY_EDITS, [patch!]);
    expect(state.staged.get(cellKey("1", "qty"))).toEqual({ rowId: "1", columnId: "qty", before: 1, after: 5 });
  });

  it("stages invalid text with its error and leaves it out of the pending changes", () => {
    const patch = textPatch(view(), { row: 0, col: 2 }, "x");
    expect(patch).toEqual({ rowId: "1", columnId: "qty", before: 1, after: "x", error: "Enter a whole number." });
    const state = stageEdits(EMPTY_EDITS, [patch!, textPatch(view(), { row: 1, col: 1 }, "b2")!]);
    expect(countStagedErrors(state.staged)).toBe(1);
    expect(getPendingChanges(state.staged)).toEqual([{ rowId: "2", columnId: "name", before: "beta", after: "b2" }]);
  });

  it("gives no patch for read-only or unloaded cells, or when nothing changes", () => {
    expect(textPatch(view(), { row: 0, col: 0 }, "9")).toBeNull();
    expect(textPatch(view(undefined, { rows: [undefined, ...rows] }), { row: 0, col: 1 }, "x")).toBeNull();
    expect(textPatch(view(), { row: 0, col: 1 }, "alpha")).toBeNull();
    expect(valuePatch(view(), { row: 0, col: 4 }, "closed")).toEqual({ rowId: "1", columnId: "status", before: "open", after: "closed" });
  });

  it("keeps the loaded value as before across edits and unstages a cell edited back", () => {
    let state = stageEdits(EMPTY_EDITS, [textPatch(view(), { row: 0, col: 1 }, "a2")!]);
    const second = textPatch(view(state.staged), { row: 0, col: 1 }, "a3")!;
    expect(second.before).toBe("a2");
    state = stageEdits(state, [second]);
    expect(state.staged.get(cellKey("1", "name"))).toMatchObject({ before: "alpha", after: "a3" });
    state = stageEdits(state, [textPatch(view(state.staged), { row: 0, col: 1 }, "alpha")!]);
    expect(state.staged.size).toBe(0);
  });

  it("undoes and redoes whole batches", () => {
    const batch = [textPatch(view(), { row: 0, col: 1 }, "a2")!, textPatch(view(), { row: 1, col: 1 }, "b2")!];
    let state = stageEdits(EMPTY_EDITS, batch);
    state = stageEdits(state, [textPatch(view(state.staged), { row: 0, col: 1 }, "a3")!]);
    expect(canUndo(state)).toBe(true);
    expect(canRedo(state)).toBe(false);

    state = undoEdits(state);
    expect(state.staged.get(cellKey("1", "name"))?.after).toBe("a2");
    state = undoEdits(state);
    expect(state.staged.size).toBe(0);
    expect(canUndo(state)).toBe(false);
    expect(undoEdits(state)).toBe(state);

    state = redoEdits(state);
    expect(state.staged.size).toBe(2);
    state = redoEdits(state);
    expect(state.staged.get(cellKey("1", "name"))).toMatchObject({ before: "alpha", after: "a3" });
    expect(canRedo(state)).toBe(false);
    expect(redoEdits(state)).toBe(state);
  });

  it("drops the redo stack when a new edit is staged", () => {
    let state = stageEdits(EMPTY_EDITS, [textPatch(view(), { row: 0, col: 1 }, "a2")!]);
    state = undoEdits(state);
    state = stageEdits(state, [textPatch(view(state.staged), { row: 1, col: 1 }, "b2")!]);
    expect(canRedo(state)).toBe(false);
  });

  it("restores a staged error on undo", () => {
    let state = stageEdits(EMPTY_EDITS, [textPatch(view(), { row: 0, col: 2 }, "x")!]);
    state = stageEdits(state, [textPatch(view(state.staged), { row: 0, col: 2 }, "4")!]);
    expect(state.staged.get(cellKey("1", "qty"))?.error).toBeUndefined();
    state = undoEdits(state);
    expect(state.staged.get(cellKey("1", "qty"))).toMatchObject({ after: "x", error: "Enter a whole number." });
  });

  it("ignores empty batches", () => {
    expect(stageEdits(EMPTY_EDITS, [])).toBe(EMPTY_EDITS);
    expect(applyPatches(new Map(), []).staged.size).toBe(0);
  });
});

describe("clearRange", () => {
  it("nulls every editable cell of the range and skips read-only ones", () => {
    const patches = clearRange(view(), { anchor: { row: 0, col: 0 }, focus: { row: 1, col: 2 } });
    expect(patches).toEqual([
      { rowId: "1", columnId: "name", before: "alpha", after: null },
      { rowId: "1", columnId: "qty", before: 1, after: null },
      { rowId: "2", columnId: "name", before: "beta", after: null },
      { rowId: "2", columnId: "qty", before: 2, after: null },
    ]);
  });
});

describe("fillDown", () => {
  it("copies the top cell of each column into the rest of the range", () => {
    const patches = fillDown(view(), { anchor: { row: 2, col: 3 }, focus: { row: 0, col: 0 } });
    expect(patches).toEqual([
      { rowId: "2", columnId: "name", before: "beta", after: "alpha" },
      { rowId: "3", columnId: "name", before: "gamma", after: "alpha" },
      { rowId: "2", columnId: "qty", before: 2, after: 1 },
      { rowId: "3", columnId: "qty", before: 3, after: 1 },
      { rowId: "2", columnId: "price_cents", before: 200, after: 100 },
      { rowId: "3", columnId: "price_cents", before: 300, after: 100 },
    ]);
  });

  it("copies the cell above into a single-row selection, and uses staged values", () => {
    const staged = stageEdits(EMPTY_EDITS, [textPatch(view(), { row: 0, col: 1 }, "A!")!]).staged;
    expect(fillDown(view(staged), { anchor: { row: 1, col: 1 }, focus: { row: 1, col: 1 } })).toEqual([
      { rowId: "2", columnId: "name", before: "beta", after: "A!" },
    ]);
    expect(fillDown(view(), { anchor: { row: 0, col: 1 }, focus: { row: 0, col: 1 } })).toEqual([]);
  });
});

describe("pasteAt", () => {
  it("pastes a matrix from the active cell, parsing each value by its column type", () => {
    const patches = pasteAt(view(), { row: 1, col: 1 }, parseTsv("b2\t20\t$1,234.50\nc2\tnope\t3"));
    expect(patches).toEqual([
      { rowId: "2", columnId: "name", before: "beta", after: "b2" },
      { rowId: "2", columnId: "qty", before: 2, after: 20 },
      { rowId: "2", columnId: "price_cents", before: 200, after: 123450 },
      { rowId: "3", columnId: "name", before: "gamma", after: "c2" },
      { rowId: "3", columnId: "qty", before: 3, after: "nope", error: "Enter a whole number." },
      // "3" dollars is 300 cents, the value the cell already has: no patch.
    ]);
  });

  it("skips read-only columns and cells beyond the edges", () => {
    const patches = pasteAt(view(), { row: 2, col: 0 }, [["9", "g2"], ["10", "h"]]);
    expect(patches).toEqual([{ rowId: "3", columnId: "name", before: "gamma", after: "g2" }]);
    expect(pasteAt(view(), { row: 0, col: 4 }, [["closed", "extra"]])).toEqual([{ rowId: "1", columnId: "status", before: "open", after: "closed" }]);
  });

  it("stages enum values that are not allowed with an error", () => {
    expect(pasteAt(view(), { row: 0, col: 4 }, [["lost"]])).toEqual([
      { rowId: "1", columnId: "status", before: "open", after: "lost", error: "Choose one of: open, closed." },
    ]);
  });

  it("fills a selected range with a single pasted value", () => {
    const patches = pasteAt(view(), { anchor: { row: 0, col: 2 }, focus: { row: 2, col: 2 } }, [["7"]]);
    expect(patches.map((patch) => [patch.rowId, patch.after])).toEqual([["1", 7], ["2", 7], ["3", 7]]);
  });

  it("pastes at the top-left of a selected range", () => {
    const patches = pasteAt(view(), { anchor: { row: 2, col: 2 }, focus: { row: 1, col: 1 } }, [["x", "8"]]);
    expect(patches).toEqual([
      { rowId: "2", columnId: "name", before: "beta", after: "x" },
      { rowId: "2", columnId: "qty", before: 2, after: 8 },
    ]);
  });

  it("pastes 1,000 cells quickly", () => {
    const manyColumns: GridColumn[] = Array.from({ length: 10 }, (_, i) => ({ id: `c${i}`, name: `c${i}`, dataType: "int4", type: "integer", editable: true }));
    const manyRows: GridRow[] = Array.from({ length: 100 }, (_, r) => Object.fromEntries([["id", r], ...manyColumns.map((c) => [c.id, r])]));
    const text = Array.from({ length: 100 }, (_, r) => Array.from({ length: 10 }, (_, c) => String(r * c)).join("\t")).join("\n");
    const started = performance.now();
    const patches = pasteAt({ rows: manyRows, columns: manyColumns, getRowId: (row) => String(row.id) }, { row: 0, col: 0 }, parseTsv(text));
    const state = stageEdits(EMPTY_EDITS, patches);
    expect(performance.now() - started).toBeLessThan(200);
    expect(state.staged.size).toBeGreaterThan(800);
  });
});
