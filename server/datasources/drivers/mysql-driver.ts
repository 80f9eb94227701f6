/**
 * MySQL / MariaDB driver: one mysql2 pool per source (multipleStatements off, LOCAL INFILE off),
 * every statement a server-side prepared statement inside a transaction we open (READ ONLY for
 * reads, with the session itself also read-only so DDL's implicit commit cannot escape it), a
 * per-statement server time limit plus a KILL QUERY backstop, streamed rows for the row cap.
 * Batches (executeBatch) reuse all of it around several statements in one READ WRITE
 * transaction; their counts are rows matched (CLIENT_FOUND_ROWS, see executeBatch).
 */
import type { Pool, PoolConnection, PoolOptions } from "mysql2";
import type { Connection } from "@/lib/schemas/datasources";
import { introspectMysql } from "@/server/datasources/introspection/mysql";
import { connectMysql, endMysqlQuietly, Lazy, openMysqlPool } from "@/server/datasources/pools";
import type { FairGate } from "./fair-gate";
import { batchCheckpoint, checkBatchRequest, runBatchStatements } from "./batch-steps";
import { mapMysqlError, type ErrorContext } from "./error-mapping";
import { acquireWithin, BACKSTOP_GRACE_MS, checkRequest, DEFAULT_CONNECT_TIMEOUT_MS, DEFAULT_POOL_SIZE, ExecutionWatch, resultByteCap, sourceGate, throughGate, throwIfAborted, wholeMs } from "./execution";
import { affectedOf, control, executeStreaming, mysqlTypeName, mysqlValueConverter, queryRows, resetSession, stillInTransaction, type StreamedResult } from "./mysql-protocol";
import { noRows, previewSteps, reselectByKey, sampleFailure, sampleOf } from "./preview-steps";
import { resultTooLargeMessage, rowsToObjects, tooManyRowsMessage, uniqueColumnNames } from "./results";
import { DriverError, type BatchRequest, type BatchResult, type BoundStatement, type Driver, type DriverOptions, type ExecuteRequest, type ExecuteResult, type PreviewSampling, type RowSample, type SchemaInfo } from "./types";

type MysqlConnection = Extract<Connection, { kind: "mysql" }>;
type Flavour = "mariadb" | "mysql";

const INTROSPECTION_TIMEOUT_MS = 30_000;
/** The schema of a large database is far bigger than a screen of rows; it is still bounded. */
const INTROSPECTION_MAX_BYTES = 200 * 1024 * 1024;

/** Reading stopped at the result byte cap: refuse the result (the transaction is rolled back). */
function throwIfTooLarge(streamed: StreamedResult, maxBytes: number): void {
  if (streamed.tooLarge) throw new DriverError("result_too_large", resultTooLargeMessage(maxBytes));
}

/**
 * Out of the pool and the socket torn down. mysql2's destroy() only half-closes (FIN) and keeps
 * reading, so a server streaming a huge result would go on producing it; destroying the socket
 * resets the connection, and the server's next write fails and ends the statement.
 */
function hardClose(connection: PoolConnection): void {
  connection.destroy();
  (connection as unknown as { stream?: { destroy?: () => void } }).stream?.destroy?.();
}

function quoteMysql(name: string): string {
  return `\`${name.replace(/`/g, "``")}\``;
}

export class MysqlDriver implements Driver {
  readonly kind = "mysql" as const;
  private readonly where: string;
  private readonly poolSize: number;
  private readonly connectTimeoutMs: number;
  /** Fair sharing of the pool between people (fair-gate.ts). */
  private readonly gate: FairGate;
  private flavour: Flavour | null = null;
  /** Major and minor server version, e.g. [10, 11]. */
  private version: [number, number] = [0, 0];
  /** Connections checked out by us: all of them busy means a wait is pool exhaustion. */
  private inUse = 0;
  /** COM_RESET_CONNECTION works on this server (set false once if it is too old). */
  private canReset = true;
  private closed = false;

  constructor(
    private readonly connection: MysqlConnection,
    options: DriverOptions = {},
  ) {
    this.where = `${connection.host}:${connection.port}`;
    this.poolSize = options.poolSize ?? DEFAULT_POOL_SIZE;
    this.connectTimeoutMs = options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
    this.gate = sourceGate(this.poolSize);
  }

  private readonly pools = new Lazy(() => openMysqlPool(this.connection, { connectTimeoutMs: this.connectTimeoutMs, max: this.poolSize }));

  private getPool(): Promise<{ pool: Pool; options: PoolOptions }> {
    if (this.closed) return Promise.reject(new DriverError("database_error", "This data source connection was closed."));
    return this.pools.get();
  }

