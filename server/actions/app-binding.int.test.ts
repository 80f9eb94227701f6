/**
 * Operators run actions only through an app that offers them, on rows that app shows them
 * (issue 10 #5, issue 11 §1): the demo Order desk's refund on its table, checked against the
 * table's query run again on the server; refusals for direct runs, other widgets, hidden rows,
 * changed constants, another data source and another table; the audit names the app, version,
 * widget, target and rows. And a bulk run stops when its starter is deactivated.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppDocumentInput } from "@/lib/app-document";
import type { AppBinding } from "@/lib/schemas/actions";
import { actionRunnerFor } from "@/server/actions/runs/action-runner";
import { createActionsFixture, createGate, gatedAction, installRunner, started, until, type ActionsFixture, type Caller, type Gate } from "@/server/actions/testing/actions-int-support";
import { trpcErrorOf } from "@/server/testing/trpc-errors";

let fx: ActionsFixture;
let operator: Caller;
let builder: Caller;
let deskId = "";
beforeAll(async () => {
  fx = await createActionsFixture();
  operator = await fx.as("operator");
  builder = await fx.as("builder");
  deskId = (await operator.apps.open({ slug: "order-desk" })).app.id;
});
afterAll(async () => {
  await fx.cleanup();
});

/** The Order desk's filters as an operator leaves them: every open order placed in a wide period. */
const deskParams = { "status.value": null, "placed.start": "2000-01-01", "placed.end": "2100-01-01", "search.value ?? ''": "" };
const viaDesk = (widgetId = "ordersTable", params: AppBinding["params"] = deskParams): AppBinding => ({ appId: deskId, version: "published", widgetId, params });
const orderWith = (status: string): number => Number(fx.acme.prepare("SELECT o.id FROM orders o WHERE o.status = ? AND NOT EXISTS (SELECT 1 FROM refunds r WHERE r.order_id = o.id) ORDER BY o.id DESC LIMIT 1").pluck().get(status));
const refund = (orderId: number, reason = "Refunded from the order desk") => ({ orderId, reason });
let keys = 0;
const key = () => `binding-test-${++keys}-${Date.now()}`;

async function latestAudit(action: string): Promise<{ outcome: string; detail: Record<string, unknown> }> {
  const event = await fx.meta.db.auditEvent.findFirstOrThrow({ where: { action }, orderBy: { at: "desc" } });
  return { outcome: event.outcome, detail: JSON.parse(event.detail) as Record<string, unknown> };
}

