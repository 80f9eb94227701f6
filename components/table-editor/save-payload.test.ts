// The table save payload: row ids that encode the primary key, and cell edits grouped per row
// (also through a query result's renamed columns).
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

  it("reads the key and names the columns through a query's renames", () => {
    // SELECT id AS item, name AS title FROM items
    const outputs: Record<string, string> = { id: "item" };
    const sources: Record<string, string> = { title: "name" };
    const rowId = rowIdOf({ item: 30, title: "item 30" }, ["id"], (column) => outputs[column] ?? column);
    expect(rowId).toBe(keyId({ id: 30 }));
    expect(buildUpdates([{ rowId, columnId: "title", before: "item 30", after: "renamed" }], (columnId) => sources[columnId] ?? columnId)).toEqual([
      { key: { id: 30 }, changes: { name: { before: "item 30", after: "renamed" } } },
    ]);
  });
});
