import { describe, expect, it } from "vitest";
import type { ActionSummary } from "@/lib/schemas/actions";
import { actionFields, actionOptions } from "./action-fields";

const refund = {
  name: "refund-order",
  title: "Refund order",
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
    expect(actionOptions([refund], "refund-order")).toEqual([{ value: "refund-order", label: "Refund order (refund-order)" }]);
    expect(actionOptions([refund], "gone")[0]).toEqual({ value: "gone", label: "gone — not found, pick one" });
  });
});
