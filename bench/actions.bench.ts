// Benchmark of bulk action runs: 10,000 rows through a light action (one idempotent outbox insert
// per row) with the default concurrency 4, on SQLite (an Acme Ops file) and on the local
// PostgreSQL. It measures the whole bulk path: the run and its 10,000 items created in the
// metadata database, every row through invokeAction (validation, timeout, ctx.idempotent: key
// claim + insert + key result in one target transaction), and the runner's batched bookkeeping
// (row states, run counters, one audit event per row), until everything is written.
// Target: ≥ 500 rows/s on both.
//
// Run with `npx tsx bench/actions.bench.ts` from the repository root. It needs PostgreSQL on
// 127.0.0.1:5432 (ROWCRAFT_TEST_POSTGRES_URL to change it). It creates a throw-away data folder
// and database and removes both at the end, also on failure.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { z } from "zod";
import { DEFAULT_RUN_CONCURRENCY } from "../lib/schemas/actions";
import { DEFAULT_POLICY, type Connection } from "../lib/schemas/datasources";
import { closeActionDatabases } from "../server/actions/databases/action-databases";
import { defineAction } from "../server/actions/define-action";
import { createActionRegistry } from "../server/actions/registry";
import { ActionRunner } from "../server/actions/runs/action-runner";
import { startRun } from "../server/actions/runs/run-commands";
import { createDb, type Db } from "../server/db/client";
import { applyMigrations } from "../server/db/migrate";
import { generateAcmeOps } from "../server/demo/acme-ops";
import { sealConnection } from "../server/datasources/stored-datasource";
import { createPostgresTestDatabase, type TestDatabase } from "../server/testing/external-databases";

const ROWS = 10_000;
const ROUNDS = 2;
const TARGET_ROWS_PER_SECOND = 500;

type Kind = "sqlite" | "postgres";

