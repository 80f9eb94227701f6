/**
 * The actions API per action and per role: who may run which action (once or in bulk), input
 * validation with field errors, confirmation of dangerous actions, idempotent single runs and
 * run starts, and the list builders bind from.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createActionsFixture, started, type ActionsFixture } from "@/server/actions/testing/actions-int-support";
import { trpcCodeOf } from "@/server/testing/trpc-errors";

let fx: ActionsFixture;
let orderIds: number[] = [];
beforeAll(async () => {
  fx = await createActionsFixture({ scale: 0.02 });
  orderIds = fx.acme.prepare("SELECT id FROM orders WHERE status = 'delivered' AND id NOT IN (SELECT order_id FROM refunds) ORDER BY id LIMIT 20").pluck().all() as number[];
});
afterAll(async () => {
  await fx.cleanup();
});

function order(index: number): number {
  const id = orderIds[index];
  if (id === undefined) throw new Error("not enough orders");
  return id;
}


const refund = (orderId: number, key: string) => ({ action: "refund-order", input: { orderId, amountCents: 100, reason: "Test" }, idempotencyKey: key, confirmed: true });

describe("role checks per action", () => {
  it("a builder can run an operator action directly (operators run it through apps); a viewer cannot run anything", async () => {
    const outcome = await (await fx.as("builder")).actions.run(refund(order(0), "role-operator-0001"));
    expect(outcome).toMatchObject({ status: "ok", replayed: false, result: { orderId: order(0), amountCents: 100 } });
    expect(await trpcCodeOf((await fx.as("viewer")).actions.run(refund(order(1), "role-viewer-0001")))).toBe("FORBIDDEN");
  });

  it("an operator cannot run a builder action, and a builder can", async () => {
    const input = { action: "set-order-status", input: { orderId: order(2), status: "delivered" }, idempotencyKey: "role-status-0001" };
    expect(await trpcCodeOf((await fx.as("operator")).actions.run(input))).toBe("FORBIDDEN");
    expect(await (await fx.as("builder")).actions.run(input)).toMatchObject({ status: "ok", result: { changed: false } });
  });

  it("a builder cannot run an admin-only action, once or in bulk, and the refusal is audited; an admin can", async () => {
    const customerId = 7;
    const run = { action: "anonymize-customer", input: { customerId }, idempotencyKey: "role-anon-0001", confirmed: true };
    const builder = await fx.as("builder");
    expect(await trpcCodeOf(builder.actions.run(run))).toBe("FORBIDDEN");
    expect(await trpcCodeOf(builder.actions.startRun({ action: "anonymize-customer", items: [{ rowKey: "7", input: { customerId } }], confirmed: true }))).toBe("FORBIDDEN");
    const denied = await fx.meta.db.auditEvent.findMany({ where: { action: "action.run.anonymize-customer", outcome: "denied" } });
    expect(denied).toHaveLength(2);
    expect(denied.every((event) => event.actorEmail === "builder@acme.test")).toBe(true);
    expect(fx.acme.prepare("SELECT email FROM customers WHERE id = ?").pluck().get(customerId)).not.toMatch(/anonymized/);
    expect(await (await fx.as("admin")).actions.run(run)).toMatchObject({ status: "ok", result: { alreadyAnonymized: false } });
  });

  it("an operator cannot start a bulk run of a builder action", async () => {
    const items = [{ rowKey: "a", input: { orderId: order(3), status: "delivered" } }];
    expect(await trpcCodeOf((await fx.as("operator")).actions.startRun({ action: "set-order-status", items }))).toBe("FORBIDDEN");
    expect(await fx.meta.db.actionRun.count({ where: { action: "set-order-status" } })).toBe(0);
  });
});

describe("actions.run", () => {
  it("refuses input that does not fit the action's schema, with field errors", async () => {
    const operator = await fx.as("builder");
    const promise = operator.actions.run({ action: "refund-order", input: { orderId: "12", reason: "" }, idempotencyKey: "bad-input-0001", confirmed: true });
    await expect(promise).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(/^Refund order cannot take this input: orderId: .*; reason: Give a reason\.$/) as string });
    expect(await trpcCodeOf(operator.actions.run({ action: "no-such-action", input: {}, idempotencyKey: "missing-0001" }))).toBe("NOT_FOUND");
  });

  it("asks for confirmation of dangerous actions", async () => {
    const { confirmed: _confirmed, ...unconfirmed } = refund(order(4), "danger-0001");
    await expect((await fx.as("builder")).actions.run(unconfirmed)).rejects.toThrow(/marked dangerous/);
    expect(fx.acme.prepare("SELECT count(*) FROM refunds WHERE order_id = ?").pluck().get(order(4))).toBe(0);
  });

  it("returns the first result for a key seen before, and audits both invocations", async () => {
    const operator = await fx.as("builder");
    const first = await operator.actions.run(refund(order(5), "idem-single-0001"));
    const second = await operator.actions.run(refund(order(5), "idem-single-0001"));
    expect(second).toMatchObject({ status: "ok", replayed: true });
    expect(first.status === "ok" && second.status === "ok" && second.result).toEqual(first.status === "ok" && first.result);
    expect(fx.acme.prepare("SELECT count(*) FROM refunds WHERE order_id = ?").pluck().get(order(5))).toBe(1);
    const audits = await fx.meta.db.auditEvent.findMany({ where: { action: "action.run.refund-order", actorEmail: "builder@acme.test" } });
    const forKey = audits.map((event) => JSON.parse(event.detail) as { idempotencyKey: string; replayed?: boolean }).filter((detail) => detail.idempotencyKey.endsWith(":idem-single-0001"));
    expect(forKey.map((detail) => detail.replayed)).toEqual([false, true]);
  });

  it("returns domain errors as a failed outcome and audits them as errors", async () => {
    const outcome = await (await fx.as("builder")).actions.run({ ...refund(order(6), "domain-0001"), input: { orderId: 99_999_999, reason: "x" } });
    expect(outcome).toMatchObject({ status: "failed", errorKind: "domain", error: "Order 99999999 does not exist." });
    const event = await fx.meta.db.auditEvent.findFirst({ where: { action: "action.run.refund-order", outcome: "error" }, orderBy: { at: "desc" } });
    expect(JSON.parse(event?.detail ?? "{}")).toMatchObject({ error: "Order 99999999 does not exist.", errorKind: "domain", input: { orderId: 99_999_999 } });
  });
});

describe("actions.startRun", () => {
  it("checks every row first and refuses the run naming the invalid rows", async () => {
    const items = [
      { rowKey: "good", input: { orderId: order(7), reason: "ok" } },
      { rowKey: "bad-amount", input: { orderId: order(8), amountCents: -5, reason: "x" } },
      { rowKey: "bad-id", input: { orderId: "nine", reason: "x" } },
    ];
    const before = await fx.meta.db.actionRun.count();
    const operator = await fx.as("builder");
    const refused = await operator.actions.startRun({ action: "refund-order", items, confirmed: true });
    if (refused.status !== "invalid") throw new Error("expected the run to be refused");
    expect(refused.message).toMatch(/^2 of 3 rows cannot be given to Refund order, so nothing was started: row bad-amount: amountCents: .*; row bad-id: orderId: /);
    expect(refused.invalidRows).toEqual([
      { rowKey: "bad-amount", errors: [{ field: "amountCents", message: expect.any(String) as string }] },
      { rowKey: "bad-id", errors: [{ field: "orderId", message: expect.any(String) as string }] },
    ]);
    expect(await fx.meta.db.actionRun.count()).toBe(before);
    await expect(operator.actions.startRun({ action: "refund-order", items: [items[0]!, items[0]!], confirmed: true })).rejects.toThrow(/appear more than once: good/);
    await expect(operator.actions.startRun({ action: "refund-order", items: [items[0]!] })).rejects.toThrow(/marked dangerous/);
  });

  it("starts one run per request key, however often it is sent", async () => {
    const operator = await fx.as("builder");
    const request = { action: "resend-shipment-notification", items: [{ rowKey: "1", input: { orderId: order(9) } }], requestKey: "double-click-0001" };
    const [a, b] = (await Promise.all([operator.actions.startRun(request), operator.actions.startRun(request)])).map(started);
    expect(a?.runId).toBe(b?.runId);
    expect([a?.alreadyStarted, b?.alreadyStarted].sort()).toEqual([false, true]);
    expect(await fx.meta.db.actionRun.count({ where: { requestKey: "double-click-0001" } })).toBe(1);
  });
});

describe("actions.list", () => {
  it("gives builders every action with its JSON Schema and whether they may run it", async () => {
    const list = await (await fx.as("builder")).actions.list();
    // In the order of their files in actions/.
    expect(list.map((action) => [action.name, action.canRun])).toEqual([
      ["add-order-note", true],
      ["anonymize-customer", false],
      ["escalate-ticket", true],
      ["refund-order", true],
      ["resend-shipment-notification", true],
      ["set-order-status", true],
    ]);
    const refund = list.find((action) => action.name === "refund-order");
    expect(refund?.inputSchema).toMatchObject({ type: "object", required: ["orderId", "reason"] });
    // Its target, resolved to the data source connected here ("Acme Ops" reads as acme-ops).
    expect(refund?.target).toEqual({ source: "acme-ops", datasource: "Acme Ops", unresolved: null, table: "orders", key: { id: "orderId" } });
  });
});
