/**
 * Remote actions end to end: the sample service (examples/remote-actions-service) in its own
 * process with its own PostgreSQL database, registered through the admin API, listed to builders
 * beside local actions, and run in bulk through Rowcraft's API and runner — per-row results,
 * retries, a wrong secret, the service killed mid-run and restarted, a deadline, and every row
 * executed at most once (counted in the service's database).
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppDocumentInput } from "@/lib/app-document";
import type { RunView } from "@/lib/schemas/actions";
import { DEFAULT_POLICY } from "@/lib/schemas/datasources";
import { actionRunnerFor } from "@/server/actions/runs/action-runner";
import { started, until } from "@/server/actions/testing/actions-int-support";
import { sealServiceSecret } from "@/server/action-services/service-store";
import { createCaller } from "@/server/trpc/root";
import { contextAs, createTestMetadataDb, type TestMetadataDb } from "@/server/testing/metadata-db";
import { startSampleService, type SampleService } from "./testing/sample-service";

const SECRET = randomUUID() + randomUUID();
const ACTION = "billing.add-invoice-note";
let meta: TestMetadataDb;
let service: SampleService;

const as = async (role: "admin" | "builder" | "operator") => createCaller(await contextAs(meta.db, role));
const settle = (runId: string) => actionRunnerFor(meta.db).settle(runId);
const view = async (runId: string): Promise<RunView> => (await as("builder")).actions.getRun({ runId });
/** Open invoices only (every 10th invoice is closed in the sample data). */
const openInvoices = (count: number, from = 1) => Array.from({ length: count * 2 }, (_, i) => from + i).filter((id) => id % 10 !== 0).slice(0, count);
const items = (tag: string, ids: number[]) => ids.map((invoiceId) => ({ rowKey: `${tag}-${invoiceId}`, input: { invoiceId, note: `${tag} note` } }));

async function notesPerKey(runId: string): Promise<number[]> {
  const result = await service.pool.query("SELECT count(*)::int AS n FROM invoice_notes WHERE idempotency_key LIKE $1 GROUP BY idempotency_key", [`${runId}:%`]);
  return result.rows.map((row) => Number(row.n));
}

beforeAll(async () => {
  meta = await createTestMetadataDb();
  service = await startSampleService({ secret: SECRET, delayMs: 25, invoices: 1_000 });
  await (await as("admin")).actionServices.add({ name: "billing", url: service.url, secret: SECRET });
});
afterAll(async () => {
  await service?.stop();
  await meta?.cleanup();
});

describe("remote actions beside local ones", () => {
  it("are listed to builders with their service, target and input schema", async () => {
    const actions = await (await as("builder")).actions.list();
    const remote = actions.find((action) => action.name === ACTION);
    expect(remote).toMatchObject({
      title: "Add invoice note",
      service: "billing",
      minRole: "operator",
      mode: "perRow",
      target: { source: "billing", table: "invoices", key: { id: "invoiceId" } },
      precondition: { column: "status", oneOf: ["open"], message: "Notes go on open invoices only." },
      inputSchema: expect.objectContaining({ required: ["invoiceId", "note"] }),
      canRun: true,
    });
    expect(actions.find((action) => action.name === "refund-order")).toMatchObject({ service: null });
    expect(actions.find((action) => action.name === "billing.close-invoice")).toMatchObject({ service: "billing", minRole: "builder", canRun: true, danger: { confirm: expect.any(String) } });
  });

  it("are refused before anything runs when a row's input does not fit, and to roles below their minimum", async () => {
    const builder = await as("builder");
    const invalid = await builder.actions.startRun({ action: ACTION, items: [{ rowKey: "x", input: { invoiceId: 1.5, note: "n" } }] });
    expect(invalid).toMatchObject({ status: "invalid", invalidRows: [{ rowKey: "x", errors: [{ field: "invoiceId" }] }] });
    // Operators run actions only through an app that offers them, remote ones included.
    await expect((await as("operator")).actions.run({ action: ACTION, input: { invoiceId: 1, note: "n" }, idempotencyKey: randomUUID() })).rejects.toThrow(/runs only through an app that offers it/);
  });
});

