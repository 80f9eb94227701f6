/** Type-checking mappings against the action's JSON Schema on the selected rows, and the inputs built from them. */
import { describe, expect, it } from "vitest";
import { fieldsOfSchema } from "./input-fields";
import { buildBatchInput, buildRunItems, checkMapping, fromCell, type MappingInput, type SelectedRow } from "./mapping-check";
import type { Mapping } from "./mapping";
import { NOTE_SCHEMA, ORDER_COLUMNS, REFUND_SCHEMA, STATUS_SCHEMA } from "./test-fixtures";

const key = (id: number) => JSON.stringify([["id", id]]);
const ROWS: SelectedRow[] = [
  { rowKey: key(11), row: { id: 11, status: "delivered", total_cents: 4500, currency: "USD", notes: null } },
  { rowKey: key(12), row: { id: 12, status: "paid", total_cents: 1200, currency: "USD", notes: "gift" } },
  { rowKey: key(13), row: { id: 13, status: "shipped", total_cents: 9900, currency: "USD", notes: null } },
];

function refund(mapping: Mapping, runtime: Record<string, string> = {}, rows = ROWS): MappingInput {
  return { fields: fieldsOfSchema(REFUND_SCHEMA), shape: { mode: "perRow", selectionField: null }, columns: ORDER_COLUMNS, rows, mapping, runtime };
}

const SUGGESTED: Mapping = { orderId: { kind: "column", column: "id" }, amountCents: { kind: "empty" }, reason: { kind: "runtime" } };

describe("checkMapping", () => {
  it("accepts the suggested refund mapping once the run-time reason is typed, and builds one input per row", () => {
    const waiting = checkMapping(refund(SUGGESTED));
    expect(waiting.ok).toBe(false);
    expect(waiting.fields).toEqual({ orderId: null, amountCents: null, reason: null });
    expect(waiting.runtime).toEqual({ reason: "reason is required: type a value for this run" });

    const input = refund(SUGGESTED, { reason: "Damaged in transit" });
    expect(checkMapping(input).ok).toBe(true);
    expect(buildRunItems(input)).toEqual([
      { rowKey: key(11), input: { orderId: 11, reason: "Damaged in transit" } },
      { rowKey: key(12), input: { orderId: 12, reason: "Damaged in transit" } },
      { rowKey: key(13), input: { orderId: 13, reason: "Damaged in transit" } },
    ]);
  });

  it("flags a text column mapped to a number, with the reason, and keeps Run disabled", () => {
    const check = checkMapping(refund({ ...SUGGESTED, amountCents: { kind: "column", column: "currency" } }, { reason: "x" }));
    expect(check.fields.amountCents).toBe("currency is text; amountCents needs a whole number above 0");
    expect(check.ok).toBe(false);
  });

  it("checks a numeric column's values on the selected rows (PostgreSQL bigints arrive as text)", () => {
    const rows = ROWS.map((row, index) => ({ ...row, row: { ...row.row, total_cents: index === 1 ? "0" : String(row.row.total_cents) } }));
    const check = checkMapping(refund({ ...SUGGESTED, amountCents: { kind: "column", column: "total_cents" } }, { reason: "x" }, rows));
    expect(check.fields.amountCents).toBe("total_cents of row 12: 0 is not above 0");
    const fine = refund({ ...SUGGESTED, amountCents: { kind: "column", column: "total_cents" } }, { reason: "x" }, rows.slice(0, 1));
    expect(checkMapping(fine).ok).toBe(true);
    expect(buildRunItems(fine)[0]?.input).toEqual({ orderId: 11, amountCents: 4500, reason: "x" });
  });

  it("flags required fields left unmapped, and empty cells of a required field; leaves empty cells of optional fields out", () => {
    expect(checkMapping(refund({ ...SUGGESTED, orderId: { kind: "empty" } }, { reason: "x" })).fields.orderId).toBe(
      "orderId is required: map it to a column, a constant or a value typed at run time",
    );
    const withNotes = refund({ ...SUGGESTED, reason: { kind: "column", column: "notes" } });
    expect(checkMapping(withNotes).fields.reason).toBe("2 of 3 selected rows have no notes; reason is required");
    const optional = refund({ ...SUGGESTED, amountCents: { kind: "column", column: "total_cents" } }, { reason: "x" }, [{ rowKey: key(14), row: { id: 14, total_cents: null } }]);
    expect(checkMapping(optional).ok).toBe(true);
    expect(buildRunItems(optional)[0]?.input).toEqual({ orderId: 14, reason: "x" });
  });

  it("checks constants: number parsing, bounds, and enum values", () => {
    expect(checkMapping(refund({ ...SUGGESTED, amountCents: { kind: "constant", text: "12.50" } }, { reason: "x" })).fields.amountCents).toBe('"12.50" is not a whole number');
    expect(checkMapping(refund({ ...SUGGESTED, amountCents: { kind: "constant", text: "-5" } }, { reason: "x" })).fields.amountCents).toBe("amountCents: -5 is not above 0");
    const ok = refund({ ...SUGGESTED, amountCents: { kind: "constant", text: "1000" } }, { reason: "x" });
    expect(checkMapping(ok).ok).toBe(true);
    expect(buildRunItems(ok)[1]?.input).toEqual({ orderId: 12, amountCents: 1000, reason: "x" });

    const status: MappingInput = { fields: fieldsOfSchema(STATUS_SCHEMA), shape: { mode: "perRow", selectionField: null }, columns: ORDER_COLUMNS, rows: ROWS, mapping: { orderId: { kind: "column", column: "id" }, status: { kind: "constant", text: "archived" } }, runtime: {} };
    expect(checkMapping(status).fields.status).toBe('status: "archived" is not one of pending, paid, shipped, delivered, cancelled, refunded');
    expect(checkMapping({ ...status, mapping: { ...status.mapping, status: { kind: "constant", text: "paid" } } }).ok).toBe(true);
  });

  it("checks an enum field fed by a column value by value", () => {
    const status: MappingInput = { fields: fieldsOfSchema(STATUS_SCHEMA), shape: { mode: "perRow", selectionField: null }, columns: ORDER_COLUMNS, rows: ROWS, mapping: { orderId: { kind: "column", column: "id" }, status: { kind: "column", column: "currency" } }, runtime: {} };
    expect(checkMapping(status).fields.status).toBe('currency of row 11: "USD" is not one of pending, paid, shipped, delivered, cancelled, refunded (and 2 more rows)');
  });

  it("refuses an empty selection and more rows than a run holds", () => {
    expect(checkMapping(refund(SUGGESTED, { reason: "x" }, [])).general).toEqual(["Select at least one row."]);
    const many = Array.from({ length: 10_001 }, (_, i) => ({ rowKey: key(i + 1), row: { id: i + 1 } }));
    expect(checkMapping(refund(SUGGESTED, { reason: "x" }, many)).general).toEqual(["A run holds at most 10,000 rows; select fewer."]);
  });
});

