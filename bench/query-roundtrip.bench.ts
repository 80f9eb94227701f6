// End-to-end benchmark of a query's round trip through Rowcraft's API (`queries.run` over HTTP
// on the production server: session lookup, guard, driver, superjson, Next route) against a raw
// `pg` client on the same local PostgreSQL, for 1, 1,000 and 100,000 rows.
// Target: Rowcraft ≤ 1.3× raw pg (median) at 1,000 rows.
//
// A third series, "HTTP floor", is for reading the ratio: the same query behind the smallest
// possible JSON endpoint (node:http + one pg.Client + JSON.stringify, in a child process, no
// framework, no auth, no compression). No HTTP API can beat it, so it shows how much of the gap
// to raw pg is HTTP itself and how much is Rowcraft.
//
// Run with `npx tsx bench/query-roundtrip.bench.ts` from the repository root. It needs
// PostgreSQL on 127.0.0.1:5432 (ROWCRAFT_TEST_POSTGRES_URL to change it) and the production
// build (`npx next build` first when `.next/BUILD_ID` is missing). It creates a throw-away
// database and data folder and removes both at the end, also on failure or Ctrl-C.
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import superjson, { type SuperJSONResult } from "superjson";
import { policySchema } from "../lib/schemas/datasources";
import { createPostgresTestDatabase, type TestDatabase } from "../server/testing/external-databases";
import { freePort, productionBuild, startServer, stopServer, waitUntilReady } from "./support/server";
import { cleanUp, cleanups } from "./support/cleanup";

const ROOT = path.resolve(__dirname, "..");
const ADMIN = { email: "admin@acme.test", password: "rowcraft-demo" };
const TABLE_ROWS = 100_000;

/** Rows per query, and how many measured runs of each side. */
const SIZES = [
  { rows: 1, runs: 50, warmUp: 20 },
  { rows: 1_000, runs: 50, warmUp: 20 },
  { rows: 100_000, runs: 10, warmUp: 3 },
] as const;
const TARGET = { rows: 1_000, ratio: 1.3 };

/**
 * The access policy of the benchmark source. Parsed with the app's own schema so fields added
 * later (e.g. `maxCost`, `maxAffectedRows`) take their defaults — what a new source gets — and
 * the run prints the policy the server stored.
 */
const POLICY = policySchema.parse({ readOnly: false, read: ["*"], write: [], allowSystemCatalogs: false, statementTimeoutMs: 60_000, rowCap: 200_000 });

const COLUMNS = "id, customer_name, status, total_cents, placed_at, notes";
const ROWCRAFT_SQL = `SELECT ${COLUMNS} FROM orders WHERE id <= {{ n }} ORDER BY id`;
const RAW_SQL = `SELECT ${COLUMNS} FROM orders WHERE id <= $1 ORDER BY id`;

// ---------------------------------------------------------------------------------------------
// Fixture: a database with one realistic orders table.

async function fillDatabase(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`
      CREATE TABLE orders (
        id integer PRIMARY KEY,
        customer_name text NOT NULL,
        status text NOT NULL,
        total_cents integer NOT NULL,
        placed_at timestamptz NOT NULL,
        notes text
      )`);
    // Deterministic, varied values: 40 × 40 names, five statuses, amounts up to $5,000, one
    // order every ~5 minutes over a year, notes on two orders out of three.
    await client.query(
      `
      INSERT INTO orders
      SELECT i,
             (ARRAY['Ada','Bela','Chen','Dmitri','Elif','Fatima','Gustav','Hana','Ines','Jonas','Kemal','Lena','Mateo','Nadia','Olu','Priya','Quentin','Rosa','Sven','Tomas','Uma','Viktor','Wen','Ximena','Yusuf','Zoe','Amara','Bruno','Chloe','Diego','Esme','Farid','Greta','Hugo','Ivy','Jamal','Kira','Luca','Maya','Noah'])[1 + (i * 7) % 40]
             || ' ' ||
             (ARRAY['Abbott','Bauer','Castillo','Dubois','Eriksen','Fischer','Garcia','Haddad','Ivanova','Jensen','Kowalski','Laurent','Moreau','Nakamura','Okafor','Petrov','Quinn','Rossi','Schmidt','Tanaka','Ueda','Varga','Weber','Xu','Yilmaz','Zimmermann','Alvarez','Brennan','Costa','Dahl','Engel','Ferreira','Gallo','Horvat','Ibarra','Jovanovic','Kaur','Lindqvist','Marsh','Novak'])[1 + (i * 13) % 40],
             (ARRAY['pending','paid','shipped','delivered','refunded'])[1 + (i * 31) % 5],
             100 + (i * 7919) % 499900,
             timestamptz '2025-11-01 00:00:00+00' + (i * interval '313 seconds'),
             CASE WHEN i % 3 = 0 THEN NULL
                  ELSE (ARRAY['Leave at the back door','Gift wrap, no invoice in the box','Call before delivery','Fragile: glassware','Customer asked for a split shipment'])[1 + i % 5] || ' (ref ' || to_char(i, 'FM000000') || ')'
             END
      FROM generate_series(1, $1::integer) AS i`,
      [TABLE_ROWS],
    );
    await client.query("VACUUM ANALYZE orders");
  } finally {
    await client.end();
  }
}