describe("through an app, as operators run it", () => {
  it("runs in bulk on rows the app's table shows from the billing database, and the service learns the app, version and widget", async () => {
    const url = new URL(service.database.url);
    const admin = await as("admin");
    await admin.datasources.save({
      name: "Billing",
      connection: { kind: "postgres", host: url.hostname, port: Number(url.port || 5432), database: service.database.name, user: decodeURIComponent(url.username), password: "", sslMode: "disable" },
      policy: DEFAULT_POLICY,
    });
    const builder = await as("builder");
    const app = await builder.apps.create({ name: "Billing desk", slug: "billing-desk" });
    const document: AppDocumentInput = {
      id: app.id,
      name: "Billing desk",
      slug: "billing-desk",
      queries: [{ id: "openInvoices", datasource: "Billing", sql: "SELECT id, customer FROM invoices WHERE status = 'open' ORDER BY id LIMIT 50", mode: "read", trigger: { kind: "onLoad" } }],
      pages: [
        {
          id: "invoices",
          name: "Invoices",
          widgets: [{ id: "invoicesTable", type: "table", layout: { x: 0, y: 0, w: 12, h: 8 }, props: { data: "{{ openInvoices.data }}", rowKey: "id", actions: [{ action: ACTION, label: "Add note", mapping: { invoiceId: "{{ row.id }}", note: "From the billing desk" } }] } }],
        },
      ],
    };
    const saved = await builder.apps.save({ appId: app.id, baseVersion: 1, document, message: "billing desk" });
    await builder.apps.publish({ appId: app.id, version: saved.version });

    const operator = await as("operator");
    const via = { appId: app.id, version: "published" as const, widgetId: "invoicesTable", params: {} };
    const rows = items("desk", [1, 2, 3]).map((item) => ({ ...item, input: { ...item.input, note: "From the billing desk" } }));
    const { runId } = started(await operator.actions.startRun({ action: ACTION, items: rows, via }));
    await settle(runId);
    expect((await operator.actions.getRun({ runId })).run).toMatchObject({ status: "done", done: 3, failed: 0 });
    const origins = await service.pool.query("SELECT DISTINCT origin FROM invoice_notes WHERE idempotency_key LIKE $1", [`${runId}:%`]);
    expect(origins.rows).toEqual([{ origin: `app ${app.id} v${saved.version} invoicesTable` }]);

    // A closed invoice is not among the rows the table shows: refused before the service is called.
    const closed = await operator.actions.startRun({ action: ACTION, items: [{ rowKey: "closed", input: { invoiceId: 10, note: "From the billing desk" } }], via }).catch((error: unknown) => error);
    expect(closed).toMatchObject({ message: expect.stringMatching(/is not among the rows invoicesTable shows you/) });
  });
});

