// Unit tests of resend-shipment-notification: the outbox row, the refusal without a shipment, idempotency.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createActionTestbed, failure, okResult, type ActionTestbed } from "@/server/actions/testing/action-testbed";
import { resendShipmentNotification } from "./resend-shipment-notification";

let bed: ActionTestbed;
beforeAll(() => void (bed = createActionTestbed()));
afterAll(() => bed.close());

const outboxCount = (orderId: unknown) => bed.value("SELECT count(*) FROM notification_outbox WHERE order_id = ?", [orderId]);

describe("resend-shipment-notification", () => {
  it("queues the notification with the carrier, tracking number and customer e-mail", async () => {
    const shipment = bed.rows("SELECT s.order_id, s.carrier, s.tracking_number, c.email FROM shipments s JOIN orders o ON o.id = s.order_id JOIN customers c ON c.id = o.customer_id ORDER BY s.id LIMIT 1")[0];
    const orderId = Number(shipment?.order_id);
    const result = okResult(await bed.invoke(resendShipmentNotification, { orderId }));
    expect(result).toMatchObject({ orderId, email: shipment?.email, carrier: shipment?.carrier, trackingNumber: shipment?.tracking_number });
    const row = bed.rows("SELECT id, kind, payload FROM notification_outbox WHERE order_id = ?", [orderId])[0];
    expect(row).toMatchObject({ id: result.outboxId, kind: "shipment_notification" });
    expect(JSON.parse(String(row?.payload))).toMatchObject({ orderId, to: shipment?.email, trackingNumber: shipment?.tracking_number, requestedBy: "operator@acme.test" });
  });

  it("refuses orders without a shipment, writing nothing", async () => {
    const orderId = bed.value("SELECT id FROM orders WHERE status = 'paid' AND id NOT IN (SELECT order_id FROM shipments) ORDER BY id LIMIT 1");
    expect(failure(await bed.invoke(resendShipmentNotification, { orderId }))).toEqual({
      kind: "domain",
      error: `Order ${String(orderId)} has not shipped yet, so there is no shipment notification to resend.`,
    });
    expect(outboxCount(orderId)).toBe(0);
    expect(failure(await bed.invoke(resendShipmentNotification, { orderId: 88_888_888 })).error).toBe("Order 88888888 does not exist.");
  });

  it("honours its idempotency key: one outbox row per key", async () => {
    const orderId = Number(bed.value("SELECT order_id FROM shipments ORDER BY id DESC LIMIT 1"));
    const first = okResult(await bed.invoke(resendShipmentNotification, { orderId }, { key: "resend-1" }));
    const again = await bed.invoke(resendShipmentNotification, { orderId }, { key: "resend-1" });
    expect(okResult(again)).toEqual(first);
    expect(again.outcome).toMatchObject({ replayed: true });
    expect(outboxCount(orderId)).toBe(1);
    okResult(await bed.invoke(resendShipmentNotification, { orderId }, { key: "resend-2" }));
    expect(outboxCount(orderId)).toBe(2);
  });
});
