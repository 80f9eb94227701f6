/**
 * SQLite driver: every statement runs in a worker process (never on the server's event loop),
 * reads on a readonly + query_only connection that also refuses any statement SQLite itself
 * does not call a read-only reader, writes in BEGIN IMMEDIATE with the affected-rows limit and
 * preview rollback; batches (executeBatch) in one BEGIN IMMEDIATE transaction in the worker,
 * committed only when every count matched; the deadline and cancel kill the process.
 */
import path from "node:path";
import type { Connection } from "@/lib/schemas/datasources";
import { introspectSqlite } from "@/server/datasources/introspection/sqlite";
import { checkBatchRequest } from "./batch-steps";
import { mapSqliteFailure, type ErrorContext } from "./error-mapping";
import { checkRequest, DEFAULT_CONNECT_TIMEOUT_MS, resultByteCap, sourceGate, throughGate, throwIfAborted, wholeMs } from "./execution";
import type { FairGate } from "./fair-gate";
import { previewSteps } from "./preview-steps";
import { resultTooLargeMessage, rowsToObjects, tooManyRowsMessage, uniqueColumnNames } from "./results";
import { SqliteProcessPool, type WorkerRequest, type WorkerResponse } from "./sqlite-process-pool";
import { DriverError, type BatchRequest, type BatchResult, type Driver, type DriverOptions, type ExecuteRequest, type ExecuteResult, type RowSample, type SchemaInfo } from "./types";

type SqliteConnection = Extract<Connection, { kind: "sqlite" }>;

/** Three processes: with two per person at most (fair-gate.ts), one is always left for someone else. */
const DEFAULT_SQLITE_POOL_SIZE = 3;
const INTROSPECTION_TIMEOUT_MS = 30_000;
/** The schema of a large database is far bigger than a screen of rows; it is still bounded. */
const INTROSPECTION_MAX_BYTES = 200 * 1024 * 1024;
const TEST_TIMEOUT_MS = 10_000;

interface WorkerRows {
  columns: { name: string; type: string | null }[];
  rows: unknown[][];
}

interface WorkerResult extends WorkerRows {
  truncated: boolean;
  affectedRows: number | null;
  /** Previews: rows the statement itself changed (affectedRows also counts foreign-key actions and triggers). */
  ownRows?: number;
  preview?: { before: WorkerRows | null; after: WorkerRows | null; notes: string[] };
}

function toSample(result: WorkerRows): { columns: RowSample["columns"]; rows: RowSample["rows"] } {
  const names = uniqueColumnNames(result.columns.map((column) => column.name));
  return {
    columns: names.map((name, i) => ({ name, dataType: columnType(result.columns[i]?.type ?? null, result.rows, i) })),
    rows: rowsToObjects(names, result.rows),
  };
}

/** Values SQLite can bind: numbers, bigints, text, bytes, NULL. */
export function sqliteBindValues(values: readonly unknown[]): (number | bigint | string | Uint8Array | null)[] {
  return values.map((value) => {
    if (value === null || value === undefined) return null;
    if (typeof value === "boolean") return value ? 1 : 0;
    if (typeof value === "number" || typeof value === "bigint" || typeof value === "string") return value;
    if (value instanceof Uint8Array) return value;
    if (value instanceof Date) return value.toISOString();
    return JSON.stringify(value);
  });
}

/** Declared type when the column has one; for expressions, the storage class of the first value. */
function columnType(declared: string | null, rows: readonly unknown[][], index: number): string {
  if (declared) return declared;
  const sample = rows.find((row) => row[index] !== null && row[index] !== undefined)?.[index];
  if (typeof sample === "bigint") return "INTEGER";
  if (typeof sample === "number") return Number.isInteger(sample) ? "INTEGER" : "REAL";
  if (typeof sample === "string") return "TEXT";
  if (sample instanceof Uint8Array) return "BLOB";
  return "";
}

/** SQLite counts foreign-key actions' rows together with the statement's (total_changes()), not per table. */
function cascadeNote(request: ExecuteRequest, result: WorkerResult): string[] {
  if (!request.cascadeTables?.length || result.ownRows === undefined || result.affectedRows === null) return [];
  const more = result.affectedRows - result.ownRows;
  const tables = request.cascadeTables.map((table) => table.display).join(", ");
  return [`The statement itself changes ${result.ownRows.toLocaleString("en-US")} ${result.ownRows === 1 ? "row" : "rows"}; ${more.toLocaleString("en-US")} more ${more === 1 ? "row" : "rows"} of ${tables} (or changed by triggers) are deleted or changed through foreign keys.`];
}

export class SqliteDriver implements Driver {
  readonly kind = "sqlite" as const;
  private readonly pool: SqliteProcessPool;
  private readonly file: string;
  /** How messages name the database: the file name only — its folder is the server's business. */
  private readonly where: string;
  /** Fair sharing of the worker processes between people (fair-gate.ts). */
  private readonly gate: FairGate;
  private readonly acquireTimeoutMs: number;

  constructor(connection: SqliteConnection, options: DriverOptions = {}) {
    this.file = connection.file;
    this.where = path.basename(connection.file);
    const size = options.poolSize ?? DEFAULT_SQLITE_POOL_SIZE;
    this.acquireTimeoutMs = options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
    this.pool = new SqliteProcessPool(size, this.acquireTimeoutMs, this.where);
    this.gate = sourceGate(size);
  }