describe("a bulk run through Rowcraft against the service", () => {
  it("runs every row once with per-row results and audit events; Retry failed runs only the failed rows", async () => {
    const ids = Array.from({ length: 40 }, (_, i) => i + 1); // 10, 20, 30, 40 are closed
    const builder = await as("builder");
    const { runId } = started(await builder.actions.startRun({ action: ACTION, items: items("first", ids) }));
    await settle(runId);
    let current = await view(runId);
    expect(current.run).toMatchObject({ status: "done", total: 40, done: 40, failed: 4, actionTitle: "Add invoice note" });
    const failed = current.items.filter((item) => item.status === "failed");
    expect(failed.map((item) => item.error)).toEqual([10, 20, 30, 40].map((id) => `Invoice ${id} is closed; notes go on open invoices only.`));
    expect(current.items.find((item) => item.rowKey === "first-1")).toMatchObject({ status: "ok", result: { invoiceId: 1, noteId: expect.any(String) } });
    expect(await notesPerKey(runId)).toEqual(Array(36).fill(1));

    const audits = await meta.db.auditEvent.findMany({ where: { action: `action.run.${ACTION}` } });
    const runAudits = audits.filter((event) => event.detail.includes(runId));
    expect(runAudits).toHaveLength(40);
    expect(JSON.parse(runAudits.find((event) => event.outcome === "ok")?.detail ?? "{}")).toMatchObject({
      service: "billing",
      target: { source: "billing", table: "invoices", rows: [{ id: expect.any(Number) }] },
      result: { invoiceId: expect.any(Number) },
      replayed: false,
    });

    // The billing team reopens invoice 10; Retry failed runs the four failed rows again, and only them.
    await service.pool.query("UPDATE invoices SET status = 'open' WHERE id = 10");
    expect(await builder.actions.retryFailed({ runId })).toEqual({ requeued: 4 });
    await settle(runId);
    current = await view(runId);
    expect(current.run).toMatchObject({ status: "done", done: 40, failed: 3 });
    expect(current.items.find((item) => item.rowKey === "first-10")).toMatchObject({ status: "ok", attempts: 2 });
    expect(await notesPerKey(runId)).toEqual(Array(37).fill(1));
  });

  it("fails every row with a clear message when the service refuses Rowcraft's signature, and runs nothing", async () => {
    const row = await meta.db.actionService.findUniqueOrThrow({ where: { name: "billing" } });
    await meta.db.actionService.update({ where: { id: row.id }, data: { secretEncrypted: sealServiceSecret("an-old-secret-".padEnd(40, "0")) } });
    try {
      const { runId } = started(await (await as("builder")).actions.startRun({ action: ACTION, items: items("unsigned", openInvoices(5, 100)) }));
      await settle(runId);
      const current = await view(runId);
      expect(current.run).toMatchObject({ done: 5, failed: 5 });
      for (const item of current.items) expect(item.error).toMatch(/^The action service "billing" refused Rowcraft's signature: The signature does not match.*check that the secret registered in Rowcraft is the service's/);
      expect(await notesPerKey(runId)).toEqual([]);
    } finally {
      await meta.db.actionService.update({ where: { id: row.id }, data: { secretEncrypted: row.secretEncrypted } });
    }
  });

  it("marks rows failed with a clear message when the service is killed mid-run; after a restart Retry failed finishes it, no row twice", async () => {
    const ids = openInvoices(200, 200);
    const { runId } = started(await (await as("builder")).actions.startRun({ action: ACTION, items: items("crash", ids) }));
    await until(async () => (await notesPerKey(runId)).length >= 20, 20_000);
    await service.kill();
    await settle(runId);
    let current = await view(runId);
    const failed = current.items.filter((item) => item.status === "failed");
    expect(current.run.status).toBe("done");
    expect(current.items.every((item) => item.status === "ok" || item.status === "failed")).toBe(true);
    expect(failed.length).toBeGreaterThan(100);
    for (const item of failed) expect(item.error).toMatch(/^The action service "billing" \(http:\/\/127\.0\.0\.1:\d+\/rowcraft\) (is not reachable \(connection refused\); nothing was run|stopped answering during the call)/);

    await service.start();
    expect(await (await as("builder")).actions.retryFailed({ runId })).toEqual({ requeued: failed.length });
    await settle(runId);
    current = await view(runId);
    expect(current.run).toMatchObject({ status: "done", done: 200, failed: 0 });
    const perKey = await notesPerKey(runId);
    expect(perKey).toHaveLength(200);
    expect(perKey.every((n) => n === 1)).toBe(true);
  });

  it("stops an invocation at its deadline and says so (a service slower than the action's timeout)", async () => {
    const slow = await startSampleService({ secret: SECRET, delayMs: 6_000, invoices: 5 });
    try {
      await (await as("admin")).actionServices.add({ name: "slow-billing", url: slow.url, secret: SECRET });
      const started = Date.now();
      const outcome = await (await as("builder")).actions.run({ action: "slow-billing.add-invoice-note", input: { invoiceId: 1, note: "late" }, idempotencyKey: randomUUID() });
      // Rowcraft's timer, the client's and the service's own all end it at the deadline; whichever speaks first, it is a timeout that says so.
      expect(outcome).toMatchObject({ status: "failed", errorKind: "timeout", error: expect.stringMatching(/did not (finish|answer) (within \d|before its deadline)/) });
      expect(Date.now() - started).toBeLessThan(5_900);
      // The service stopped it at the same deadline: once its slow part is over, it still writes nothing.
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, started + 7_000 - Date.now())));
      expect((await slow.pool.query("SELECT count(*)::int AS n FROM invoice_notes")).rows[0]?.n).toBe(0);
    } finally {
      await slow.stop();
    }
  });
});
