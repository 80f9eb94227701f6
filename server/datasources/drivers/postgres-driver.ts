/**
 * PostgreSQL driver: one pg.Pool per source, every statement inside a transaction we open
 * ourselves (BEGIN READ ONLY for reads) with SET LOCAL timeouts, the extended protocol (one
 * statement only), a portal row limit for the row cap, an optional EXPLAIN cost check, cancel via
 * pg_cancel_backend from a separate connection, and connections destroyed rather than reused
 * whenever their state is in doubt. Batches (executeBatch) reuse all of it around several
 * statements in one READ WRITE transaction.
 */
import pg from "pg";
import type { Connection } from "@/lib/schemas/datasources";
import { introspectPostgres } from "@/server/datasources/introspection/postgres";
import { Lazy, openPostgresPool, postgresClientConfig } from "@/server/datasources/pools";
import type { PostgresSsl } from "@/server/datasources/tls";
import type { FairGate } from "./fair-gate";
import { batchCheckpoint, checkBatchRequest, runBatchStatements } from "./batch-steps";
import { mapPostgresError, type ErrorContext } from "./error-mapping";
import {
  acquireWithin,
  BACKSTOP_GRACE_MS,
  checkRequest,
  DEFAULT_CONNECT_TIMEOUT_MS,
  DEFAULT_POOL_SIZE,
  ExecutionWatch,
  resultByteCap,
  sourceGate,
  throughGate,
  throwIfAborted,
  wholeMs,
} from "./execution";
import { exactTypes, PostgresTypeNames, runStatement, type FetchedResult } from "./postgres-protocol";
import { planTables, UNANALYZED_SQL } from "./postgres-statistics";
import { checkResolution, namesToResolve } from "./postgres-resolution";
import { noRows, previewSteps, sampleFailure, sampleOf } from "./preview-steps";
import { resultTooLargeMessage, rowsToObjects, tooManyRowsMessage, uniqueColumnNames } from "./results";
import { DriverError, type CascadeTable, type BatchRequest, type BatchResult, type BoundStatement, type Driver, type DriverOptions, type ExecuteRequest, type ExecuteResult, type RowSample, type SchemaInfo } from "./types";

type PostgresConnection = Extract<Connection, { kind: "postgres" }>;
type SslSetting = PostgresSsl;

const noop = () => undefined;
const INTROSPECTION_TIMEOUT_MS = 30_000;
/** The schema of a large database is far bigger than a screen of rows; it is still bounded. */
const INTROSPECTION_MAX_BYTES = 200 * 1024 * 1024;

/** Reading stopped at the result byte cap: refuse the result (the transaction is rolled back). */
function throwIfTooLarge(fetched: FetchedResult, maxBytes: number): void {
  if (fetched.tooLarge) throw new DriverError("result_too_large", resultTooLargeMessage(maxBytes));
}

/**
 * Put back whatever an earlier statement may have changed for the whole session (set_config
 * with is_local=false, SET ROLE…): the guard should refuse those, but pooled connections are
 * shared between users, so we reset before every use. It rides in the same round trip as BEGIN.
 */
const SESSION_RESET = "RESET ALL; RESET SESSION AUTHORIZATION; RESET ROLE;";

function beginSql(mode: ExecuteRequest["mode"], timeoutMs: number): string {
  const ms = wholeMs(timeoutMs);
  // Numbers only (validated); SET cannot take bind parameters. The idle-in-transaction limit
  // frees locks if this process stalls between our statements.
  const idle = Math.max(ms, 10_000) + 5_000;
  return (
    `${SESSION_RESET} BEGIN ${mode === "read" ? "READ ONLY" : "READ WRITE"};` +
    ` SET LOCAL statement_timeout = ${ms}; SET LOCAL lock_timeout = ${ms};` +
    ` SET LOCAL idle_in_transaction_session_timeout = ${idle};` +
    // The guard resolves unqualified table names to public.* (pg_* to pg_catalog); make the
    // database agree, so a schema named after the login role cannot shadow a table the policy
    // checked. pg_catalog first: built-in functions, operators and types win every tie
    // (postgres-resolution.ts refuses the overloads that could still win); pg_temp last, so a
    // temporary table cannot shadow a real one.
    ` SET LOCAL search_path = pg_catalog, public, pg_temp;`
  );
}

