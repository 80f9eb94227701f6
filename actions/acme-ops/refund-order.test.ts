// Unit tests of refund-order on a real generated Acme Ops file: amounts, refusals, idempotency.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createActionTestbed, failure, okResult, type ActionTestbed } from "@/server/actions/testing/action-testbed";
import { formatUsd } from "./acme-ops";
import { refundOrder } from "./refund-order";

let bed: ActionTestbed;
let unrefunded: { id: number; total_cents: number }[] = [];

beforeAll(() => {
  bed = createActionTestbed();
  unrefunded = bed.rows(
    "SELECT id, total_cents FROM orders WHERE status = 'delivered' AND total_cents > 5000 AND id NOT IN (SELECT order_id FROM refunds) ORDER BY id LIMIT 20",
  ) as typeof unrefunded;
});
afterAll(() => bed.close());

function order(index: number): { id: number; total: number } {
  const row = unrefunded[index];
  if (!row) throw new Error(`the demo data has no unrefunded order #${index}`);
  return { id: row.id, total: row.total_cents };
}

const refundCount = (orderId: number) => bed.value("SELECT count(*) FROM refunds WHERE order_id = ?", [orderId]);
const statusOf = (orderId: number) => bed.value("SELECT status FROM orders WHERE id = ?", [orderId]);

describe("refund-order", () => {
  it("refunds everything when no amount is given and marks the order refunded", async () => {
    const { id, total } = order(0);
    const result = okResult(await bed.invoke(refundOrder, { orderId: id, reason: "Damaged" }));
    expect(result).toMatchObject({ orderId: id, amountCents: total, paidCents: total, refundedCents: total, fullyRefunded: true, status: "refunded" });
    expect(statusOf(id)).toBe("refunded");
    expect(bed.rows("SELECT amount_cents, reason FROM refunds WHERE order_id = ?", [id])).toEqual([{ amount_cents: total, reason: "Damaged" }]);
  });

  it("refunds part, keeps the status, and refuses more than what is left with the amounts in dollars", async () => {
    const { id, total } = order(1);
    const part = okResult(await bed.invoke(refundOrder, { orderId: id, amountCents: 1000, reason: "Late" }));
    expect(part).toMatchObject({ amountCents: 1000, refundedCents: 1000, fullyRefunded: false, status: "delivered" });
    expect(statusOf(id)).toBe("delivered");

    const refused = failure(await bed.invoke(refundOrder, { orderId: id, amountCents: total, reason: "Late" }));
    expect(refused).toEqual({
      kind: "domain",
      error: `Order ${id} was paid ${formatUsd(total)} and $10.00 is already refunded; at most ${formatUsd(total - 1000)} can be refunded.`,
    });
    expect(refundCount(id)).toBe(1);

    const rest = okResult(await bed.invoke(refundOrder, { orderId: id, amountCents: total - 1000, reason: "Late" }));
    expect(rest).toMatchObject({ refundedCents: total, fullyRefunded: true, status: "refunded" });
    expect(failure(await bed.invoke(refundOrder, { orderId: id, amountCents: 1, reason: "Again" })).error).toBe(
      `Order ${id} was paid ${formatUsd(total)} and is already fully refunded.`,
    );
  });

  it("refuses a first refund above the amount paid", async () => {
    const { id, total } = order(2);
    expect(failure(await bed.invoke(refundOrder, { orderId: id, amountCents: total + 1, reason: "x" }))).toEqual({
      kind: "domain",
      error: `Order ${id} was paid ${formatUsd(total)}; at most ${formatUsd(total)} can be refunded.`,
    });
    expect(refundCount(id)).toBe(0);
  });

  it("refuses orders that were never paid, and orders that do not exist", async () => {
    const pending = bed.value("SELECT id FROM orders WHERE status = 'pending' ORDER BY id LIMIT 1");
    const cancelled = bed.value("SELECT id FROM orders WHERE status = 'cancelled' ORDER BY id LIMIT 1");
    expect(failure(await bed.invoke(refundOrder, { orderId: pending, reason: "x" })).error).toBe(`Order ${String(pending)} is pending: it was never paid, so there is nothing to refund.`);
    expect(failure(await bed.invoke(refundOrder, { orderId: cancelled, reason: "x" })).error).toMatch(/is cancelled: it was never paid/);
    expect(failure(await bed.invoke(refundOrder, { orderId: 99_999_999, reason: "x" }))).toEqual({ kind: "domain", error: "Order 99999999 does not exist." });
  });

  it("validates its input", async () => {
    const { id } = order(3);
    const zero = failure(await bed.invoke(refundOrder, { orderId: id, amountCents: 0, reason: "x" }));
    expect(zero.kind).toBe("invalid_input");
    expect(zero.error).toMatch(/amountCents/);
    expect(failure(await bed.invoke(refundOrder, { orderId: id, amountCents: 12.5, reason: "x" })).kind).toBe("invalid_input");
    expect(failure(await bed.invoke(refundOrder, { orderId: id, reason: " " })).error).toMatch(/reason: Give a reason/);
    expect(refundCount(id)).toBe(0);
  });

  it("honours its idempotency key: the same key twice refunds once and returns the first result", async () => {
    const { id } = order(4);
    const first = await bed.invoke(refundOrder, { orderId: id, amountCents: 500, reason: "Goodwill" }, { key: "refund-idem-1" });
    const second = await bed.invoke(refundOrder, { orderId: id, amountCents: 500, reason: "Goodwill" }, { key: "refund-idem-1" });
    expect(okResult(second)).toEqual(okResult(first));
    expect(first.outcome).toMatchObject({ replayed: false });
    expect(second.outcome).toMatchObject({ replayed: true });
    expect(refundCount(id)).toBe(1);
    expect(bed.value("SELECT action FROM action_idempotency WHERE idempotency_key = 'refund-idem-1'")).toBe("refund-order");
    // Another key is another refund.
    okResult(await bed.invoke(refundOrder, { orderId: id, amountCents: 500, reason: "Goodwill" }, { key: "refund-idem-2" }));
    expect(refundCount(id)).toBe(2);
  });

  it("records nothing for a refused invocation, so the same key runs again once the data allows it", async () => {
    const { id, total } = order(5);
    const key = "refund-after-fix";
    expect(failure(await bed.invoke(refundOrder, { orderId: id, amountCents: total + 100, reason: "x" }, { key })).kind).toBe("domain");
    expect(bed.value("SELECT count(*) FROM action_idempotency WHERE idempotency_key = ?", [key])).toBe(0);
    bed.exec("UPDATE orders SET total_cents = total_cents + 100 WHERE id = ?", [id]);
    expect(okResult(await bed.invoke(refundOrder, { orderId: id, amountCents: total + 100, reason: "x" }, { key }))).toMatchObject({ fullyRefunded: true });
    expect(refundCount(id)).toBe(1);
  });
});
