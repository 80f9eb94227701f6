import { describe, expect, it } from "vitest";
import type { GridColumn } from "@/components/grid";
import type { EditorColumn } from "@/lib/schemas/tables";
import { fieldErrorText, fieldOfError, insertFields, parseInsertRow } from "./insert-row";

const columns: EditorColumn[] = [
  { name: "id", dataType: "INTEGER", nullable: false, isPrimaryKey: true, editable: false },
  { name: "customer_id", dataType: "INTEGER", nullable: false, isPrimaryKey: false, editable: true },
  { name: "status", dataType: "TEXT", nullable: false, isPrimaryKey: false, editable: true },
  { name: "total_cents", dataType: "INTEGER", nullable: false, isPrimaryKey: false, editable: true },
  { name: "notes", dataType: "TEXT", nullable: true, isPrimaryKey: false, editable: true },
];
const grid: GridColumn[] = [
  { id: "id", name: "id", dataType: "INTEGER", type: "integer", editable: false },
  { id: "customer_id", name: "customer_id", dataType: "INTEGER", type: "integer", editable: true },
  { id: "status", name: "status", dataType: "TEXT", type: "enum", editable: true, enumValues: ["paid", "pending"] },
  { id: "total_cents", name: "total_cents", dataType: "INTEGER", type: "money", editable: true },
  { id: "notes", name: "notes", dataType: "TEXT", type: "text", editable: true },
];
const fields = insertFields(columns, grid);

describe("the Add row dialog's fields", () => {
  it("have the grid's types: money in the unit the grid shows, enums with their values", () => {
    expect(fields.map((field) => [field.name, field.type])).toEqual([
      ["id", "integer"],
      ["customer_id", "integer"],
      ["status", "enum"],
      ["total_cents", "money"],
      ["notes", "text"],
    ]);
    // The grid shows $12.50 for 1250: typing 12.50 stores 1250 cents.
    expect(parseInsertRow(fields, { customer_id: "42", status: "PAID", total_cents: "12.50" })).toEqual({ ok: true, row: { customer_id: 42, status: "paid", total_cents: 1250 } });
  });

  it("reject what the grid rejects, per field, with what to type", () => {
    expect(parseInsertRow(fields, { customer_id: "4x", status: "lost", total_cents: "1.234" })).toEqual({
      ok: false,
      errors: {
        customer_id: "Enter a whole number.",
        status: "Choose one of: paid, pending.",
        total_cents: "Enter an amount with at most two decimals, e.g. 1234.50.",
      },
    });
  });

  it("leave blank fields to the database's default", () => {
    expect(parseInsertRow(fields, { id: "", notes: "" })).toEqual({ ok: true, row: {} });
  });
});

describe("database errors next to their field", () => {
  const names = fields.map((field) => field.name);
  it("find the column a NOT NULL error names, in each dialect", () => {
    expect(fieldOfError("Nothing was saved: NOT NULL constraint failed: orders.customer_id", names)).toBe("customer_id");
    expect(fieldOfError('Nothing was saved: null value in column "customer_id" of relation "orders" violates not-null constraint', names)).toBe("customer_id");
    expect(fieldOfError("Nothing was saved: Column 'customer_id' cannot be null", names)).toBe("customer_id");
    expect(fieldOfError("Nothing was saved: Field 'total_cents' doesn't have a default value", names)).toBe("total_cents");
    expect(fieldOfError("Nothing was saved: the database is unreachable", names)).toBeNull();
  });

  it("say what is wrong in words", () => {
    expect(fieldErrorText("NOT NULL constraint failed: orders.customer_id")).toBe("Required: the database refuses an empty value here.");
    expect(fieldErrorText("duplicate key value violates unique constraint")).toBe("Already taken: another row has this value.");
  });
});
