// Unit tests of set-order-status: allowed and refused transitions, the shipment rules, idempotency.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createActionTestbed, failure, okResult, type ActionTestbed } from "@/server/actions/testing/action-testbed";
import { ORDER_STATUSES, ORDER_TRANSITIONS, setOrderStatus } from "./set-order-status";

let bed: ActionTestbed;
beforeAll(() => void (bed = createActionTestbed()));
afterAll(() => bed.close());

const orderWith = (where: string, offset = 0) => Number(bed.value(`SELECT id FROM orders o WHERE ${where} ORDER BY id LIMIT 1 OFFSET ?`, [offset]));
const statusOf = (id: number) => bed.value("SELECT status FROM orders WHERE id = ?", [id]);

describe("set-order-status", () => {
  it("only moves forward, never back and never to refunded", () => {
    for (const from of ORDER_STATUSES) {
      for (const to of ORDER_TRANSITIONS[from]) expect(ORDER_STATUSES.indexOf(to)).toBeGreaterThan(ORDER_STATUSES.indexOf(from));
    }
    expect(Object.values(ORDER_TRANSITIONS).flat()).not.toContain("refunded");
  });

  it("marks a pending order paid, and a pending one cancelled", async () => {
    const a = orderWith("status = 'pending'");
    const b = orderWith("status = 'pending'", 1);
    expect(okResult(await bed.invoke(setOrderStatus, { orderId: a, status: "paid" }, { role: "builder" }))).toEqual({ orderId: a, previousStatus: "pending", status: "paid", changed: true });
    expect(statusOf(a)).toBe("paid");
    okResult(await bed.invoke(setOrderStatus, { orderId: b, status: "cancelled" }, { role: "builder" }));
    expect(statusOf(b)).toBe("cancelled");
  });

  it("refuses going backwards with the allowed next steps", async () => {
    const delivered = orderWith("status = 'delivered'");
    expect(failure(await bed.invoke(setOrderStatus, { orderId: delivered, status: "pending" }))).toEqual({
      kind: "domain",
      error: `Order ${delivered} is delivered and cannot be set to pending. Delivered is final.`,
    });
    const pending = orderWith("status = 'pending'", 2);
    expect(failure(await bed.invoke(setOrderStatus, { orderId: pending, status: "delivered" })).error).toBe(
      `Order ${pending} is pending and cannot be set to delivered. From pending it can only become paid or cancelled.`,
    );
    expect(failure(await bed.invoke(setOrderStatus, { orderId: delivered, status: "refunded" })).error).toMatch(/^Use "Refund order" to refund order/);
    const paid = orderWith("status = 'paid'");
    expect(failure(await bed.invoke(setOrderStatus, { orderId: paid, status: "cancelled" })).error).toBe(`Order ${paid} is already paid; refund it instead of cancelling it.`);
    expect(statusOf(delivered)).toBe("delivered");
    expect(statusOf(pending)).toBe("pending");
  });

  it("needs a shipment to mark an order shipped, and stamps the shipment when delivered", async () => {
    const paid = orderWith("status = 'paid' AND id NOT IN (SELECT order_id FROM shipments)", 1);
    expect(failure(await bed.invoke(setOrderStatus, { orderId: paid, status: "shipped" })).error).toBe(`Order ${paid} has no shipment yet; create the shipment before marking it shipped.`);
    const shipped = orderWith("status = 'shipped'");
    expect(bed.value("SELECT delivered_at FROM shipments WHERE order_id = ?", [shipped])).toBeNull();
    okResult(await bed.invoke(setOrderStatus, { orderId: shipped, status: "delivered" }));
    expect(statusOf(shipped)).toBe("delivered");
    expect(bed.value("SELECT delivered_at FROM shipments WHERE order_id = ?", [shipped])).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000Z$/);
  });

  it("treats the current status as nothing to do, and rejects unknown statuses as invalid input", async () => {
    const delivered = orderWith("status = 'delivered'", 1);
    expect(okResult(await bed.invoke(setOrderStatus, { orderId: delivered, status: "delivered" }))).toMatchObject({ changed: false });
    expect(failure(await bed.invoke(setOrderStatus, { orderId: delivered, status: "lost" })).kind).toBe("invalid_input");
  });

  it("honours its idempotency key", async () => {
    const id = orderWith("status = 'pending'", 3);
    const first = okResult(await bed.invoke(setOrderStatus, { orderId: id, status: "paid" }, { key: "status-1" }));
    bed.exec("UPDATE orders SET status = 'pending' WHERE id = ?", [id]);
    const again = await bed.invoke(setOrderStatus, { orderId: id, status: "paid" }, { key: "status-1" });
    expect(okResult(again)).toEqual(first);
    expect(statusOf(id)).toBe("pending");
  });
});