  private async acquire(signal: AbortSignal | undefined): Promise<PoolConnection> {
    const { pool } = await this.getPool();
    const connection = await acquireWithin<PoolConnection>({
      acquire: () => new Promise((resolve, reject) => pool.getConnection((error, c) => (error ? reject(error) : resolve(c)))),
      releaseLate: (c) => c.release(),
      timeoutMs: this.connectTimeoutMs,
      saturated: this.inUse >= this.poolSize,
      where: this.where,
      signal,
    });
    this.inUse += 1;
    if (this.flavour === null) {
      const rows = await queryRows(connection, "SELECT VERSION() AS version").catch((error: unknown) => {
        this.giveBack(connection, true);
        throw error;
      });
      const version = String(rows[0]?.version ?? "");
      this.flavour = /mariadb/i.test(version) ? "mariadb" : "mysql";
      const [major = 0, minor = 0] = (/^(\d+)\.(\d+)/.exec(version) ?? []).slice(1).map(Number);
      this.version = [major, minor];
    }
    return connection;
  }

  private giveBack(connection: PoolConnection, destroy: boolean): void {
    this.inUse -= 1;
    if (destroy) hardClose(connection);
    else connection.release();
  }

  /** KILL QUERY from a fresh connection: the pool may be full and the busy one cannot speak. */
  private async killQuery(threadId: number | null): Promise<void> {
    if (threadId === null) return;
    const { options } = await this.getPool();
    const killer = await connectMysql(options);
    try {
      await control(killer, `KILL QUERY ${Math.trunc(threadId)}`);
    } finally {
      await endMysqlQuietly(killer);
    }
  }

  /**
   * MariaDB: max_statement_time (seconds, every statement). MySQL: max_execution_time (ms,
   * SELECT only) — its writes rely on the KILL QUERY backstop. Set at every checkout, so no
   * value left by an earlier use can matter.
   */
  private timeLimitSql(timeoutMs: number): string {
    const ms = wholeMs(timeoutMs);
    return this.flavour === "mariadb" ? `SET SESSION max_statement_time = ${(ms / 1000).toFixed(3)}` : `SET SESSION max_execution_time = ${ms}`;
  }

  /**
   * One pooled connection for one execution (a statement or a batch): the watch that turns
   * cancel or the backstop into KILL QUERY, and on any failure ROLLBACK — or the connection
   * destroyed when its state is in doubt — and the error mapped. `context.sql` is read when an
   * error is mapped, so a batch points it at the statement running.
   */
  private async withConnection<T>(
    options: { signal: AbortSignal | undefined; timeoutMs: number; context: ErrorContext },
    body: (connection: PoolConnection, watch: ExecutionWatch, session: { destroy: boolean }) => Promise<T>,
  ): Promise<T> {
    const { context } = options;
    let connection: PoolConnection;
    try {
      connection = await this.acquire(options.signal);
    } catch (error) {
      throw mapMysqlError(error, { ...context, sql: null });
    }
    const threadId = typeof connection.threadId === "number" ? connection.threadId : null;
    const watch = new ExecutionWatch({
      signal: options.signal,
      backstopMs: options.timeoutMs + BACKSTOP_GRACE_MS,
      interrupt: () => this.killQuery(threadId),
      hardStop: () => hardClose(connection),
    });
    const session = { destroy: false };
    try {
      return await body(connection, watch, session);
    } catch (error) {
      if (!session.destroy && !watch.interrupted) {
        session.destroy = await control(connection, "ROLLBACK").then(
          () => false,
          () => true,
        );
      }
      throw mapMysqlError(error, { ...context, cancelled: watch.cancelled, timedOut: watch.timedOut });
    } finally {
      watch.dispose();
      // After KILL QUERY the kill flag may still be pending; after a stopped stream the
      // connection is mid-result. Neither may go back to the pool.
      this.giveBack(connection, session.destroy || watch.interrupted);
    }
  }

  async execute(request: ExecuteRequest): Promise<ExecuteResult> {
    checkRequest(request);
    throwIfAborted(request.signal);
    const started = performance.now();
    const context: ErrorContext = { sql: request.sql, timeoutMs: request.timeoutMs, where: this.where };
    const result = await throughGate(this.gate, request, this.connectTimeoutMs, () =>
      this.withConnection({ signal: request.signal, timeoutMs: request.timeoutMs, context }, (connection, watch, session) => this.run(connection, request, watch, session)),
    );
    return { ...result, durationMs: Math.round(performance.now() - started) };
  }