/** The light action: one outbox row per invocation, exactly once per key. */
function enqueueNotification(kind: Kind) {
  const insert =
    kind === "postgres"
      ? "INSERT INTO notification_outbox (kind, order_id, payload, created_at) VALUES ('bench', $1, $2, $3) RETURNING id"
      : "INSERT INTO notification_outbox (kind, order_id, payload, created_at) VALUES ('bench', ?, ?, ?) RETURNING id";
  return defineAction({
    name: `bench-enqueue-${kind}`,
    title: `Enqueue notification (${kind})`,
    description: "Benchmark action: writes one notification_outbox row.",
    target: { source: `bench-${kind}`, rows: false },
    input: z.object({ orderId: z.number().int().positive() }),
    minRole: "operator",
    timeoutMs: 10_000,
    mode: "perRow",
    run: async (input, ctx) =>
      ctx.idempotent(await ctx.datasource(`Bench ${kind}`), async (tx) => {
        const row = await tx.query(insert, [input.orderId, JSON.stringify({ orderId: input.orderId }), new Date().toISOString()]);
        return { outboxId: Number(row.rows[0]?.id) };
      }),
  });
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function register(db: Db, name: string, connection: Connection): Promise<void> {
  await db.dataSource.create({ data: { name, kind: connection.kind, configEncrypted: sealConnection(connection), policy: JSON.stringify(DEFAULT_POLICY) } });
}

/** Bench rows in the target's outbox, counted behind Rowcraft's back. */
async function targetRows(connection: Connection): Promise<number> {
  if (connection.kind === "sqlite") {
    const { default: Database } = await import("better-sqlite3");
    const db = new Database(connection.file, { readonly: true });
    try {
      return db.prepare("SELECT count(*) FROM notification_outbox WHERE kind = 'bench'").pluck().get() as number;
    } finally {
      db.close();
    }
  }
  const { host, port, user, database, password } = connection;
  const client = new pg.Client({ host, port, user, database, password });
  await client.connect();
  try {
    return Number((await client.query<{ n: string }>("SELECT count(*) AS n FROM notification_outbox WHERE kind = 'bench'")).rows[0]?.n);
  } finally {
    await client.end();
  }
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rowcraft-actions-bench-"));
  process.env.ROWCRAFT_DATA_DIR = dir; // secrets for sealing the bench connections go here
  let postgres: TestDatabase | null = null;
  let db: Db | null = null;
  try {
    const metaFile = path.join(dir, "rowcraft.db");
    applyMigrations({ file: metaFile });
    db = createDb(`file:${metaFile}`);
    const user = await db.user.create({ data: { email: "bench@acme.test", name: "Bench", role: "builder", passwordHash: "not-used" } });

    const acmeFile = path.join(dir, "acme-ops.sqlite");
    generateAcmeOps({ file: acmeFile, scale: 0.1 }); // 10,000 orders, so every row has a real order
    postgres = await createPostgresTestDatabase();
    const pgUrl = new URL(postgres.url);
    const pgConnection: Connection = {
      kind: "postgres",
      host: pgUrl.hostname,
      port: Number(pgUrl.port || 5432),
      database: postgres.name,
      user: decodeURIComponent(pgUrl.username),
      password: decodeURIComponent(pgUrl.password),
      sslMode: "disable",
    };
    const setup = new pg.Client({ connectionString: postgres.url });
    await setup.connect();
    await setup.query("CREATE TABLE notification_outbox (id bigserial PRIMARY KEY, kind text NOT NULL, order_id integer, payload text NOT NULL, created_at timestamptz NOT NULL)");
    await setup.end();
    const connections: Record<Kind, Connection> = { sqlite: { kind: "sqlite", file: acmeFile }, postgres: pgConnection };
    await register(db, "Bench sqlite", connections.sqlite);
    await register(db, "Bench postgres", connections.postgres);

    const actions = { sqlite: enqueueNotification("sqlite"), postgres: enqueueNotification("postgres") };
    const runner = new ActionRunner({ db, registry: createActionRegistry([actions.sqlite, actions.postgres]) });
    const actor = { id: user.id, email: user.email, name: user.name, role: "builder" as const };
    const results: string[] = [];
    console.error(`Node ${process.version}, ${os.cpus().length} cores, load average ${os.loadavg().map((n) => n.toFixed(2)).join(" ")}`);

    for (let round = 1; round <= ROUNDS; round++) {
      for (const kind of ["sqlite", "postgres"] as const) {
        const items = Array.from({ length: ROWS }, (_, i) => ({ rowKey: `r${round}-${i + 1}`, input: { orderId: i + 1 } }));
        const before = await targetRows(connections[kind]);
        const started = performance.now();
        const start = await startRun({ db, user: actor, runner, input: { action: actions[kind].name, items, concurrency: DEFAULT_RUN_CONCURRENCY } });
        if (start.status !== "started") throw new Error(start.message);
        const { runId } = start;
        await runner.settle(runId);
        const seconds = (performance.now() - started) / 1000;
        const finished = await db.actionRunItem.findMany({ where: { runId }, select: { status: true, durationMs: true } });
        const ok = finished.filter((item) => item.status === "ok").length;
        const durations = finished.map((item) => item.durationMs ?? NaN).sort((a, b) => a - b);
        const written = (await targetRows(connections[kind])) - before;
        const audited = await db.auditEvent.count({ where: { action: `action.run.${actions[kind].name}`, detail: { contains: runId } } });
        const rate = ROWS / seconds;
        const line = `| ${kind === "sqlite" ? "SQLite" : "PostgreSQL"} | ${round} | ${seconds.toFixed(2)} s | **${Math.round(rate).toLocaleString("en-US")}** | ${percentile(durations, 50)} ms | ${percentile(durations, 95)} ms | ${ok.toLocaleString("en-US")} / ${written.toLocaleString("en-US")} / ${audited.toLocaleString("en-US")} |`;
        console.error(`${kind} round ${round}: ${Math.round(rate)} rows/s ${rate >= TARGET_ROWS_PER_SECOND ? "(target met)" : "(BELOW TARGET)"}`);
        if (ok !== ROWS || written !== ROWS || audited !== ROWS) throw new Error(`${kind}: expected ${ROWS} ok rows, outbox rows and audit events; got ${ok}, ${written}, ${audited}`);
        results.push(line);
      }
    }
    console.log("| target | round | wall time | rows/s | row p50 | row p95 | ok / outbox rows / audit events |");
    console.log("|---|---:|---:|---:|---:|---:|---|");
    for (const line of results) console.log(line);
  } finally {
    await closeActionDatabases();
    await db?.$disconnect();
    await postgres?.drop().catch(() => undefined);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
