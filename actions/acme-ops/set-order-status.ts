/**
 * Move an Acme Ops order along its lifecycle by hand: pending → paid | cancelled, paid → shipped
 * (needs a shipment), shipped → delivered (stamps the shipment). Never backwards, never to
 * refunded (that is refund-order's job, which records the amount). Builder and above: it
 * overrides what the payment and carrier systems normally decide.
 */
import { z } from "zod";
import { ActionError, defineAction } from "@/server/actions/define-action";
import { acmeNow, ACME_OPS, orderIdField } from "./acme-ops";

export const ORDER_STATUSES = ["pending", "paid", "shipped", "delivered", "cancelled", "refunded"] as const;
type OrderStatus = (typeof ORDER_STATUSES)[number];

export const ORDER_TRANSITIONS: Readonly<Record<OrderStatus, readonly OrderStatus[]>> = {
  pending: ["paid", "cancelled"],
  paid: ["shipped"],
  shipped: ["delivered"],
  delivered: [],
  cancelled: [],
  refunded: [],
};

function refusal(orderId: number, from: OrderStatus, to: OrderStatus): string {
  if (to === "refunded") return `Use "Refund order" to refund order ${orderId}: it records the amount and sets the status.`;
  if (from === "paid" && to === "cancelled") return `Order ${orderId} is already paid; refund it instead of cancelling it.`;
  const next = ORDER_TRANSITIONS[from];
  const allowed = next.length ? `From ${from} it can only become ${next.join(" or ")}.` : `${from[0]?.toUpperCase()}${from.slice(1)} is final.`;
  return `Order ${orderId} is ${from} and cannot be set to ${to}. ${allowed}`;
}

export const setOrderStatus = defineAction({
  name: "set-order-status",
  title: "Set order status",
  description: "Moves an order forward by hand: pending → paid or cancelled, paid → shipped (needs a shipment), shipped → delivered. Refuses going backwards and refunds (use Refund order).",
  target: { source: ACME_OPS, table: "orders", key: { id: "orderId" } },
  input: z.object({
    orderId: orderIdField,
    status: z.enum(ORDER_STATUSES).describe("The new status"),
  }),
  output: z.object({ orderId: z.number(), previousStatus: z.string(), status: z.string(), changed: z.boolean() }),
  minRole: "builder",
  timeoutMs: 10_000,
  mode: "perRow",
  run: async (input, ctx) => {
    const acme = await ctx.datasource();
    return ctx.idempotent(acme, async (tx) => {
      const order = (await tx.query("SELECT status FROM orders WHERE id = ?", [input.orderId])).rows[0];
      if (!order) throw new ActionError(`Order ${input.orderId} does not exist.`);
      const from = z.enum(ORDER_STATUSES).parse(order.status);
      if (from === input.status) return { orderId: input.orderId, previousStatus: from, status: from, changed: false };
      if (!ORDER_TRANSITIONS[from].includes(input.status)) throw new ActionError(refusal(input.orderId, from, input.status));
      const now = acmeNow();
      if (input.status === "shipped" || input.status === "delivered") {
        const shipment = (await tx.query("SELECT id FROM shipments WHERE order_id = ? ORDER BY id DESC LIMIT 1", [input.orderId])).rows[0];
        if (!shipment) throw new ActionError(`Order ${input.orderId} has no shipment yet; create the shipment before marking it ${input.status}.`);
        if (input.status === "delivered") await tx.query("UPDATE shipments SET delivered_at = ? WHERE id = ? AND delivered_at IS NULL", [now, shipment.id]);
      }
      await tx.query("UPDATE orders SET status = ?, updated_at = ? WHERE id = ?", [input.status, now, input.orderId]);
      return { orderId: input.orderId, previousStatus: from, status: input.status, changed: true };
    });
  },
});
