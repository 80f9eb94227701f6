import { describe, expect, it } from "vitest";
import type { QueryEditable } from "@/lib/schemas/queries";
import { editableColumns, tableGridColumns } from "./table-columns";

const editable: QueryEditable = {
  table: { schema: null, name: "orders" },
  display: "orders",
  primaryKey: ["id"],
  key: [{ output: "id", source: "id" }],
  columns: [
    { output: "status", source: "status" },
    { output: "notes", source: "notes" },
    { output: "total_cents", source: "total_cents" },
  ],
};

describe("tableGridColumns", () => {
  const rows = [{ id: 1, customer: "Ann", total_cents: 1250, notes: null, secret: "x" }];

  it("applies labels, formats and hidden columns in the result's order", () => {
    const columns = tableGridColumns({
      sourceColumns: [
        { name: "id", dataType: "INTEGER" },
        { name: "customer", dataType: "TEXT" },
        { name: "total_cents", dataType: "INTEGER" },
        { name: "notes", dataType: "TEXT" },
        { name: "secret", dataType: "TEXT" },
      ],
      rows,
      overrides: [
        { key: "total_cents", label: "Total", format: "money" },
        { key: "secret", hidden: true },
      ],
    });
    expect(columns.map((c) => [c.id, c.name, c.type, c.editable])).toEqual([
      ["id", "id", "integer", false],
      ["customer", "customer", "text", false],
      ["total_cents", "Total", "money", false],
      ["notes", "notes", "text", false],
    ]);
  });

  it("says the unit of money: the word money is cents, an explicit format in units edits the plain number", () => {
    const columns = tableGridColumns({
      sourceColumns: [
        { name: "total_cents", dataType: "INTEGER" },
        { name: "revenue", dataType: "REAL" },
        { name: "rate", dataType: "REAL" },
      ],
      rows: [{ total_cents: 1250, revenue: 31983.38, rate: 0.125 }],
      overrides: [
        { key: "total_cents", format: "money" },
        { key: "revenue", format: { style: "money", unit: "units", currency: "EUR" } },
        { key: "rate", format: { style: "percent", of: 1 } },
      ],
    });
    expect(columns.map((c) => [c.id, c.type, c.format])).toEqual([
      ["total_cents", "money", { style: "money", unit: "cents", currency: "USD" }],
      ["revenue", "decimal", { style: "money", unit: "units", currency: "EUR" }],
      ["rate", "decimal", { style: "percent", of: 1 }],
    ]);
  });

  it("uses the rows' keys for computed data", () => {
    expect(tableGridColumns({ sourceColumns: null, rows: [{ a: 1 }, { b: "x", a: 2 }], overrides: [] }).map((c) => c.id)).toEqual(["a", "b"]);
  });

  it("marks editable cells", () => {
    const columns = tableGridColumns({ sourceColumns: null, rows, overrides: [], editable: new Set(["notes"]) });
    expect(columns.filter((c) => c.editable).map((c) => c.id)).toEqual(["notes"]);
  });
});

describe("editableColumns", () => {
  it("takes only the columns marked editable that the guard allows; none marked means none editable, hidden never", () => {
    expect([...editableColumns([{ key: "notes", editable: true }, { key: "customer", editable: true }], editable)]).toEqual(["notes"]);
    expect([...editableColumns([{ key: "notes", label: "Notes" }], editable)]).toEqual([]);
    expect([...editableColumns([], editable)]).toEqual([]);
    expect([...editableColumns([{ key: "notes", editable: true, hidden: true }, { key: "status", editable: true }], editable)]).toEqual(["status"]);
  });
});
