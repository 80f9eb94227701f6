import { describe, expect, it } from "vitest";
import { DEMO_ACTION_SCHEMAS } from "@/lib/app-document/demo-apps";
import type { ActionSummary } from "@/lib/schemas/actions";
import { batchInput, mappedInput, perRowInputs, selectedRowsOf, selectionInputs } from "./action-input";
import { formFields, initialValue, parseForm } from "./form-fields";

const summary = (name: keyof typeof DEMO_ACTION_SCHEMAS, extra: Partial<ActionSummary> = {}): ActionSummary => ({
  name,
  title: name,
  description: "",
  minRole: "operator",
  danger: null,
  mode: "perRow",
  selectionField: null,
  timeoutMs: 1000,
  target: DEMO_ACTION_SCHEMAS[name].target,
  service: null,
  precondition: null,
  inputSchema: DEMO_ACTION_SCHEMAS[name].inputSchema,
  outputSchema: null,
  canRun: true,
  ...extra,
});

describe("mapped action inputs", () => {
  const scope = { ordersTable: { selectedRows: [{ id: "7" }, { id: 8 }], selectedRow: { id: "7" } }, note: { value: "late" } };

  it("evaluates bindings and coerces numeric text to the field type", () => {
    expect(mappedInput(summary("refund-order"), { orderId: "{{ ordersTable.selectedRow.id }}", reason: "Customer request" }, scope)).toEqual({
      ok: true,
      input: { orderId: 7, reason: "Customer request" },
    });
    expect(mappedInput(summary("add-order-note"), { orderIds: "{{ pluck(ordersTable.selectedRows, 'id') }}", note: "{{ note.value }}" }, scope)).toEqual({
      ok: true,
      input: { orderIds: [7, 8], note: "late" },
    });
  });

  it("says which required field is empty or which binding failed", () => {
    const empty = mappedInput(summary("refund-order"), { orderId: "{{ ordersTable.selectedRow.id }}", reason: "x" }, { ordersTable: { selectedRow: null } });
    expect(empty).toEqual({ ok: false, message: "orderId is empty." });
    expect(mappedInput(summary("refund-order"), { orderId: "{{ nope.id }}" }, scope)).toMatchObject({ ok: false, message: expect.stringContaining("orderId") });
  });

  it("binds row per selected row, and collects the selection for batch actions", () => {
    const rows = [{ rowKey: "1", row: { id: 1 } }, { rowKey: "2", row: { id: 2 } }];
    expect(perRowInputs(summary("resend-shipment-notification"), { orderId: "{{ row.id }}" }, {}, rows)).toEqual({
      ok: true,
      items: [{ rowKey: "1", input: { orderId: 1 } }, { rowKey: "2", input: { orderId: 2 } }],
    });
    const batch = summary("add-order-note", { mode: "batch", selectionField: "orderIds" });
    expect(batchInput(batch, { orderIds: "{{ row.id }}", note: "hi {{ row.id }}" }, {}, rows.map((r) => r.row))).toEqual({ ok: true, input: { orderIds: [1, 2], note: "hi 1" } });
  });
});

describe("form fields", () => {
  const schema = {
    type: "object",
    properties: {
      orderId: { type: "integer" },
      status: { type: "string", enum: ["paid", "shipped"] },
      notify: { type: "boolean" },
      ids: { type: "array", items: { type: "integer" } },
      reason: { type: "string", description: "Why" },
    },
    required: ["orderId", "status"],
  };

  it("picks controls from the schema, in the widget's order", () => {
    const fields = formFields(schema);
    expect(fields.map((f) => [f.name, f.control, f.required])).toEqual([
      ["orderId", "number", true],
      ["status", "select", true],
      ["notify", "checkbox", false],
      ["ids", "list", false],
      ["reason", "text", false],
    ]);
    expect(fields[4]?.hint).toBe("Why");
    expect(formFields(schema, ["reason", "nope", "orderId"]).map((f) => f.name)).toEqual(["reason", "orderId"]);
  });

  it("parses values with an error per field", () => {
    const fields = formFields(schema);
    expect(parseForm(fields, { orderId: "12", status: "paid", notify: true, ids: "1, 2,3", reason: "" })).toEqual({
      ok: true,
      input: { orderId: 12, status: "paid", notify: true, ids: [1, 2, 3] },
    });
    const bad = parseForm(fields, { orderId: "1.5", status: "", ids: "1, x" });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(Object.keys(bad.errors).sort()).toEqual(["ids", "orderId", "status"]);
  });

  it("shows defaults as text", () => {
    const [, , notify, ids] = formFields(schema);
    expect(initialValue(ids!, [1, 2])).toBe("1, 2");
    expect(initialValue(notify!, true)).toBe(true);
  });
});

describe("a button on a table's selection", () => {
  it("runs a per-row action on every selected row, selectedRow standing for each, keyed by the row's key", () => {
    const scope = { ordersTable: { selectedRows: [{ id: 7 }, { id: "8" }], selectedRow: { id: 7 } } };
    const rows = selectedRowsOf(scope, "ordersTable");
    expect(rows).toHaveLength(2);
    const items = selectionInputs(summary("refund-order"), { orderId: "{{ ordersTable.selectedRow.id }}", reason: "Customer request" }, scope, "ordersTable", rows);
    expect(items).toEqual({ ok: true, items: [{ rowKey: "7", input: { orderId: 7, reason: "Customer request" } }, { rowKey: "8", input: { orderId: 8, reason: "Customer request" } }] });
    expect(selectedRowsOf(scope, null)).toEqual([]);
  });
});
