import { describe, expect, it } from "vitest";
import type { ActionSummary } from "@/lib/schemas/actions";
import { actionFields, actionOptions } from "./action-fields";

const refund = {
  name: "refund-order",
  title: "Refund order",
  target: { source: "acme-ops", datasource: "Acme Ops", unresolved: null, table: "orders", key: { id: "orderId" } },
  inputSchema: { type: "object", properties: { orderId: { type: "integer", description: "The order" }, reason: { type: "string" }, note: true }, required: ["orderId", "reason"] },
} as unknown as ActionSummary;

describe("action fields", () => {
  it("reads fields, required and types from the JSON Schema", () => {
    expect(actionFields(refund)).toEqual([
      { name: "orderId", required: true, type: "integer", description: "The order" },
      { name: "reason", required: true, type: "string", description: "" },
      { name: "note", required: false, type: "", description: "" },
    ]);
    expect(actionFields(undefined)).toEqual([]);
  });

  it("keeps an unknown current action visible in the picker", () => {
    expect(actionOptions([refund], "refund-order")).toEqual([{ value: "refund-order", label: "Refund order (refund-order) — orders in Acme Ops" }]);
    expect(actionOptions([refund], "gone")[0]).toEqual({ value: "gone", label: "gone — not found, pick one" });
  });

  it("marks a remote action with the service that runs it", () => {
    const remote = { ...refund, name: "billing.refund-order", service: "billing" } as ActionSummary;
    expect(actionOptions([remote], "billing.refund-order")).toEqual([{ value: "billing.refund-order", label: "Refund order (billing.refund-order) — orders in Acme Ops · runs in the billing service" }]);
  });

  it("offers on a table only the row actions of its query's data source, and says what each changes", () => {
    const report = { ...refund, name: "send-report", title: "Send report", target: { ...refund.target, table: null, key: {} } } as ActionSummary;
    const rentals = { ...refund, name: "close-rental", title: "Close rental", target: { source: "pagila", datasource: "Pagila", unresolved: null, table: "rental", key: { rental_id: "rentalId" } } } as ActionSummary;
    const all = [refund, report, rentals];
    expect(actionOptions(all, "close-rental", { rowsFrom: "Pagila" }).map((option) => option.value)).toEqual(["close-rental"]);
    expect(actionOptions(all, "refund-order", { rowsFrom: "Pagila" })).toEqual([
      { value: "refund-order", label: "Refund order (refund-order) — orders in Acme Ops — does not fit here" },
      { value: "close-rental", label: "Close rental (close-rental) — rental in Pagila" },
    ]);
    expect(actionOptions(all, "send-report", { noRows: true })).toEqual([{ value: "send-report", label: "Send report (send-report) — no rows · Acme Ops" }]);
  });
});