/**
 * How many rows of each table foreign-key actions changed, from this transaction's own
 * statistics (pg_stat_xact_user_tables counts what the transaction did so far, cascades
 * included), read before the preview's ROLLBACK.
 */
async function cascadeCounts(client: pg.ClientBase, tables: readonly CascadeTable[]): Promise<string[]> {
  const found = await runStatement(
    client,
    "SELECT schemaname::text, relname::text, (n_tup_upd OPERATOR(pg_catalog.+) n_tup_del)::int8 FROM pg_catalog.pg_stat_xact_user_tables",
    [],
  );
  const counts = new Map(found.rows.map((row) => [`${String(row[0])}.${String(row[1])}`, Number(row[2])]));
  return tables.map((table) => {
    const n = counts.get(`${table.schema ?? "public"}.${table.name}`) ?? 0;
    return `${table.display}: ${n.toLocaleString("en-US")} ${n === 1 ? "row" : "rows"} deleted or changed through foreign keys.`;
  });
}

function processIdOf(client: pg.ClientBase): number | null {
  const pid = (client as unknown as { processID?: unknown }).processID;
  return typeof pid === "number" ? pid : null;
}

/** Tears the socket down at once (client.end() would wait for a hung statement). */
function destroySocket(client: pg.ClientBase): void {
  (client as unknown as { connection?: { stream?: { destroy(): void } } }).connection?.stream?.destroy();
}

async function rollbackQuietly(client: pg.ClientBase): Promise<boolean> {
  try {
    await client.query("ROLLBACK");
    return true;
  } catch {
    return false;
  }
}

function totalCostOf(fetched: FetchedResult): number | null {
  const plan: unknown = fetched.rows[0]?.[0];
  const first: unknown = Array.isArray(plan) ? plan[0] : undefined;
  const cost: unknown = typeof first === "object" && first !== null ? (first as { Plan?: { "Total Cost"?: unknown } }).Plan?.["Total Cost"] : undefined;
  return typeof cost === "number" ? cost : null;
}

export class PostgresDriver implements Driver {
  readonly kind = "postgres" as const;
  private readonly where: string;
  private readonly poolSize: number;
  private readonly connectTimeoutMs: number;
  /** Fair sharing of the pool between people (fair-gate.ts). */
  private readonly gate: FairGate;
  private readonly typeNames = new PostgresTypeNames();
  private closed = false;

  constructor(
    private readonly connection: PostgresConnection,
    options: DriverOptions = {},
  ) {
    this.where = `${connection.host}:${connection.port}`;
    this.poolSize = options.poolSize ?? DEFAULT_POOL_SIZE;
    this.connectTimeoutMs = options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
    this.gate = sourceGate(this.poolSize);
  }

  private readonly pools = new Lazy(() =>
    openPostgresPool(this.connection, { connectTimeoutMs: this.connectTimeoutMs, applicationName: "rowcraft", types: exactTypes, max: this.poolSize }),
  );

  private getPool(): Promise<{ pool: pg.Pool; ssl: SslSetting }> {
    if (this.closed) return Promise.reject(new DriverError("database_error", "This data source connection was closed."));
    return this.pools.get();
  }

  private async acquire(signal: AbortSignal | undefined): Promise<pg.PoolClient> {
    const { pool } = await this.getPool();
    return acquireWithin({
      acquire: () => pool.connect(),
      releaseLate: (client) => client.release(),
      timeoutMs: this.connectTimeoutMs,
      saturated: pool.totalCount >= this.poolSize && pool.idleCount === 0,
      where: this.where,
      signal,
      isPoolTimeout: (error) => error instanceof Error && error.message === "timeout exceeded when trying to connect",
    });
  }

  /** pg_cancel_backend from a fresh connection: the pool may be full, and the busy one can't speak. */
  private async cancelBackend(pid: number | null): Promise<void> {
    if (pid === null) return;
    const { ssl } = await this.getPool();
    const canceller = new pg.Client(postgresClientConfig(this.connection, ssl, { connectTimeoutMs: this.connectTimeoutMs, applicationName: "rowcraft" }));
    canceller.on("error", noop);
    try {
      await canceller.connect();
      await canceller.query("SELECT pg_cancel_backend($1)", [pid]);
    } finally {
      await canceller.end().catch(noop);
    }
  }