  private failure(response: Extract<WorkerResponse, { ok: false }>, context: ErrorContext, maxAffectedRows: number | undefined, maxResultBytes: number | undefined): DriverError {
    const { error } = response;
    if (error.driverCode === "result_too_large") return new DriverError("result_too_large", resultTooLargeMessage(maxResultBytes ?? 0));
    if (error.driverCode === "too_many_rows_affected") {
      return new DriverError("too_many_rows_affected", tooManyRowsMessage(error.affected ?? 0, maxAffectedRows ?? 0));
    }
    return mapSqliteFailure(error, context);
  }

  /** One request to a worker process (which is killed at the deadline or on cancel); a failure becomes the mapped DriverError. */
  private async call(message: WorkerRequest, options: { timeoutMs: number; signal?: AbortSignal; user?: string; context: ErrorContext; maxAffectedRows?: number; maxResultBytes?: number }): Promise<unknown> {
    const response = await throughGate(this.gate, options, this.acquireTimeoutMs, () => this.pool.run(message, { timeoutMs: options.timeoutMs, signal: options.signal }));
    if (!response.ok) throw this.failure(response, options.context, options.maxAffectedRows, options.maxResultBytes);
    return response.result;
  }

  async execute(request: ExecuteRequest): Promise<ExecuteResult> {
    checkRequest(request);
    throwIfAborted(request.signal);
    const started = performance.now();
    const context: ErrorContext = { sql: request.sql, timeoutMs: request.timeoutMs, where: this.where };
    // SQLite has RETURNING for every write (3.35+; better-sqlite3 bundles a newer one).
    const steps = request.mode === "write" && request.preview && request.sampling ? previewSteps(request, () => true) : null;
    const maxResultBytes = resultByteCap(request);
    const bound = (statement: { sql: string; values: unknown[] } | null) => (statement ? { sql: statement.sql, values: sqliteBindValues(statement.values) } : null);
    const result = (await this.call(
      {
        op: "execute",
        file: this.file,
        sql: request.sql,
        values: sqliteBindValues(request.values),
        mode: request.mode,
        rowCap: request.rowCap,
        maxAffectedRows: request.maxAffectedRows ?? null,
        maxResultBytes,
        preview: request.preview === true,
        sampling: steps && { ...steps, before: bound(steps.before), write: bound(steps.write) },
        // Wait for another writer's lock at most as long as the statement may run.
        busyTimeoutMs: wholeMs(request.timeoutMs),
      },
      { timeoutMs: request.timeoutMs, signal: request.signal, user: request.user, context, maxAffectedRows: request.maxAffectedRows, maxResultBytes },
    )) as WorkerResult;
    const { columns, rows } = toSample(result);
    const preview = result.preview && {
      before: result.preview.before && toSample(result.preview.before),
      after: result.preview.after && toSample(result.preview.after),
      notes: [...result.preview.notes, ...cascadeNote(request, result)],
    };
    return {
      columns,
      rows,
      rowCount: rows.length,
      truncated: result.truncated,
      affectedRows: result.affectedRows,
      durationMs: Math.round(performance.now() - started),
      ...(preview ? { preview } : {}),
    };
  }

  /**
   * The statements in one BEGIN IMMEDIATE transaction in a worker process, committed there only
   * when every count matched. The count is SQLite's changes(): for UPDATE every row the WHERE
   * matched, also one that already held the new values; not rows changed by triggers. The
   * timeout covers the whole batch: the process is killed at the deadline, which leaves the
   * transaction uncommitted.
   */
  async executeBatch(request: BatchRequest): Promise<BatchResult> {
    checkBatchRequest(request);
    throwIfAborted(request.signal);
    const started = performance.now();
    const result = (await this.call(
      {
        op: "batch",
        file: this.file,
        statements: request.statements.map((statement) => ({ sql: statement.sql, values: sqliteBindValues(statement.values), expectedAffected: statement.expectedAffected, returnRows: statement.returnRows === true })),
        busyTimeoutMs: wholeMs(request.timeoutMs),
      },
      { timeoutMs: request.timeoutMs, signal: request.signal, user: request.user, context: { sql: null, timeoutMs: request.timeoutMs, where: this.where } },
    )) as Omit<BatchResult, "durationMs" | "rows"> & { rows: (WorkerRows | null)[] };
    const rows = result.rows.map((read) => (read ? toSample(read).rows : []));
    return { committed: result.committed, affected: result.affected, rows, durationMs: Math.round(performance.now() - started) };
  }

  async introspect(): Promise<SchemaInfo> {
    return introspectSqlite(async (sql, values = []) => {
      const result = await this.execute({ sql, values, mode: "read", timeoutMs: INTROSPECTION_TIMEOUT_MS, rowCap: 1_000_000, maxResultBytes: INTROSPECTION_MAX_BYTES });
      return result.rows;
    });
  }

  async test(): Promise<{ ok: true; serverVersion: string; durationMs: number }> {
    const started = performance.now();
    const context: ErrorContext = { sql: null, timeoutMs: TEST_TIMEOUT_MS, where: this.where };
    const { version } = (await this.call({ op: "version", file: this.file }, { timeoutMs: TEST_TIMEOUT_MS, context })) as { version: string };
    return { ok: true, serverVersion: `SQLite ${version}`, durationMs: Math.round(performance.now() - started) };
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}