  /**
   * The statements in one READ WRITE transaction (same session reset and time limit as
   * `execute`), COMMIT only when every count matched. The count is `affectedRows` with
   * CLIENT_FOUND_ROWS (pinned in connectionOptions): for UPDATE the rows *matched*, so a row
   * that already held the new values still counts 1 — without the flag it would count 0 and an
   * optimistic-concurrency check would report a conflict that is not there.
   */
  async executeBatch(request: BatchRequest): Promise<BatchResult> {
    checkBatchRequest(request);
    throwIfAborted(request.signal);
    const startedAt = performance.now();
    const context: ErrorContext = { sql: null, timeoutMs: request.timeoutMs, where: this.where };
    const rows: Record<string, unknown>[][] = request.statements.map(() => []);
    const outcome = await throughGate(this.gate, request, this.connectTimeoutMs, () =>
      this.withConnection({ signal: request.signal, timeoutMs: request.timeoutMs, context }, async (connection, watch) => {
        await this.begin(connection, "write", request.timeoutMs);
        const ran = await runBatchStatements(request.statements, {
          checkpoint: batchCheckpoint({ timeoutMs: request.timeoutMs, startedAt, throwIfInterrupted: () => watch.throwIfInterrupted(request.timeoutMs) }),
          run: async (statement, index) => {
            context.sql = statement.sql;
            const streamed = await executeStreaming(connection, statement.sql, statement.values, null, statement.returnRows ? null : 0);
            context.sql = null;
            if (statement.returnRows) rows[index] = this.shape(streamed, streamed.rows.length).rows;
            if (!stillInTransaction(streamed)) {
              throw new DriverError("database_error", `Statement ${index + 1} of the batch committed implicitly (MySQL cannot roll back schema changes): the statements before it were kept, the rest did not run.`);
            }
            return affectedOf(streamed);
          },
        });
        await control(connection, ran.committed ? "COMMIT" : "ROLLBACK");
        return ran;
      }),
    );
    return { ...outcome, rows, durationMs: Math.round(performance.now() - startedAt) };
  }

  /** Pooled sessions are shared between users: start from a clean one, whatever ran before, then open the transaction. */
  private async begin(connection: PoolConnection, mode: ExecuteRequest["mode"], timeoutMs: number): Promise<void> {
    const read = mode === "read";
    if (this.canReset) this.canReset = await resetSession(connection);
    await control(connection, this.timeLimitSql(timeoutMs));
    // Session-level too: DDL commits the open transaction implicitly and would then run outside
    // it; with the session read-only it is still refused (verified on MariaDB 10.11).
    await control(connection, `SET SESSION TRANSACTION ${read ? "READ ONLY" : "READ WRITE"}`);
    await control(connection, `START TRANSACTION ${read ? "READ ONLY" : "READ WRITE"}`);
  }

  private async run(connection: PoolConnection, request: ExecuteRequest, watch: ExecutionWatch, session: { destroy: boolean }): Promise<Omit<ExecuteResult, "durationMs">> {
    const read = request.mode === "read";
    await this.begin(connection, request.mode, request.timeoutMs);
    if (!read && request.preview && request.sampling) return this.previewWrite(connection, request, watch);
    const maxBytes = resultByteCap(request);
    const streamed = await executeStreaming(connection, request.sql, request.values, read ? request.rowCap + 1 : null, read ? null : request.rowCap + 1, maxBytes);
    if (streamed.stopped) session.destroy = true; // the rest of the result is still on the wire
    watch.throwIfInterrupted(request.timeoutMs);
    throwIfTooLarge(streamed, maxBytes);
    if (read) {
      if (!streamed.stopped) await control(connection, "COMMIT");
      return { ...this.shape(streamed, request.rowCap), affectedRows: null };
    }
    const affected = affectedOf(streamed);
    if (request.maxAffectedRows !== undefined && affected > request.maxAffectedRows) {
      throw new DriverError("too_many_rows_affected", tooManyRowsMessage(affected, request.maxAffectedRows));
    }
    this.checkStillInTransaction(request, streamed);
    await control(connection, request.preview ? "ROLLBACK" : "COMMIT");
    return { ...this.shape(streamed, request.rowCap), affectedRows: affected };
  }

  private checkStillInTransaction(request: ExecuteRequest, streamed: StreamedResult): void {
    if (request.preview && !stillInTransaction(streamed)) {
      // MySQL cannot roll back DDL: it committed implicitly. Say so instead of claiming a preview.
      throw new DriverError("database_error", "This statement committed implicitly (MySQL cannot roll back schema changes), so it could not be previewed; its change was kept.");
    }
  }

  /** MariaDB has DELETE … RETURNING (10.0) and INSERT … RETURNING (10.5), no UPDATE … RETURNING; MySQL has none. */
  private canReturn(kind: PreviewSampling["kind"]): boolean {
    if (this.flavour !== "mariadb") return false;
    const [major, minor] = this.version;
    return kind === "delete" || (kind === "insert" && (major > 10 || (major === 10 && minor >= 5)));
  }