  /**
   * One pooled connection for one execution (a statement or a batch): the watch that turns
   * cancel or the backstop into pg_cancel_backend, and on any failure ROLLBACK — or the
   * connection destroyed when its state is in doubt — and the error mapped. `context.sql` is
   * read when an error is mapped, so a batch points it at the statement running.
   */
  private async withClient<T>(
    options: { signal: AbortSignal | undefined; timeoutMs: number; context: ErrorContext },
    body: (client: pg.PoolClient, watch: ExecutionWatch) => Promise<T>,
  ): Promise<T> {
    const { context } = options;
    let client: pg.PoolClient;
    try {
      client = await this.acquire(options.signal);
    } catch (error) {
      throw mapPostgresError(error, { ...context, sql: null });
    }
    // A checked-out client has no 'error' listener from the pool: a lost socket must not crash us.
    client.on("error", noop);
    const pid = processIdOf(client);
    const watch = new ExecutionWatch({
      signal: options.signal,
      backstopMs: options.timeoutMs + BACKSTOP_GRACE_MS,
      interrupt: () => this.cancelBackend(pid),
      hardStop: () => destroySocket(client),
    });
    let destroy = false;
    try {
      return await body(client, watch);
    } catch (error) {
      // After an interrupt the cancel signal may still be in flight: never reuse that session.
      destroy = watch.interrupted || !(await rollbackQuietly(client));
      throw mapPostgresError(error, { ...context, cancelled: watch.cancelled, timedOut: watch.timedOut });
    } finally {
      watch.dispose();
      client.removeListener("error", noop);
      client.release(destroy || watch.interrupted ? true : undefined);
    }
  }

  async execute(request: ExecuteRequest): Promise<ExecuteResult> {
    checkRequest(request);
    throwIfAborted(request.signal);
    const started = performance.now();
    const context: ErrorContext = { sql: request.sql, timeoutMs: request.timeoutMs, where: this.where };
    const result = await throughGate(this.gate, request, this.connectTimeoutMs, () =>
      this.withClient({ signal: request.signal, timeoutMs: request.timeoutMs, context }, (client, watch) => this.run(client, request, watch)),
    );
    return { ...result, durationMs: Math.round(performance.now() - started) };
  }

  /**
   * The statements in one READ WRITE transaction (same session reset and SET LOCAL timeouts as
   * `execute`), COMMIT only when every row count matched. PostgreSQL's row count for UPDATE is
   * the rows matched, also when a row already held the new values.
   */
  async executeBatch(request: BatchRequest): Promise<BatchResult> {
    checkBatchRequest(request);
    throwIfAborted(request.signal);
    const startedAt = performance.now();
    const context: ErrorContext = { sql: null, timeoutMs: request.timeoutMs, where: this.where };
    const rows: Record<string, unknown>[][] = request.statements.map(() => []);
    const names = await namesToResolve(request.statements.map((statement) => statement.sql));
    const outcome = await throughGate(this.gate, request, this.connectTimeoutMs, () =>
      this.withClient({ signal: request.signal, timeoutMs: request.timeoutMs, context }, async (client, watch) => {
        await client.query(beginSql("write", request.timeoutMs));
        await checkResolution(client, names);
        const ran = await runBatchStatements(request.statements, {
          checkpoint: batchCheckpoint({ timeoutMs: request.timeoutMs, startedAt, throwIfInterrupted: () => watch.throwIfInterrupted(request.timeoutMs) }),
          run: async (statement, index) => {
            context.sql = statement.sql;
            // Runs to completion for its row count; RETURNING rows are kept only for reads the caller asked for.
            const fetched = await runStatement(client, statement.sql, statement.values, statement.returnRows ? {} : { keepRows: 0 });
            context.sql = null;
            if (statement.returnRows) rows[index] = (await this.shape(client, fetched, fetched.rows.length)).rows;
            return fetched.rowCount ?? 0;
          },
        });
        if (ran.committed) await checkResolution(client, names);
        await client.query(ran.committed ? "COMMIT" : "ROLLBACK");
        return ran;
      }),
    );
    return { ...outcome, rows, durationMs: Math.round(performance.now() - startedAt) };
  }

