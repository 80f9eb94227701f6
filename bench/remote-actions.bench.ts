// Benchmark of bulk runs of a REMOTE action against the same action run LOCALLY, both at the
// default concurrency (4), through Rowcraft's real bulk path (startRun → runner → invokeAction →
// batched bookkeeping and one audit event per row, until everything is written).
//
// Both variants do the same work on the same PostgreSQL database: lock the invoice row, insert
// one invoice_notes row, record the idempotency key with the result, in one transaction.
// - local: a Rowcraft action (ctx.idempotent on ctx.datasource(), table action_idempotency);
// - remote: the sample service (examples/remote-actions-service) in its own process, built with
//   @rowcraft/actions, reached over HTTP with signed requests and signed answers (table
//   rowcraft_idempotency in the same database).
// Target: ≥ 300 rows/s for the remote action.
//
// Run with `npm run bench:remote-actions` from the repository root. It needs PostgreSQL on
// 127.0.0.1:5432 (ROWCRAFT_TEST_POSTGRES_URL to change it). It creates a throw-away data folder,
// database and service process and removes them at the end, also on failure.
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { z } from "zod";
import { DEFAULT_RUN_CONCURRENCY } from "../lib/schemas/actions";
import { DEFAULT_POLICY, type Connection } from "../lib/schemas/datasources";
import { addActionService } from "../server/action-services/manage-action-services";
import { startSampleService, type SampleService } from "../server/action-services/testing/sample-service";
import { closeActionDatabases } from "../server/actions/databases/action-databases";
import { ActionError, defineAction } from "../server/actions/define-action";
import { actionRegistry, createActionRegistry } from "../server/actions/registry";
import { ActionRunner } from "../server/actions/runs/action-runner";
import { startRun } from "../server/actions/runs/run-commands";
import { createDb, type Db } from "../server/db/client";
import { applyMigrations } from "../server/db/migrate";
import { sealConnection } from "../server/datasources/stored-datasource";

const ROWS = 3_000;
const ROUNDS = 2;
const TARGET_ROWS_PER_SECOND = 300;
const REMOTE = "bench.add-invoice-note";
const LOCAL = "bench-add-invoice-note";

/** The sample service's action, written as a local Rowcraft action on the same database. */
const localAction = defineAction({
  name: LOCAL,
  title: "Add invoice note (local)",
  description: "Benchmark action: the sample service's add-invoice-note, run inside Rowcraft.",
  target: { source: "bench-billing", table: "invoices", key: { id: "invoiceId" } },
  input: z.object({ invoiceId: z.number().int().positive(), note: z.string().min(1) }),
  minRole: "operator",
  timeoutMs: 5_000,
  mode: "perRow",
  run: async ({ invoiceId, note }, ctx) =>
    ctx.idempotent(await ctx.datasource(), async (tx) => {
      const invoice = (await tx.query("SELECT status FROM invoices WHERE id = $1 FOR UPDATE", [invoiceId])).rows[0];
      if (!invoice) throw new ActionError(`Invoice ${invoiceId} does not exist.`);
      const inserted = await tx.query("INSERT INTO invoice_notes (invoice_id, note, author, idempotency_key, origin) VALUES ($1, $2, $3, $4, 'direct') RETURNING id", [invoiceId, note, ctx.user.email, ctx.idempotencyKey]);
      return { invoiceId, noteId: String(inserted.rows[0]?.id) };
    }),
});

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rowcraft-remote-bench-"));
  process.env.ROWCRAFT_DATA_DIR = dir; // secrets for sealing the bench connection and service secret go here
  let service: SampleService | null = null;
  let db: Db | null = null;
  try {
    const metaFile = path.join(dir, "rowcraft.db");
    applyMigrations({ file: metaFile });
    db = createDb(`file:${metaFile}`);
    const user = await db.user.create({ data: { email: "bench@acme.test", name: "Bench", role: "admin", passwordHash: "not-used" } });
    const actor = { id: user.id, email: user.email, name: user.name, role: "admin" as const };

    const secret = randomUUID() + randomUUID();
    service = await startSampleService({ secret, invoices: ROWS });
    // Every invoice open, so every row succeeds.
    await service.pool.query("UPDATE invoices SET status = 'open'");
    const url = new URL(service.database.url);
    const connection: Connection = {
      kind: "postgres",
      host: url.hostname,
      port: Number(url.port || 5432),
      database: service.database.name,
      user: decodeURIComponent(url.username),
      password: decodeURIComponent(url.password),
      sslMode: "disable",
    };
    await db.dataSource.create({ data: { name: "bench-billing", kind: "postgres", configEncrypted: sealConnection(connection), policy: JSON.stringify(DEFAULT_POLICY) } });
    await addActionService({ db, actor, input: { name: "bench", url: service.url, secret } });
    const remote = actionRegistry.get(REMOTE);
    if (!remote) throw new Error(`${REMOTE} was not registered from the service's manifest.`);
    const runner = new ActionRunner({ db, registry: createActionRegistry([localAction, remote]) });

    console.error(`Node ${process.version}, ${os.cpus().length} cores, load average ${os.loadavg().map((n) => n.toFixed(2)).join(" ")}`);
    const results: string[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      for (const [label, action] of [["local", LOCAL], ["remote", REMOTE]] as const) {
        const items = Array.from({ length: ROWS }, (_, i) => ({ rowKey: `${label}-${round}-${i + 1}`, input: { invoiceId: i + 1, note: `bench ${round}` } }));
        const started = performance.now();
        const cpuBefore = process.cpuUsage();
        const start = await startRun({ db, user: actor, runner, input: { action, items, concurrency: DEFAULT_RUN_CONCURRENCY } });
        if (start.status !== "started") throw new Error(start.message);
        await runner.settle(start.runId);
        const seconds = (performance.now() - started) / 1000;
        const cpu = process.cpuUsage(cpuBefore);
        // CPU this process (Rowcraft) spent per row: the part of the cost that is not the service's or PostgreSQL's.
        const cpuPerRow = (cpu.user + cpu.system) / 1000 / ROWS;
        const finished = await db.actionRunItem.findMany({ where: { runId: start.runId }, select: { status: true, durationMs: true, error: true } });
        const ok = finished.filter((item) => item.status === "ok").length;
        const durations = finished.map((item) => item.durationMs ?? NaN).sort((a, b) => a - b);
        const written = Number((await service.pool.query("SELECT count(*) AS n FROM invoice_notes WHERE idempotency_key LIKE $1", [`${start.runId}:%`])).rows[0]?.n);
        const rate = ROWS / seconds;
        if (ok !== ROWS || written !== ROWS) throw new Error(`${label}: expected ${ROWS} ok rows and notes; got ${ok} and ${written} (${finished.find((item) => item.error)?.error ?? ""})`);
        console.error(`${label} round ${round}: ${Math.round(rate)} rows/s${label === "remote" ? (rate >= TARGET_ROWS_PER_SECOND ? " (target met)" : " (BELOW TARGET)") : ""}`);
        results.push(`| ${label} | ${round} | ${seconds.toFixed(2)} s | **${Math.round(rate).toLocaleString("en-US")}** | ${percentile(durations, 50)} ms | ${percentile(durations, 95)} ms | ${cpuPerRow.toFixed(2)} ms |`);
      }
    }
    console.log("| action | round | wall time | rows/s | row p50 | row p95 | Rowcraft CPU per row |");
    console.log("|---|---:|---:|---:|---:|---:|---:|");
    for (const line of results) console.log(line);
  } finally {
    await closeActionDatabases();
    await db?.$disconnect();
    await service?.stop().catch(() => undefined);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
