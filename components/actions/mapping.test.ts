/** Mapping suggestions by name, and reading action inputs from JSON Schema (zod 4's output for the demo actions). */
import { describe, expect, it } from "vitest";
import { fieldsOfSchema, parseFieldText, specOf, valueProblem } from "./input-fields";
import { columnFits, mergeMapping, nameMatches, normalizeName, plural, singular, suggestMapping, type MappableColumn } from "./mapping";
import { NOTE_SCHEMA, ORDER_COLUMNS, REFUND_SCHEMA, STATUS_SCHEMA } from "./test-fixtures";

const perRow = { mode: "perRow" as const, selectionField: null };

describe("fieldsOfSchema", () => {
  it("reads names, types, constraints, descriptions and which fields are required", () => {
    const fields = fieldsOfSchema(REFUND_SCHEMA);
    expect(fields.map((field) => [field.name, field.type, field.required])).toEqual([
      ["orderId", "integer", true],
      ["amountCents", "integer", false],
      ["reason", "string", true],
    ]);
    expect(fields[0]).toMatchObject({ exclusiveMinimum: 0, description: "Order id (orders.id)", nullable: false });
    expect(fields[2]).toMatchObject({ minLength: 1, maxLength: 200 });
  });

  it("reads enums, arrays and nullable fields in both spellings", () => {
    expect(fieldsOfSchema(STATUS_SCHEMA)[1]?.enumValues).toContain("refunded");
    expect(fieldsOfSchema(NOTE_SCHEMA)[0]).toMatchObject({ type: "array", minItems: 1, maxItems: 1000, items: { type: "integer", exclusiveMinimum: 0 } });
    expect(specOf({ anyOf: [{ type: "string", maxLength: 5 }, { type: "null" }] })).toMatchObject({ type: "string", maxLength: 5, nullable: true });
    expect(specOf({ type: ["number", "null"] })).toMatchObject({ type: "number", nullable: true });
    expect(specOf({})).toEqual({ type: "any", nullable: false });
  });
});

describe("values against a field", () => {
  const [orderId, , reason] = fieldsOfSchema(REFUND_SCHEMA);
  const status = fieldsOfSchema(STATUS_SCHEMA)[1];

  it("checks numbers, text and enums", () => {
    if (!orderId || !reason || !status) throw new Error("fields");
    expect(valueProblem(orderId, 12)).toBeNull();
    expect(valueProblem(orderId, 0)).toBe("0 is not above 0");
    expect(valueProblem(orderId, 1.5)).toBe("1.5 is not a whole number");
    expect(valueProblem(orderId, "12")).toBe('"12" is not a whole number');
    expect(valueProblem(reason, "  ")).toBe("is empty");
    expect(valueProblem(reason, "x".repeat(201))).toBe("is longer than 200 characters");
    expect(valueProblem(status, "archived")).toBe('"archived" is not one of pending, paid, shipped, delivered, cancelled, refunded');
    expect(valueProblem(status, "paid")).toBeNull();
  });

  it("parses typed text by the field's type", () => {
    if (!orderId) throw new Error("fields");
    expect(parseFieldText(orderId, " 1,500 ")).toEqual({ ok: true, value: 1500 });
    expect(parseFieldText(orderId, "12.5")).toEqual({ ok: false, message: '"12.5" is not a whole number' });
    expect(parseFieldText(orderId, "ten")).toEqual({ ok: false, message: '"ten" is not a whole number' });
    expect(parseFieldText(orderId, "")).toEqual({ ok: true, value: undefined });
    expect(parseFieldText({ type: "boolean", nullable: false }, "Yes")).toEqual({ ok: true, value: true });
    expect(parseFieldText({ type: "array", nullable: false }, "[1, 2]")).toEqual({ ok: true, value: [1, 2] });
  });
});

describe("names", () => {
  it("normalizes snake, camel and case", () => {
    expect(normalizeName("order_id")).toBe(normalizeName("orderId"));
    expect(normalizeName("Order-ID")).toBe("orderid");
  });

  it("singular and plural forms", () => {
    expect(["orders", "categories", "boxes", "addresses", "status", "support_tickets"].map(singular)).toEqual(["order", "category", "box", "address", "status", "support_ticket"]);
    expect(["order", "category", "box", "day"].map(plural)).toEqual(["orders", "categories", "boxes", "days"]);
  });
});