  /**
   * A previewed write with samples, in the transaction opened for it: the "before" SELECT, the
   * write (RETURNING variant where the server has it), the "after" rows (its RETURNING rows, or
   * the before rows selected again by primary key), then ROLLBACK — always.
   */
  private async previewWrite(connection: PoolConnection, request: ExecuteRequest, watch: ExecutionWatch): Promise<Omit<ExecuteResult, "durationMs">> {
    const steps = previewSteps(request, (kind) => this.canReturn(kind));
    const before = steps.before ? await this.sample(connection, steps.before, steps.sampleSize, steps.notes, "before", watch) : null;
    watch.throwIfInterrupted(request.timeoutMs);
    const keep = steps.userRows ? request.rowCap : steps.sampleSize;
    const maxBytes = resultByteCap(request);
    const streamed = await executeStreaming(connection, steps.write.sql, steps.write.values, null, keep + 1, maxBytes);
    watch.throwIfInterrupted(request.timeoutMs);
    throwIfTooLarge(streamed, maxBytes);
    const affected = affectedOf(streamed);
    if (request.maxAffectedRows !== undefined && affected > request.maxAffectedRows) {
      throw new DriverError("too_many_rows_affected", tooManyRowsMessage(affected, request.maxAffectedRows));
    }
    this.checkStillInTransaction(request, streamed);
    const shaped = this.shape(streamed, keep);
    let after: RowSample | null = steps.after === "write-rows" ? sampleOf(shaped, steps.sampleSize) : null;
    if (request.cascadeTables?.length) {
      steps.notes.push(`${this.flavour === "mariadb" ? "MariaDB" : "MySQL"} does not report how many rows of ${request.cascadeTables.map((table) => table.display).join(", ")} foreign keys changed; the count above is ${request.sampling?.kind === "delete" ? "deleted" : "changed"} rows of the target only.`);
    }
    const reselect = steps.after === "reselect" && request.sampling?.reselect && before ? reselectByKey(quoteMysql, request.sampling.reselect, before.rows) : null;
    if (reselect) after = await this.sample(connection, reselect, steps.sampleSize, steps.notes, "after", watch);
    watch.throwIfInterrupted(request.timeoutMs);
    await control(connection, "ROLLBACK");
    return { ...(steps.userRows ? shaped : noRows()), affectedRows: affected, preview: { before, after, notes: steps.notes } };
  }

  /** A sample SELECT; if it fails (it is built from the user's text, so it can), the preview goes on without it and says why. */
  private async sample(connection: PoolConnection, statement: BoundStatement, sampleSize: number, notes: string[], what: "before" | "after", watch: ExecutionWatch): Promise<RowSample | null> {
    try {
      const streamed = await executeStreaming(connection, statement.sql, statement.values, null, sampleSize);
      return sampleOf(this.shape(streamed, sampleSize), sampleSize);
    } catch (error) {
      // A killed statement (timeout, cancel) or a lost connection ends the preview; an SQL error only this sample.
      if (watch.interrupted || typeof (error as { sqlState?: unknown }).sqlState !== "string") throw error;
      notes.push(sampleFailure(what, error));
      return null;
    }
  }

  private shape(streamed: StreamedResult, rowCap: number): Omit<ExecuteResult, "durationMs" | "affectedRows"> {
    const names = uniqueColumnNames(streamed.fields.map((field) => field.name));
    const rows = rowsToObjects(names, streamed.rows.slice(0, rowCap), mysqlValueConverter(streamed.fields));
    const columns = names.map((name, i) => ({ name, dataType: streamed.fields[i] ? mysqlTypeName(streamed.fields[i]) : "" }));
    return { columns, rows, rowCount: rows.length, truncated: streamed.rows.length > rowCap };
  }

  async introspect(): Promise<SchemaInfo> {
    return introspectMysql(this.connection.database, async (sql, values = []) => {
      const result = await this.execute({ sql, values, mode: "read", timeoutMs: INTROSPECTION_TIMEOUT_MS, rowCap: 1_000_000, maxResultBytes: INTROSPECTION_MAX_BYTES });
      return result.rows;
    });
  }

  async test(): Promise<{ ok: true; serverVersion: string; durationMs: number }> {
    const started = performance.now();
    const context: ErrorContext = { sql: null, timeoutMs: this.connectTimeoutMs, where: this.where };
    let connection: PoolConnection;
    try {
      connection = await this.acquire(undefined);
    } catch (error) {
      throw mapMysqlError(error, context);
    }
    try {
      const rows = await queryRows(connection, "SELECT VERSION() AS version");
      const version = String(rows[0]?.version ?? "?");
      const serverVersion = /mariadb/i.test(version) ? `MariaDB ${version.replace(/-MariaDB.*$/i, "")}` : `MySQL ${version}`;
      return { ok: true, serverVersion, durationMs: Math.round(performance.now() - started) };
    } catch (error) {
      throw mapMysqlError(error, context);
    } finally {
      this.giveBack(connection, false);
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    const ready = await this.pools.take();
    if (ready) await new Promise<void>((resolve) => ready.pool.end(() => resolve()));
  }
}