describe("batch actions", () => {
  const batch = (mapping: Mapping, runtime: Record<string, string>, rows = ROWS): MappingInput => ({
    fields: fieldsOfSchema(NOTE_SCHEMA),
    shape: { mode: "batch", selectionField: "orderIds" },
    columns: ORDER_COLUMNS,
    rows,
    mapping,
    runtime,
  });

  it("puts the selection in the selection field as one list", () => {
    const input = batch({ orderIds: { kind: "column", column: "id" }, note: { kind: "runtime" } }, { note: "Called the customer" });
    expect(checkMapping(input).ok).toBe(true);
    expect(buildBatchInput(input)).toEqual({ orderIds: [11, 12, 13], note: "Called the customer" });
  });

  it("type-checks the list's items and its size", () => {
    expect(checkMapping(batch({ orderIds: { kind: "column", column: "status" }, note: { kind: "runtime" } }, { note: "x" })).fields.orderIds).toBe("status is text; orderIds needs a whole number above 0");
    expect(checkMapping(batch({ orderIds: { kind: "column", column: "" }, note: { kind: "runtime" } }, { note: "x" })).fields.orderIds).toBe("Choose a column for orderIds");
    const many = Array.from({ length: 1001 }, (_, i) => ({ rowKey: key(i + 1), row: { id: i + 1 } }));
    expect(checkMapping(batch({ orderIds: { kind: "column", column: "id" }, note: { kind: "runtime" } }, { note: "x" }, many)).fields.orderIds).toBe("orderIds has 1001 items; at most 1000 are allowed");
  });
});

describe("fromCell", () => {
  it("converts losslessly only", () => {
    expect(fromCell({ type: "integer", nullable: false }, "42")).toBe(42);
    expect(fromCell({ type: "integer", nullable: false }, "4x")).toBe("4x");
    expect(fromCell({ type: "string", nullable: false }, 42)).toBe("42");
    expect(fromCell({ type: "boolean", nullable: false }, 1)).toBe(true);
    expect(fromCell({ type: "object", nullable: false }, '{"a":1}')).toEqual({ a: 1 });
    expect(fromCell({ type: "integer", nullable: false }, undefined)).toBeNull();
  });
});
