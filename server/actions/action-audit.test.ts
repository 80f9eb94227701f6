// What the audit log says an invocation acted on: its target source and the rows its input names.
import { describe, expect, it } from "vitest";
import { addOrderNote } from "@/actions/acme-ops/add-order-note";
import { refundOrder } from "@/actions/acme-ops/refund-order";
import { invocationAuditEvent, rowsOfInput } from "./action-audit";
import { testUser } from "./testing/action-testbed";

describe("invocation audit", () => {
  it("names the target source, table and the rows by key", () => {
    expect(rowsOfInput(refundOrder, { orderId: 7, reason: "r" })).toEqual([{ id: 7 }]);
    expect(rowsOfInput(addOrderNote, { orderIds: [7, 8], note: "n" })).toEqual([{ id: 7 }, { id: 8 }]);
    expect(rowsOfInput(refundOrder, { reason: "no id" })).toEqual([]);
    const event = invocationAuditEvent({ actor: testUser(), action: refundOrder, input: { orderId: 7, reason: "r" }, idempotencyKey: "k", outcome: { status: "ok", result: {}, replayed: false, durationMs: 1 }, internalMessage: null });
    expect(event.detail).toMatchObject({ target: { source: "acme-ops", table: "orders", rows: [{ id: 7 }] } });
  });
});