// ---------------------------------------------------------------------------------------------
// The production server, started the way the end-to-end tests start it.


// ---------------------------------------------------------------------------------------------
// The HTTP floor: the query behind a bare JSON endpoint, in its own process like the server.

const FLOOR_SERVER = `
const http = require("node:http");
const pg = require("pg");
const client = new pg.Client({ connectionString: process.env.BENCH_DATABASE_URL });
client.connect().then(() => {
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", async () => {
      try {
        const { n } = JSON.parse(body);
        const result = await client.query({ text: process.env.BENCH_SQL, values: [n] });
        const json = JSON.stringify({ ok: true, rows: result.rows, rowCount: result.rows.length });
        res.writeHead(200, { "content-type": "application/json" }).end(json);
      } catch (error) {
        res.writeHead(500).end(String(error));
      }
    });
  });
  server.keepAliveTimeout = 60000;
  server.listen(0, "127.0.0.1", () => process.send(server.address().port));
});
process.on("disconnect", () => process.exit(0));
`;

async function startFloor(databaseUrl: string): Promise<{ child: ChildProcess; baseUrl: string }> {
  const child = spawn(process.execPath, ["-e", FLOOR_SERVER], {
    cwd: ROOT,
    env: { ...process.env, BENCH_DATABASE_URL: databaseUrl, BENCH_SQL: RAW_SQL },
    stdio: ["ignore", "ignore", "inherit", "ipc"],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once("message", (message) => resolve(Number(message)));
    child.once("exit", (code) => reject(new Error(`The HTTP floor server exited (code ${code})`)));
  });
  return { child, baseUrl: `http://127.0.0.1:${port}` };
}

// ---------------------------------------------------------------------------------------------
// The API, as the browser's tRPC client calls it (superjson over JSON, session cookie).

class RowcraftApi {
  private cookie = "";

  constructor(private readonly baseUrl: string) {}

  async call(procedure: string, input: unknown): Promise<{ value: unknown; bytes: number }> {
    const response = await fetch(`${this.baseUrl}/api/trpc/${procedure}`, {
      method: "POST",
      headers: { "content-type": "application/json", ...(this.cookie ? { cookie: this.cookie } : {}) },
      body: JSON.stringify(superjson.serialize(input)),
    });
    for (const header of response.headers.getSetCookie()) {
      const match = /^(rowcraft_session=[^;]*)/.exec(header);
      if (match?.[1]) this.cookie = match[1];
    }
    const text = await response.text();
    // Parse it fully, as the client does: JSON, then superjson's revival.
    const body = JSON.parse(text) as { result?: { data: SuperJSONResult }; error?: unknown };
    if (!response.ok || !body.result) throw new Error(`${procedure} answered ${response.status}: ${text.slice(0, 2_000)}`);
    return { value: superjson.deserialize(body.result.data), bytes: text.length };
  }
}

interface RunResult {
  ok: boolean;
  rowCount?: number;
  durationMs?: number;
  rows?: unknown[];
  error?: unknown;
}

// ---------------------------------------------------------------------------------------------
// Statistics and output.

function percentile(sorted: readonly number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

function summary(samples: readonly number[]): { median: number; p95: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  return { median: percentile(sorted, 50), p95: percentile(sorted, 95) };
}

const ms = (n: number) => (n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2));

interface SizeResult {
  rows: number;
  runs: number;
  raw: { median: number; p95: number };
  rowcraft: { median: number; p95: number };
  floor: { median: number; p95: number };
  driverMedian: number;
  payloadBytes: number;
}