describe("suggestMapping", () => {
  const refund = fieldsOfSchema(REFUND_SCHEMA);

  it("maps orderId to id on the orders table; a required field without a column is typed at run time; an optional one stays empty", () => {
    const { mapping, reasons } = suggestMapping(refund, ORDER_COLUMNS, "orders", perRow);
    expect(mapping).toEqual({ orderId: { kind: "column", column: "id" }, amountCents: { kind: "empty" }, reason: { kind: "runtime" } });
    expect(reasons.orderId).toBe("the field is orders.id");
  });

  it("maps orderId to order_id on another table (snake ↔ camel), exact names first", () => {
    const shipments: MappableColumn[] = [{ name: "id", type: "integer" }, { name: "order_id", type: "integer" }, { name: "carrier", type: "enum" }];
    expect(suggestMapping(refund, shipments, "shipments", perRow).mapping.orderId).toEqual({ kind: "column", column: "order_id" });
    const both: MappableColumn[] = [{ name: "order_id", type: "integer" }, { name: "orderId", type: "integer" }];
    expect(nameMatches(refund[0]!, both, "x")[0]).toMatchObject({ column: "orderId", reason: "same name" });
    expect(nameMatches(refund[0]!, [{ name: "ORDERID", type: "integer" }], "x")[0]).toMatchObject({ column: "ORDERID", score: 4 });
  });

  it("uses the table's entity name without a description hint: ticketId ← id on support_tickets", () => {
    const ticket = fieldsOfSchema({ type: "object", properties: { ticketId: { type: "integer" } }, required: ["ticketId"] });
    expect(suggestMapping(ticket, [{ name: "id", type: "integer" }, { name: "status", type: "text" }], "support_tickets", perRow).mapping.ticketId).toEqual({ kind: "column", column: "id" });
    expect(suggestMapping(ticket, [{ name: "id", type: "integer" }], "orders", perRow).mapping.ticketId).toEqual({ kind: "runtime" });
  });

  it("prefers a column whose type fits, but still suggests (and so flags) a name match that does not", () => {
    const fields = fieldsOfSchema({ type: "object", properties: { total: { type: "integer" } }, required: ["total"] });
    const columns: MappableColumn[] = [{ name: "TOTAL", type: "integer" }, { name: "total", type: "text" }];
    expect(suggestMapping(fields, columns, "t", perRow).mapping.total).toEqual({ kind: "column", column: "TOTAL" });
    expect(suggestMapping(fields, [{ name: "total", type: "text" }], "t", perRow).mapping.total).toEqual({ kind: "column", column: "total" });
  });

  it("maps enum fields by name (status ← status) and batch selection fields in the singular (orderIds ← id)", () => {
    expect(suggestMapping(fieldsOfSchema(STATUS_SCHEMA), ORDER_COLUMNS, "orders", perRow).mapping).toEqual({ orderId: { kind: "column", column: "id" }, status: { kind: "column", column: "status" } });
    const batch = { mode: "batch" as const, selectionField: "orderIds" };
    expect(suggestMapping(fieldsOfSchema(NOTE_SCHEMA), ORDER_COLUMNS, "orders", batch).mapping).toEqual({ orderIds: { kind: "column", column: "id" }, note: { kind: "runtime" } });
    // A batch action's other fields never take a column (one invocation for many rows).
    const notes = fieldsOfSchema({ type: "object", properties: { ids: { type: "array", items: { type: "integer" } }, notes: { type: "string" } }, required: ["ids", "notes"] });
    expect(suggestMapping(notes, ORDER_COLUMNS, "orders", { mode: "batch", selectionField: "ids" }).mapping).toEqual({ ids: { kind: "column", column: "id" }, notes: { kind: "runtime" } });
  });

  it("keeps a saved mapping's entries that still apply", () => {
    const suggested = suggestMapping(refund, ORDER_COLUMNS, "orders", perRow).mapping;
    const saved = { amountCents: { kind: "column", column: "total_cents" }, reason: { kind: "column", column: "gone" } } as const;
    expect(mergeMapping(saved, suggested, refund, ORDER_COLUMNS, perRow)).toEqual({ ...suggested, amountCents: { kind: "column", column: "total_cents" } });
  });
});

describe("columnFits", () => {
  const [orderId, amountCents, reason] = fieldsOfSchema(REFUND_SCHEMA);

  it("explains a text column mapped to a whole number", () => {
    if (!orderId || !amountCents || !reason) throw new Error("fields");
    expect(columnFits(amountCents, { name: "total_cents", type: "text" })).toBe("total_cents is text; amountCents needs a whole number above 0");
    expect(columnFits(amountCents, { name: "total_cents", type: "money" })).toBeNull();
    expect(columnFits(orderId, { name: "price", type: "decimal" })).toBe("price is a decimal number; orderId needs a whole number above 0");
    expect(columnFits(reason, { name: "total_cents", type: "money" })).toBeNull();
    expect(columnFits({ name: "flag", type: "boolean", nullable: false }, { name: "status", type: "enum" })).toBe("status is text; flag needs true or false");
  });
});