  private async run(client: pg.PoolClient, request: ExecuteRequest, watch: ExecutionWatch): Promise<Omit<ExecuteResult, "durationMs">> {
    const sampling = request.preview ? request.sampling : undefined;
    const names = await namesToResolve([request.sql, ...[sampling?.before, sampling?.returning].flatMap((s) => (s ? [s.sql] : []))]);
    const maxBytes = resultByteCap(request);
    await client.query(beginSql(request.mode, request.timeoutMs));
    await checkResolution(client, names);
    if (request.mode === "read") {
      const warning = request.maxCost !== undefined ? await this.checkCost(client, request) : null;
      const fetched = await runStatement(client, request.sql, request.values, { rowLimit: request.rowCap + 1, maxBytes });
      watch.throwIfInterrupted(request.timeoutMs);
      throwIfTooLarge(fetched, maxBytes);
      const shaped = await this.shape(client, fetched, request.rowCap);
      await checkResolution(client, names);
      await client.query("COMMIT");
      return { ...shaped, affectedRows: null, ...(warning !== null ? { warnings: [warning] } : {}) };
    }
    if (request.preview && request.sampling) return this.previewWrite(client, request, watch);
    // No portal limit for writes: the statement must finish to report its row count.
    const fetched = await runStatement(client, request.sql, request.values, { keepRows: request.rowCap + 1, maxBytes });
    watch.throwIfInterrupted(request.timeoutMs);
    throwIfTooLarge(fetched, maxBytes);
    const affected = fetched.rowCount;
    if (request.maxAffectedRows !== undefined && (affected ?? 0) > request.maxAffectedRows) {
      throw new DriverError("too_many_rows_affected", tooManyRowsMessage(affected ?? 0, request.maxAffectedRows));
    }
    const shaped = await this.shape(client, fetched, request.rowCap);
    watch.throwIfInterrupted(request.timeoutMs);
    if (!request.preview) await checkResolution(client, names);
    await client.query(request.preview ? "ROLLBACK" : "COMMIT");
    return { ...shaped, affectedRows: affected };
  }

  /**
   * A previewed write with samples, in the one transaction opened for it: the "before" SELECT,
   * the write (with RETURNING * when the guard built that variant), then ROLLBACK — always.
   */
  private async previewWrite(client: pg.PoolClient, request: ExecuteRequest, watch: ExecutionWatch): Promise<Omit<ExecuteResult, "durationMs">> {
    const steps = previewSteps(request, () => true);
    const before = steps.before ? await this.sample(client, steps.before, steps.sampleSize, steps.notes) : null;
    watch.throwIfInterrupted(request.timeoutMs);
    const keep = steps.userRows ? request.rowCap : steps.sampleSize;
    const maxBytes = resultByteCap(request);
    const fetched = await runStatement(client, steps.write.sql, steps.write.values, { keepRows: keep + 1, maxBytes });
    watch.throwIfInterrupted(request.timeoutMs);
    throwIfTooLarge(fetched, maxBytes);
    const affected = fetched.rowCount ?? 0;
    if (request.maxAffectedRows !== undefined && affected > request.maxAffectedRows) {
      throw new DriverError("too_many_rows_affected", tooManyRowsMessage(affected, request.maxAffectedRows));
    }
    const shaped = await this.shape(client, fetched, keep);
    watch.throwIfInterrupted(request.timeoutMs);
    await client.query("ROLLBACK");
    if (request.cascadeTables?.length) steps.notes.push(...(await cascadeCounts(client, request.cascadeTables)));
    const after = steps.after === "write-rows" ? sampleOf(shaped, steps.sampleSize) : null;
    return { ...(steps.userRows ? shaped : noRows()), affectedRows: affected, preview: { before, after, notes: steps.notes } };
  }

  /**
   * A sample SELECT behind a savepoint: if it fails (it is built from the user's text, so it can),
   * the preview goes on without it and says why. Timeouts and cancels still end the preview.
   */
  private async sample(client: pg.PoolClient, statement: BoundStatement, sampleSize: number, notes: string[]): Promise<RowSample | null> {
    await client.query("SAVEPOINT rowcraft_preview_sample");
    try {
      const fetched = await runStatement(client, statement.sql, statement.values, { keepRows: sampleSize });
      await client.query("RELEASE SAVEPOINT rowcraft_preview_sample");
      return sampleOf(await this.shape(client, fetched, sampleSize), sampleSize);
    } catch (error) {
      if (!(error instanceof pg.DatabaseError) || error.code === "57014") throw error;
      await client.query("ROLLBACK TO SAVEPOINT rowcraft_preview_sample");
      notes.push(sampleFailure("before", error));
      return null;
    }
  }

