/**
 * Refund an Acme Ops order, fully or in part: writes a refunds row, and marks the order refunded
 * once everything paid has been refunded. Refuses orders that were never paid and amounts above
 * what was paid minus earlier refunds.
 */
import { z } from "zod";
import { ActionError, defineAction } from "@/server/actions/define-action";
import { acmeNow, ACME_OPS, formatUsd, orderIdField, toInt } from "./acme-ops";

const UNPAID = new Set(["pending", "cancelled"]);

export const refundOrder = defineAction({
  name: "refund-order",
  title: "Refund order",
  description: "Refunds an order in full or in part (amount in cents; empty refunds everything not yet refunded). Refuses unpaid orders and amounts above what is left to refund.",
  target: { source: ACME_OPS, table: "orders", key: { id: "orderId" } },
  input: z.object({
    orderId: orderIdField,
    amountCents: z.number().int().positive().optional().describe("Amount to refund in cents; leave empty to refund the rest"),
    reason: z.string().trim().min(1, { message: "Give a reason." }).max(200).describe("Reason, kept with the refund"),
  }),
  output: z.object({
    refundId: z.number(),
    orderId: z.number(),
    amountCents: z.number(),
    paidCents: z.number(),
    refundedCents: z.number(),
    fullyRefunded: z.boolean(),
    status: z.string(),
  }),
  minRole: "operator",
  danger: { confirm: "Money goes back to the customers' payment methods. This cannot be undone." },
  precondition: { column: "status", oneOf: ["paid", "shipped", "delivered"], message: "Only paid, shipped or delivered orders can be refunded." },
  timeoutMs: 10_000,
  mode: "perRow",
  run: async (input, ctx) => {
    const acme = await ctx.datasource();
    return ctx.idempotent(acme, async (tx) => {
      const order = (await tx.query("SELECT id, status, total_cents FROM orders WHERE id = ?", [input.orderId])).rows[0];
      if (!order) throw new ActionError(`Order ${input.orderId} does not exist.`);
      const status = String(order.status);
      if (UNPAID.has(status)) throw new ActionError(`Order ${input.orderId} is ${status}: it was never paid, so there is nothing to refund.`);
      const paid = toInt(order.total_cents);
      const sum = (await tx.query("SELECT coalesce(sum(amount_cents), 0) AS refunded FROM refunds WHERE order_id = ?", [input.orderId])).rows[0];
      const refunded = toInt(sum?.refunded ?? 0);
      const left = paid - refunded;
      if (left <= 0) throw new ActionError(`Order ${input.orderId} was paid ${formatUsd(paid)} and is already fully refunded.`);
      const amount = input.amountCents ?? left;
      if (amount > left) {
        throw new ActionError(
          refunded > 0
            ? `Order ${input.orderId} was paid ${formatUsd(paid)} and ${formatUsd(refunded)} is already refunded; at most ${formatUsd(left)} can be refunded.`
            : `Order ${input.orderId} was paid ${formatUsd(paid)}; at most ${formatUsd(left)} can be refunded.`,
        );
      }
      const now = acmeNow();
      const inserted = await tx.query("INSERT INTO refunds (order_id, amount_cents, reason, created_at) VALUES (?, ?, ?, ?) RETURNING id", [input.orderId, amount, input.reason, now]);
      const fullyRefunded = amount === left;
      if (fullyRefunded) await tx.query("UPDATE orders SET status = 'refunded', updated_at = ? WHERE id = ?", [now, input.orderId]);
      return {
        refundId: toInt(inserted.rows[0]?.id),
        orderId: input.orderId,
        amountCents: amount,
        paidCents: paid,
        refundedCents: refunded + amount,
        fullyRefunded,
        status: fullyRefunded ? "refunded" : status,
      };
    });
  },
});
