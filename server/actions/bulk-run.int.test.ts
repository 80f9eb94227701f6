/**
 * Bulk runs end to end through the tRPC API, on a real metadata database and a real Acme Ops
 * file: 1,000 refunds with 5% failing by design, retry-failed, a row run twice executing once,
 * cancel, and a simulated crash mid-run followed by resume.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actionRunnerFor, recoverInterruptedRuns } from "@/server/actions/runs/action-runner";
import { formatUsd } from "@/actions/acme-ops/acme-ops";
import { createActionsFixture, createGate, gatedAction, installRunner, started, until, type ActionsFixture, type Gate } from "@/server/actions/testing/actions-int-support";

let fx: ActionsFixture;
beforeAll(async () => {
  fx = await createActionsFixture();
});
afterAll(async () => {
  await fx.cleanup();
});

interface AuditDetail {
  runId?: string;
  rowKey?: string;
  attempt?: number;
  replayed?: boolean;
}

async function rowAudits(runId: string): Promise<{ outcome: string; detail: AuditDetail }[]> {
  const events = await fx.meta.db.auditEvent.findMany({ where: { action: { startsWith: "action.run." } }, orderBy: { at: "asc" } });
  return events.map((event) => ({ outcome: event.outcome, detail: JSON.parse(event.detail) as AuditDetail })).filter((event) => event.detail.runId === runId);
}

const settle = (runId: string) => actionRunnerFor(fx.meta.db).settle(runId);
const outboxCount = (kind: string) => fx.acme.prepare("SELECT count(*) FROM notification_outbox WHERE kind = ?").pluck().get(kind) as number;

describe("a bulk refund of 1,000 orders where every 20th asks for more than was paid", () => {
  let runId = "";
  let orders: { id: number; total_cents: number }[] = [];
  const failsByDesign = (index: number) => index % 20 === 0;

  beforeAll(async () => {
    orders = fx.acme
      .prepare("SELECT id, total_cents FROM orders WHERE status = 'delivered' AND id NOT IN (SELECT order_id FROM refunds) ORDER BY id LIMIT 1000")
      .all() as typeof orders;
    expect(orders).toHaveLength(1000);
    const starter = await fx.as("builder");
    const items = orders.map((order, index) => ({
      rowKey: `order-${order.id}`,
      input: { orderId: order.id, amountCents: failsByDesign(index) ? order.total_cents + 1 : 100, reason: "Bulk goodwill" },
    }));
    const result = started(await starter.actions.startRun({ action: "refund-order", items, confirmed: true }));
    expect(result).toMatchObject({ total: 1000, alreadyStarted: false });
    runId = result.runId;
    await settle(runId);
  });

  it("fails exactly those 50 rows, each with its domain message, and refunds the other 950", async () => {
    const view = await (await fx.as("builder")).actions.getRun({ runId });
    expect(view.run).toMatchObject({ status: "done", total: 1000, done: 1000, failed: 50, action: "refund-order", actionTitle: "Refund order" });
    expect(view.progress).toMatchObject({ total: 1000, done: 1000, ok: 950, failed: 50, pending: 0, running: 0, ratePerSecond: null, etaSeconds: null });
    expect(view.items).toHaveLength(1000);
    view.items.forEach((item, index) => {
      const order = orders[index];
      if (!order) throw new Error("missing order");
      expect(item.rowKey).toBe(`order-${order.id}`);
      expect(item.attempts).toBe(1);
      if (failsByDesign(index)) {
        expect(item).toMatchObject({ status: "failed", result: null, error: `Order ${order.id} was paid ${formatUsd(order.total_cents)}; at most ${formatUsd(order.total_cents)} can be refunded.` });
      } else {
        expect(item).toMatchObject({ status: "ok", error: null, result: { orderId: order.id, amountCents: 100, fullyRefunded: false } });
      }
    });
    const refunded = fx.acme.prepare(`SELECT count(*) FROM refunds WHERE reason = 'Bulk goodwill'`).pluck().get();
    expect(refunded).toBe(950);
    const audits = await rowAudits(runId);
    expect(audits).toHaveLength(1000);
    expect(audits.filter((audit) => audit.outcome === "error")).toHaveLength(50);
  });

  it("retries only the failed rows, which succeed once the data allows them", async () => {
    for (const [index, order] of orders.entries()) {
      if (failsByDesign(index)) fx.acme.prepare("UPDATE orders SET total_cents = total_cents + 1 WHERE id = ?").run(order.id);
    }
    const starter = await fx.as("builder");
    expect(await starter.actions.retryFailed({ runId })).toEqual({ requeued: 50 });
    await settle(runId);
    const view = await starter.actions.getRun({ runId });
    expect(view.progress).toMatchObject({ done: 1000, ok: 1000, failed: 0 });
    view.items.forEach((item, index) => expect(item.attempts, item.rowKey).toBe(failsByDesign(index) ? 2 : 1));
    const audits = await rowAudits(runId);
    expect(audits).toHaveLength(1050);
    const retried = audits.filter((audit) => audit.detail.attempt === 2);
    expect(retried.map((audit) => audit.detail.rowKey).sort()).toEqual(orders.filter((_, index) => failsByDesign(index)).map((order) => `order-${order.id}`).sort());
    expect(retried.every((audit) => audit.outcome === "ok")).toBe(true);
    await expect(starter.actions.retryFailed({ runId })).rejects.toThrow(/nothing to retry/);
  });

  it("runs the same (run, row) once even when the row is run again", async () => {
    const order = orders[1];
    if (!order) throw new Error("missing order");
    const before = fx.acme.prepare("SELECT count(*) FROM refunds WHERE order_id = ?").pluck().get(order.id);
    const firstResult = (await (await fx.as("builder")).actions.getRun({ runId })).items[1]?.result;
    // As if the row's "ok" had been lost: the row is pending again and the run resumable.
    await fx.meta.db.actionRunItem.updateMany({ where: { runId, rowKey: `order-${order.id}` }, data: { status: "pending" } });
    await fx.meta.db.actionRun.update({ where: { id: runId }, data: { status: "interrupted" } });
    expect(await (await fx.as("builder")).actions.resumeRun({ runId })).toEqual({ requeued: 1 });
    await settle(runId);
    expect(fx.acme.prepare("SELECT count(*) FROM refunds WHERE order_id = ?").pluck().get(order.id)).toBe(before);
    const item = (await (await fx.as("builder")).actions.getRun({ runId, status: "ok", limit: 2 })).items[1];
    expect(item).toMatchObject({ rowKey: `order-${order.id}`, status: "ok", attempts: 2, result: firstResult });
    const again = (await rowAudits(runId)).filter((audit) => audit.detail.rowKey === `order-${order.id}`);
    expect(again.map((audit) => audit.detail.replayed)).toEqual([false, true]);
  });
});

describe("retry failed with a fixed mapping: new inputs for the failed rows", () => {
  it("runs the failed row again with its new input, refuses inputs for rows that did not fail, and validates them", async () => {
    const orders = fx.acme
      .prepare("SELECT id, total_cents FROM orders WHERE status = 'delivered' AND id NOT IN (SELECT order_id FROM refunds) ORDER BY total_cents DESC, id LIMIT 3")
      .all() as { id: number; total_cents: number }[];
    const [big, other, small] = orders;
    if (!big || !other || !small) throw new Error("missing orders");
    expect(other.total_cents).toBeGreaterThan(small.total_cents);
    const starter = await fx.as("builder");
    // One constant amount for all three; the last order was paid less than that.
    const amountCents = small.total_cents + 1;
    const items = [big, other, small].map((order) => ({ rowKey: `fix-${order.id}`, input: { orderId: order.id, amountCents, reason: "Fixed mapping" } }));
    const { runId } = started(await starter.actions.startRun({ action: "refund-order", items, confirmed: true }));
    await settle(runId);
    const first = await starter.actions.getRun({ runId });
    expect(first.progress).toMatchObject({ ok: 2, failed: 1 });
    expect(first.items[2]).toMatchObject({ status: "failed", error: `Order ${small.id} was paid ${formatUsd(small.total_cents)}; at most ${formatUsd(small.total_cents)} can be refunded.` });

    await expect(starter.actions.retryFailed({ runId, inputs: [{ rowKey: `fix-${big.id}`, input: { orderId: big.id, reason: "x" } }] })).rejects.toThrow(/Only rows that failed or were interrupted/);
    await expect(starter.actions.retryFailed({ runId, inputs: [{ rowKey: `fix-${small.id}`, input: { orderId: small.id, amountCents: -5, reason: "x" } }] })).rejects.toThrow(/cannot be given to Refund order, so nothing was retried/);
    expect((await starter.actions.getRun({ runId, limit: 0 })).progress).toMatchObject({ failed: 1 });

    // The fix: refund the rest of that order (amount left empty).
    expect(await starter.actions.retryFailed({ runId, inputs: [{ rowKey: `fix-${small.id}`, input: { orderId: small.id, reason: "Fixed mapping" } }] })).toEqual({ requeued: 1 });
    await settle(runId);
    const fixed = await starter.actions.getRun({ runId });
    expect(fixed.items[2]).toMatchObject({ status: "ok", attempts: 2, input: { orderId: small.id, reason: "Fixed mapping" }, result: { orderId: small.id, amountCents: small.total_cents, fullyRefunded: true } });
    expect(fixed.items[0]).toMatchObject({ attempts: 1, input: { amountCents } });
    const retryEvent = await fx.meta.db.auditEvent.findFirst({ where: { action: "action_run.retry", targetId: runId } });
    expect(JSON.parse(retryEvent?.detail ?? "{}")).toMatchObject({ requeued: 1, newInputs: 1 });
  });
});

describe("cancel and resume", () => {
  let gate: Gate = createGate();
  beforeAll(() => {
    installRunner(fx.meta, [gatedAction(() => gate)]);
  });

  it("reports progress with a rate and time left; cancel stops the rows not yet started; resume runs the rest", async () => {
    gate = createGate(4); // rows 0–3 pass, the rest wait
    const starter = await fx.as("builder");
    const before = outboxCount("gated");
    const items = Array.from({ length: 20 }, (_, n) => ({ rowKey: `c${n}`, input: { n } }));
    const { runId } = started(await starter.actions.startRun({ action: "gated-outbox", items, concurrency: 2 }));
    await until(() => gate.inFlight === 2);
    await actionRunnerFor(fx.meta.db).flush();
    await new Promise((resolve) => setTimeout(resolve, 300)); // the rate needs a measurable window
    const running = await starter.actions.getRun({ runId, limit: 0 });
    expect(running.run.status).toBe("running");
    expect(running.items).toEqual([]);
    expect(running.progress).toMatchObject({ total: 20, done: 4, ok: 4, running: 2, pending: 14 });
    expect(running.progress.ratePerSecond).toBeGreaterThan(0);
    expect(running.progress.etaSeconds).toBe(Math.ceil(16 / (running.progress.ratePerSecond ?? 1)));

    expect(await starter.actions.cancelRun({ runId })).toEqual({ cancelled: 14 });
    gate.release();
    await settle(runId);
    const cancelled = await starter.actions.getRun({ runId });
    expect(cancelled.run.status).toBe("cancelled");
    expect(cancelled.progress).toMatchObject({ ok: 6, cancelled: 14, pending: 0, ratePerSecond: null });
    expect(cancelled.items.slice(0, 7).map((item) => item.status)).toEqual(["ok", "ok", "ok", "ok", "ok", "ok", "cancelled"]);
    expect(outboxCount("gated") - before).toBe(6);

    expect(await starter.actions.resumeRun({ runId })).toEqual({ requeued: 14 });
    await settle(runId);
    const resumed = await starter.actions.getRun({ runId });
    expect(resumed.run.status).toBe("done");
    expect(resumed.progress).toMatchObject({ ok: 20, done: 20 });
    expect(outboxCount("gated") - before).toBe(20);
  });

  it("after a crash mid-run, rows left running are interrupted and resume without running anything twice", async () => {
    gate = createGate(4); // rows 0–3 pass, the rest wait
    const starter = await fx.as("builder");
    const before = outboxCount("gated");
    const items = Array.from({ length: 10 }, (_, n) => ({ rowKey: `r${n}`, input: { n } }));
    const { runId } = started(await starter.actions.startRun({ action: "gated-outbox", items, concurrency: 2 }));
    await until(() => gate.inFlight === 2);
    const crashed = actionRunnerFor(fx.meta.db);
    await crashed.flush();
    // Recovery never touches a run this process is driving (another runner instance, say).
    expect(await recoverInterruptedRuns(fx.meta.db)).toEqual({ runs: 0, items: 0 });

    // The process dies: a new runner takes over; the old one's two rows then commit, unrecorded.
    installRunner(fx.meta, [gatedAction(() => gate)]);
    gate.release();
    await until(() => outboxCount("gated") - before === 6);

    const afterRestart = await starter.actions.getRun({ runId });
    expect(afterRestart.run.status).toBe("interrupted");
    expect(afterRestart.progress).toMatchObject({ ok: 4, interrupted: 2, pending: 4, running: 0 });
    expect(afterRestart.items.map((item) => item.status)).toEqual(["ok", "ok", "ok", "ok", "interrupted", "interrupted", "pending", "pending", "pending", "pending"]);

    expect(await starter.actions.resumeRun({ runId })).toEqual({ requeued: 6 });
    await settle(runId);
    const done = await starter.actions.getRun({ runId });
    expect(done.run.status).toBe("done");
    expect(done.progress).toMatchObject({ ok: 10, done: 10, interrupted: 0 });
    // Ten rows, ten outbox rows: the two interrupted rows found their keys and replayed.
    expect(outboxCount("gated") - before).toBe(10);
    const audits = await rowAudits(runId);
    expect(audits.filter((audit) => audit.detail.replayed)).toHaveLength(2);
    expect(done.items.filter((item) => item.attempts === 2).map((item) => item.rowKey)).toEqual(["r4", "r5"]);
  });

  it("only the run's creator or an admin may cancel, retry or resume it, and see it", async () => {
    gate = createGate(1_000);
    const starter = await fx.as("builder");
    const { runId } = started(await starter.actions.startRun({ action: "gated-outbox", items: [{ rowKey: "x", input: { n: 1 } }] }));
    await settle(runId);
    const otherBuilder = await fx.asNewUser("builder", "second.builder@acme.test");
    const operator = await fx.as("operator");
    for (const caller of [otherBuilder, operator]) {
      await expect(caller.actions.getRun({ runId })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(caller.actions.cancelRun({ runId })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(caller.actions.resumeRun({ runId })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(caller.actions.retryFailed({ runId })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    const admin = await fx.as("admin");
    expect((await admin.actions.getRun({ runId })).canManage).toBe(true);
    expect(await admin.actions.cancelRun({ runId })).toEqual({ cancelled: 0 });
    expect((await otherBuilder.actions.listRuns({})).map((run) => run.id)).not.toContain(runId);
    expect((await starter.actions.listRuns({})).map((run) => run.id)).toContain(runId);
  });
});