  /**
   * EXPLAIN (FORMAT JSON) with the same parameters, inside the same read-only transaction. Some
   * reads cannot be explained (SHOW, …): then EXPLAIN's error is rolled back to a savepoint and
   * the statement itself runs, bounded by the timeout, and reports its own errors with positions
   * that match the SQL the user wrote.
   */
  private async checkCost(client: pg.PoolClient, request: ExecuteRequest): Promise<string | null> {
    await client.query("SAVEPOINT rowcraft_cost_check");
    let cost: number | null;
    let explained: FetchedResult;
    try {
      explained = await runStatement(client, `EXPLAIN (FORMAT JSON, VERBOSE) ${request.sql}`, request.values);
      cost = totalCostOf(explained);
    } catch (error) {
      if (error instanceof pg.DatabaseError && error.code === "57014") throw error;
      await client.query("ROLLBACK TO SAVEPOINT rowcraft_cost_check");
      return null;
    }
    await client.query("RELEASE SAVEPOINT rowcraft_cost_check");
    if (cost !== null && request.maxCost !== undefined && cost > request.maxCost) {
      // An estimate over tables without statistics can be off by thousands of times (a fresh
      // load): then it only warns, and the timeout and the row and byte caps stay the hard stop.
      const tables = planTables(explained);
      const unanalyzed = tables.length === 0 ? [] : (await runStatement(client, UNANALYZED_SQL, [tables])).rows.map((row) => String(row[0]));
      if (unanalyzed.length > 0) {
        const names = unanalyzed.join(", ");
        return `PostgreSQL estimates this query at ${Math.round(cost).toLocaleString("en-US")} cost units, above this source's limit of ${request.maxCost.toLocaleString("en-US")}, but it has no statistics for ${names}, so the estimate is a guess: the query ran, bounded by the timeout and the row and byte caps. Run ANALYZE ${names}; (as the table's owner) so the estimate can be trusted.`;
      }
      throw new DriverError(
        "cost_too_high",
        `PostgreSQL estimates this query at ${Math.round(cost).toLocaleString("en-US")} cost units, above this source's limit of ${request.maxCost.toLocaleString("en-US")}. Narrow it down (filters, LIMIT) and try again.`,
      );
    }
    return null;
  }

  private async shape(client: pg.PoolClient, fetched: FetchedResult, rowCap: number): Promise<Omit<ExecuteResult, "durationMs" | "affectedRows">> {
    const names = uniqueColumnNames(fetched.fields.map((f) => f.name));
    const types = await this.typeNames.resolve(client, fetched.fields.map((f) => f.dataTypeID));
    const truncated = fetched.suspended || fetched.rows.length > rowCap;
    const rows = rowsToObjects(names, fetched.rows.slice(0, rowCap));
    return { columns: names.map((name, i) => ({ name, dataType: types[i] ?? "" })), rows, rowCount: rows.length, truncated };
  }

  async introspect(): Promise<SchemaInfo> {
    return introspectPostgres(async (sql, values = []) => {
      const result = await this.execute({ sql, values, mode: "read", timeoutMs: INTROSPECTION_TIMEOUT_MS, rowCap: 1_000_000, maxResultBytes: INTROSPECTION_MAX_BYTES });
      return result.rows;
    });
  }

  async test(): Promise<{ ok: true; serverVersion: string; durationMs: number }> {
    const started = performance.now();
    let client: pg.PoolClient;
    try {
      client = await this.acquire(undefined);
    } catch (error) {
      throw mapPostgresError(error, { sql: null, timeoutMs: this.connectTimeoutMs, where: this.where });
    }
    client.on("error", noop);
    try {
      const result = await client.query<{ version: string }>("SELECT current_setting('server_version') AS version");
      return { ok: true, serverVersion: `PostgreSQL ${result.rows[0]?.version ?? "?"}`, durationMs: Math.round(performance.now() - started) };
    } catch (error) {
      throw mapPostgresError(error, { sql: null, timeoutMs: this.connectTimeoutMs, where: this.where });
    } finally {
      client.removeListener("error", noop);
      client.release();
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    const opened = await this.pools.take();
    await opened?.pool.end().catch(noop);
  }
}