describe("running an action through an app", () => {
  it("refuses an operator's direct run, and audits the refusal", async () => {
    const error = await trpcErrorOf(operator.actions.run({ action: "refund-order", input: refund(orderWith("paid")), idempotencyKey: key(), confirmed: true }));
    expect(error).toMatchObject({ code: "FORBIDDEN", message: expect.stringContaining("runs only through an app that offers it") as string });
    expect(await latestAudit("action.run.refund-order")).toMatchObject({ outcome: "denied", detail: { app: "direct" } });
  });

  it("runs a refund on a row the operator's table shows, and audits app, version, widget, target and rows", async () => {
    const orderId = orderWith("paid");
    const outcome = await operator.actions.run({ action: "refund-order", input: refund(orderId), idempotencyKey: key(), confirmed: true, via: viaDesk() });
    expect(outcome).toMatchObject({ status: "ok" });
    expect(await latestAudit("action.run.refund-order")).toMatchObject({
      outcome: "ok",
      detail: { app: { id: deskId, name: "Order desk", version: 1, widgetId: "ordersTable" }, target: { source: "acme-ops", table: "orders", rows: [{ id: orderId }] } },
    });
  });

  it("refuses rows the table does not show the operator", async () => {
    const delivered = orderWith("delivered"); // the desk lists pending, paid and shipped orders only
    const error = await trpcErrorOf(operator.actions.run({ action: "refund-order", input: refund(delivered), idempotencyKey: key(), confirmed: true, via: viaDesk() }));
    expect(error).toMatchObject({ code: "FORBIDDEN", message: `orders ${delivered} is not among the rows ordersTable shows you in Order desk; reload the app and select again.` });
    // The operator's own filter decides what they see: a paid order is not shown under "shipped".
    const paid = orderWith("paid");
    const filtered = await trpcErrorOf(operator.actions.run({ action: "refund-order", input: refund(paid), idempotencyKey: key(), confirmed: true, via: viaDesk("ordersTable", { ...deskParams, "status.value": "shipped" }) }));
    expect(filtered?.message).toMatch(/is not among the rows ordersTable shows you/);
    // A bulk run is checked row by row before anything starts.
    const bulk = await trpcErrorOf(operator.actions.startRun({ action: "refund-order", items: [{ rowKey: "a", input: refund(paid) }, { rowKey: "b", input: refund(delivered) }], confirmed: true, via: viaDesk() }));
    expect(bulk?.message).toMatch(new RegExp(`orders ${delivered} is not among the rows`));
    expect(fx.acme.prepare("SELECT count(*) FROM refunds WHERE order_id IN (?, ?)").pluck().get(paid, delivered)).toBe(0);
  });

  it("refuses widgets that do not run the action, and inputs the app does not set", async () => {
    const orderId = orderWith("paid");
    const other = await trpcErrorOf(operator.actions.run({ action: "escalate-ticket", input: { ticketId: 1 }, idempotencyKey: key(), via: viaDesk() }));
    expect(other).toMatchObject({ code: "FORBIDDEN", message: "ordersTable in Order desk does not run Escalate ticket." });
    const changed = await trpcErrorOf(operator.actions.run({ action: "refund-order", input: refund(orderId, "my own reason"), idempotencyKey: key(), confirmed: true, via: viaDesk() }));
    expect(changed?.message).toBe('This app sets reason of Refund order to "Refunded from the order desk"; run it as the app offers it.');
    const extra = await trpcErrorOf(operator.actions.run({ action: "refund-order", input: { ...refund(orderId), amountCents: 1 }, idempotencyKey: key(), confirmed: true, via: viaDesk() }));
    expect(extra?.message).toBe("This app does not set amountCents of Refund order; run it as the app offers it.");
  });

  it("refuses a table on another data source, or on another table, than the action's target", async () => {
    const acme = await fx.meta.db.dataSource.findUniqueOrThrow({ where: { name: "Acme Ops" } });
    const admin = await fx.as("admin");
    await admin.datasources.save({ name: "Acme Copy", connection: { kind: "sqlite", file: fx.acmeFile }, policy: JSON.parse(acme.policy) as never });
    const app = await builder.apps.create({ name: "Elsewhere", slug: "elsewhere" });
    const document = (datasource: string, sql: string): AppDocumentInput => ({
      id: app.id,
      name: "Elsewhere",
      slug: "elsewhere",
      queries: [{ id: "rows", datasource, sql, mode: "read", trigger: { kind: "onLoad" } }],
      pages: [{ id: "p", name: "P", widgets: [{ id: "t", type: "table", layout: { x: 0, y: 0, w: 12, h: 6 }, props: { data: "{{ rows.data }}", actions: [{ action: "refund-order", label: "Refund", mapping: { orderId: "{{ row.id }}", reason: "r" } }] } }] }],
    });
    const orderId = orderWith("paid");
    const run = async (version: number) => trpcErrorOf(builder.actions.run({ action: "refund-order", input: refund(orderId, "r"), idempotencyKey: key(), confirmed: true, via: { appId: app.id, version, widgetId: "t", params: {} } }));

    const copy = await builder.apps.save({ appId: app.id, baseVersion: 1, document: document("Acme Copy", "SELECT id, status FROM orders"), message: "on the copy" });
    expect((await run(copy.version))?.message).toBe('Refund order changes orders in "Acme Ops", but t in Elsewhere shows rows from "Acme Copy"; it cannot run there.');
    const customers = await builder.apps.save({ appId: app.id, baseVersion: copy.version, document: document("Acme Ops", "SELECT id, name FROM customers"), message: "customers" });
    expect((await run(customers.version))?.message).toBe("Refund order changes rows of orders, but t shows rows of customers; its ids would name other rows.");
    const renamed = await builder.apps.save({ appId: app.id, baseVersion: customers.version, document: document("Acme Ops", "SELECT customer_id AS id FROM orders"), message: "customer ids" });
    expect((await run(renamed.version))?.message).toBe("Refund order needs orders.id, but t's column id is not that column.");
    expect(fx.acme.prepare("SELECT count(*) FROM refunds WHERE order_id = ?").pluck().get(orderId)).toBe(0);
  });
});

describe("a bulk run whose starter is deactivated", () => {
  let gate: Gate;
  beforeAll(() => void installRunner(fx.meta, [gatedAction(() => gate)]));

  it("stops before the next row and says so in the run", async () => {
    gate = createGate(0);
    const starter = await fx.asNewUser("builder", "leaving.builder@acme.test");
    const items = Array.from({ length: 5 }, (_, n) => ({ rowKey: `r${n}`, input: { n } }));
    const { runId } = started(await starter.actions.startRun({ action: "gated-outbox", items, concurrency: 1 }));
    await until(() => gate.inFlight === 1);
    await fx.meta.db.user.update({ where: { email: "leaving.builder@acme.test" }, data: { active: false } });
    gate.release();
    await actionRunnerFor(fx.meta.db).settle(runId);
    const run = await fx.meta.db.actionRun.findUniqueOrThrow({ where: { id: runId } });
    expect(run.status).toBe("cancelled");
    expect(run.stopReason).toBe("Stopped: leaving.builder@acme.test, who started this run, was deactivated; 4 rows were not run. An admin, or the starter once allowed again, can resume it.");
    const statuses = await fx.meta.db.actionRunItem.findMany({ where: { runId }, orderBy: { position: "asc" }, select: { status: true } });
    expect(statuses.map((item) => item.status)).toEqual(["ok", "cancelled", "cancelled", "cancelled", "cancelled"]);
    const view = await (await fx.as("admin")).actions.getRun({ runId, limit: 0 });
    expect(view.run.stopReason).toMatch(/was deactivated/);
  });
});
