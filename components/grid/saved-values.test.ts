import { describe, expect, it } from "vitest";
import { EMPTY_EDITS, NO_SAVED_VALUES, cellKey, effectiveValue, getPendingChanges, overlaySavedValues, settleSaved, stageEdits } from "./grid-model";
import type { GridRow } from "./types";

const getRowId = (row: GridRow) => String(row.id);
const loaded: GridRow[] = [
  { id: 1, notes: "old one", qty: 1 },
  { id: 2, notes: "old two", qty: 2 },
];

describe("saved values until the re-read rows arrive", () => {
  const state = stageEdits(EMPTY_EDITS, [
    { rowId: "1", columnId: "notes", before: "old one", after: "new one" },
    { rowId: "2", columnId: "qty", before: 2, after: 5 },
  ]);

  it("show the saved value, not the stale loaded one, between Saved and the reload", () => {
    const settled = settleSaved(state, NO_SAVED_VALUES, getPendingChanges(state.staged));
    expect(settled.state.staged.size).toBe(0);
    const shown = overlaySavedValues(loaded, settled.saved, getRowId);
    // What a cell renders: its staged value if any, else the row's value.
    expect(effectiveValue(shown[0]!, "1", "notes", settled.state.staged)).toBe("new one");
    expect(effectiveValue(shown[1]!, "2", "qty", settled.state.staged)).toBe(5);
    expect(shown[1]!.notes).toBe("old two");
  });

  it("leave the rows untouched when nothing is waiting, and keep unloaded rows as holes", () => {
    expect(overlaySavedValues(loaded, NO_SAVED_VALUES, getRowId)).toBe(loaded);
    const settled = settleSaved(state, NO_SAVED_VALUES, getPendingChanges(state.staged));
    const paged: (GridRow | undefined)[] = [undefined, loaded[0]];
    const shown = overlaySavedValues(paged, settled.saved, getRowId);
    expect(shown[0]).toBeUndefined();
    expect(shown[1]!.notes).toBe("new one");
    expect(loaded[0]!.notes).toBe("old one");
  });

  it("keep an edit made while the save was on its way, on top of the saved value", () => {
    const saving = getPendingChanges(state.staged);
    const typedMeanwhile = stageEdits(state, [{ rowId: "1", columnId: "notes", before: "new one", after: "newer" }]);
    const settled = settleSaved(typedMeanwhile, NO_SAVED_VALUES, saving);
    expect([...settled.state.staged.keys()]).toEqual([cellKey("1", "notes")]);
    // The database now holds "new one": that is the value the next save must find.
    expect(getPendingChanges(settled.state.staged)).toEqual([{ rowId: "1", columnId: "notes", before: "new one", after: "newer" }]);
  });
});
