/** Input schemas of the demo actions (as `actions.list` serves them) and the orders table's grid columns, for the unit tests. */
import type { MappableColumn } from "./mapping";

/** `actions.list` → inputSchema of refund-order, as z.toJSONSchema(…, { io: "input" }) emits it. */
export const REFUND_SCHEMA = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  type: "object",
  properties: {
    orderId: { type: "integer", exclusiveMinimum: 0, maximum: 9007199254740991, description: "Order id (orders.id)" },
    amountCents: { description: "Amount to refund in cents; leave empty to refund the rest", type: "integer", exclusiveMinimum: 0, maximum: 9007199254740991 },
    reason: { type: "string", minLength: 1, maxLength: 200, description: "Reason, kept with the refund" },
  },
  required: ["orderId", "reason"],
};

export const STATUS_SCHEMA = {
  type: "object",
  properties: {
    orderId: { type: "integer", exclusiveMinimum: 0, maximum: 9007199254740991, description: "Order id (orders.id)" },
    status: { type: "string", enum: ["pending", "paid", "shipped", "delivered", "cancelled", "refunded"], description: "The new status" },
  },
  required: ["orderId", "status"],
};

export const NOTE_SCHEMA = {
  type: "object",
  properties: {
    orderIds: { minItems: 1, maxItems: 1000, type: "array", items: { type: "integer", exclusiveMinimum: 0, maximum: 9007199254740991 }, description: "The selected orders" },
    note: { type: "string", minLength: 1, maxLength: 500, description: "The note to append" },
  },
  required: ["orderIds", "note"],
};

export const ORDER_COLUMNS: MappableColumn[] = [
  { name: "id", type: "integer" },
  { name: "customer_id", type: "integer" },
  { name: "status", type: "enum", enumValues: ["delivered", "paid", "pending", "refunded", "shipped"] },
  { name: "total_cents", type: "money" },
  { name: "currency", type: "text" },
  { name: "placed_at", type: "datetime" },
  { name: "notes", type: "text" },
];

