import { describe, expect, it } from "vitest";
import { keyId } from "@/lib/schemas/tables";
import { buildUpdates, keyOfRowId, rowIdOf } from "./save-payload";

describe("save payload", () => {
  it("encodes a composite key as a row id and back", () => {
    const rowId = rowIdOf({ order_id: 7, line: 2, qty: 1 }, ["order_id", "line"]);
    expect(rowId).toBe(keyId({ line: 2, order_id: 7 }));
    expect(keyOfRowId(rowId)).toEqual({ line: 2, order_id: 7 });
  });

  it("groups cell edits into one update per row with before and after", () => {
    const a = rowIdOf({ id: 1 }, ["id"]);
    const b = rowIdOf({ id: 2 }, ["id"]);
    const updates = buildUpdates([
      { rowId: a, columnId: "status", before: "paid", after: "shipped" },
      { rowId: b, columnId: "notes", before: null, after: "call back" },
      { rowId: a, columnId: "notes", before: "x", after: null },
    ]);
    expect(updates).toEqual([
      { key: { id: 1 }, changes: { status: { before: "paid", after: "shipped" }, notes: { before: "x", after: null } } },
      { key: { id: 2 }, changes: { notes: { before: null, after: "call back" } } },
    ]);
  });
});
