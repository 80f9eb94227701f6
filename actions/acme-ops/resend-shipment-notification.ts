/**
 * Queue the shipment notification of an Acme Ops order again (a row in notification_outbox, which
 * the mailer drains). Refuses orders that have not shipped.
 */
import { z } from "zod";
import { ActionError, defineAction } from "@/server/actions/define-action";
import { acmeNow, ACME_OPS, orderIdField, toInt } from "./acme-ops";

export const resendShipmentNotification = defineAction({
  name: "resend-shipment-notification",
  title: "Resend shipment notification",
  description: "Queues the shipment e-mail (carrier and tracking number) to the customer again. Refuses orders without a shipment.",
  target: { source: ACME_OPS, table: "orders", key: { id: "orderId" } },
  input: z.object({ orderId: orderIdField }),
  output: z.object({ outboxId: z.number(), orderId: z.number(), email: z.string(), carrier: z.string(), trackingNumber: z.string() }),
  minRole: "operator",
  timeoutMs: 10_000,
  mode: "perRow",
  run: async (input, ctx) => {
    const acme = await ctx.datasource();
    return ctx.idempotent(acme, async (tx) => {
      const order = (await tx.query("SELECT o.id, c.email, c.name FROM orders o JOIN customers c ON c.id = o.customer_id WHERE o.id = ?", [input.orderId])).rows[0];
      if (!order) throw new ActionError(`Order ${input.orderId} does not exist.`);
      const shipment = (
        await tx.query("SELECT carrier, tracking_number, shipped_at, delivered_at FROM shipments WHERE order_id = ? ORDER BY shipped_at DESC, id DESC LIMIT 1", [input.orderId])
      ).rows[0];
      if (!shipment) throw new ActionError(`Order ${input.orderId} has not shipped yet, so there is no shipment notification to resend.`);
      const payload = {
        orderId: input.orderId,
        to: String(order.email),
        name: String(order.name),
        carrier: String(shipment.carrier),
        trackingNumber: String(shipment.tracking_number),
        shippedAt: String(shipment.shipped_at),
        deliveredAt: shipment.delivered_at === null ? null : String(shipment.delivered_at),
        requestedBy: ctx.user.email,
      };
      const inserted = await tx.query("INSERT INTO notification_outbox (kind, order_id, payload, created_at) VALUES ('shipment_notification', ?, ?, ?) RETURNING id", [
        input.orderId,
        JSON.stringify(payload),
        acmeNow(),
      ]);
      return { outboxId: toInt(inserted.rows[0]?.id), orderId: input.orderId, email: payload.to, carrier: payload.carrier, trackingNumber: payload.trackingNumber };
    });
  },
});