function printTable(results: readonly SizeResult[], meta: string): void {
  const lines = [
    `Query round trip, Rowcraft API vs raw pg (${meta})`,
    "",
    "| rows | runs | raw pg median | raw pg p95 | Rowcraft median | Rowcraft p95 | ratio (median) | ratio (p95) | driver time (server, median) | response size | HTTP floor median | floor ratio (median) |",
    "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ...results.map(
      (r) =>
        `| ${r.rows.toLocaleString("en-US")} | ${r.runs} | ${ms(r.raw.median)} ms | ${ms(r.raw.p95)} ms | ${ms(r.rowcraft.median)} ms | ${ms(r.rowcraft.p95)} ms | ` +
        `${(r.rowcraft.median / r.raw.median).toFixed(2)}× | ${(r.rowcraft.p95 / r.raw.p95).toFixed(2)}× | ${r.driverMedian} ms | ${(r.payloadBytes / 1024).toFixed(1)} KiB | ${ms(r.floor.median)} ms | ${(r.floor.median / r.raw.median).toFixed(2)}× |`,
    ),
  ];
  console.log(lines.join("\n"));
  const target = results.find((r) => r.rows === TARGET.rows);
  if (target) {
    const ratio = target.rowcraft.median / target.raw.median;
    console.log(`\nTarget at ${TARGET.rows.toLocaleString("en-US")} rows: ≤ ${TARGET.ratio}× raw — measured ${ratio.toFixed(2)}× (${ratio <= TARGET.ratio ? "met" : "NOT met"}).`);
  }
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const build = productionBuild();
  const log = (message: string) => console.error(`· ${message}`);

  log("creating the database and 100,000 orders…");
  const database: TestDatabase = await createPostgresTestDatabase();
  cleanups.push(() => database.drop());
  await fillDatabase(database.url);

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "rowcraft-bench-"));
  cleanups.push(async () => fs.rmSync(dataDir, { recursive: true, force: true }));
  const port = await freePort();
  log(`starting the production server on port ${port}…`);
  const server = startServer(port, dataDir);
  cleanups.push(() => stopServer(server));
  await waitUntilReady(server);

  const api = new RowcraftApi(server.baseUrl);
  log("signing in (Argon2, once)…");
  await api.call("auth.signIn", ADMIN);
  const url = new URL(database.url);
  const saved = await api.call("datasources.save", {
    name: "Bench PG",
    connection: { kind: "postgres", host: url.hostname, port: Number(url.port || 5432), database: database.name, user: decodeURIComponent(url.username || "postgres"), password: decodeURIComponent(url.password), sslMode: "disable" },
    policy: POLICY,
  });
  const { id: datasourceId, policy: storedPolicy } = saved.value as { id: string; policy: unknown };

  const raw = new pg.Client({ connectionString: database.url });
  await raw.connect();
  cleanups.push(() => raw.end());
  const floor = await startFloor(database.url);
  cleanups.push(async () => {
    floor.child.kill();
  });

  const viaRowcraft = async (n: number): Promise<{ elapsed: number; result: RunResult; bytes: number }> => {
    const started = performance.now();
    const { value, bytes } = await api.call("queries.run", { datasourceId, sql: ROWCRAFT_SQL, mode: "read", params: { n }, preview: false, runId: randomUUID() });
    const elapsed = performance.now() - started;
    const result = value as RunResult;
    if (!result.ok) throw new Error(`queries.run failed: ${JSON.stringify(result.error)}`);
    if (result.rowCount !== n || result.rows?.length !== n) throw new Error(`queries.run returned ${result.rowCount} rows, expected ${n}`);
    return { elapsed, result, bytes };
  };
  const viaRaw = async (n: number): Promise<number> => {
    const started = performance.now();
    const result = await raw.query({ text: RAW_SQL, values: [n] });
    const elapsed = performance.now() - started;
    if (result.rows.length !== n) throw new Error(`raw pg returned ${result.rows.length} rows, expected ${n}`);
    return elapsed;
  };

  const viaFloor = async (n: number): Promise<number> => {
    const started = performance.now();
    const response = await fetch(floor.baseUrl, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ n }) });
    const body = JSON.parse(await response.text()) as { rowCount: number };
    const elapsed = performance.now() - started;
    if (body.rowCount !== n) throw new Error(`the HTTP floor returned ${body.rowCount} rows, expected ${n}`);
    return elapsed;
  };

  const results: SizeResult[] = [];
  for (const size of SIZES) {
    log(`${size.rows.toLocaleString("en-US")} rows: ${size.warmUp} warm-up and ${size.runs} measured runs of each…`);
    for (let i = 0; i < size.warmUp; i++) {
      await viaRowcraft(size.rows);
      await viaRaw(size.rows);
      await viaFloor(size.rows);
    }
    const rowcraftSamples: number[] = [];
    const rawSamples: number[] = [];
    const floorSamples: number[] = [];
    const driverSamples: number[] = [];
    let payloadBytes = 0;
    for (let i = 0; i < size.runs; i++) {
      // Interleaved, alternating which side goes first, so drift (GC, caches, other load) hits both.
      const rowcraftRun = async () => {
        const run = await viaRowcraft(size.rows);
        rowcraftSamples.push(run.elapsed);
        driverSamples.push(run.result.durationMs ?? Number.NaN);
        payloadBytes = run.bytes;
      };
      if (i % 2 === 0) {
        await rowcraftRun();
        rawSamples.push(await viaRaw(size.rows));
      } else {
        rawSamples.push(await viaRaw(size.rows));
        await rowcraftRun();
      }
      floorSamples.push(await viaFloor(size.rows));
    }
    results.push({ rows: size.rows, runs: size.runs, raw: summary(rawSamples), rowcraft: summary(rowcraftSamples), floor: summary(floorSamples), driverMedian: summary(driverSamples).median, payloadBytes });
  }

  const pgVersion = (await raw.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows[0]?.v ?? "?";
  console.log("");
  printTable(results, `${new Date().toISOString().slice(0, 10)}, Node ${process.version}, PostgreSQL ${pgVersion}, ${os.cpus().length} cores, load ${os.loadavg()[0]?.toFixed(1)}, build ${build}`);
  // As the server stored it: fields its build does not know yet are dropped there.
  console.log(`Source policy (as stored by the server): ${JSON.stringify(storedPolicy)}`);
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => cleanUp());
