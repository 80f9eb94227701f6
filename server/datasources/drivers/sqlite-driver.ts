/**
 * SQLite driver: every statement runs in a worker process (never on the server's event loop),
 * reads on a readonly + query_only connection that also refuses any statement SQLite itself
 * does not call a read-only reader, writes in BEGIN IMMEDIATE with the affected-rows limit and
 * preview rollback; the deadline and cancel kill the process.
 */
import type { Connection } from "@/lib/schemas/datasources";
import { introspectSqlite } from "@/server/datasources/introspection/sqlite";
import { mapSqliteFailure, type ErrorContext } from "./error-mapping";
import { checkRequest, DEFAULT_CONNECT_TIMEOUT_MS, throwIfAborted, wholeMs } from "./execution";
import { previewSteps } from "./preview-steps";
import { rowsToObjects, tooManyRowsMessage, uniqueColumnNames } from "./results";
import { SqliteProcessPool, type WorkerResponse } from "./sqlite-process-pool";
import { DriverError, type Driver, type DriverOptions, type ExecuteRequest, type ExecuteResult, type RowSample, type SchemaInfo } from "./types";

type SqliteConnection = Extract<Connection, { kind: "sqlite" }>;

const DEFAULT_SQLITE_POOL_SIZE = 2;
const INTROSPECTION_TIMEOUT_MS = 30_000;
const TEST_TIMEOUT_MS = 10_000;

interface WorkerRows {
  columns: { name: string; type: string | null }[];
  rows: unknown[][];
}

interface WorkerResult extends WorkerRows {
  truncated: boolean;
  affectedRows: number | null;
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

export class SqliteDriver implements Driver {
  readonly kind = "sqlite" as const;
  private readonly pool: SqliteProcessPool;
  private readonly file: string;

  constructor(connection: SqliteConnection, options: DriverOptions = {}) {
    this.file = connection.file;
    this.pool = new SqliteProcessPool(options.poolSize ?? DEFAULT_SQLITE_POOL_SIZE, options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS, this.file);
  }

  private failure(response: Extract<WorkerResponse, { ok: false }>, context: ErrorContext, maxAffectedRows: number | undefined): DriverError {
    const { error } = response;
    if (error.driverCode === "too_many_rows_affected") {
      return new DriverError("too_many_rows_affected", tooManyRowsMessage(error.affected ?? 0, maxAffectedRows ?? 0));
    }
    return mapSqliteFailure(error, context);
  }

  async execute(request: ExecuteRequest): Promise<ExecuteResult> {
    checkRequest(request);
    throwIfAborted(request.signal);
    const started = performance.now();
    const context: ErrorContext = { sql: request.sql, timeoutMs: request.timeoutMs, where: this.file };
    // SQLite has RETURNING for every write (3.35+; better-sqlite3 bundles a newer one).
    const steps = request.mode === "write" && request.preview && request.sampling ? previewSteps(request, () => true) : null;
    const bound = (statement: { sql: string; values: unknown[] } | null) => (statement ? { sql: statement.sql, values: sqliteBindValues(statement.values) } : null);
    const response = await this.pool.run(
      {
        op: "execute",
        file: this.file,
        sql: request.sql,
        values: sqliteBindValues(request.values),
        mode: request.mode,
        rowCap: request.rowCap,
        maxAffectedRows: request.maxAffectedRows ?? null,
        preview: request.preview === true,
        sampling: steps && { ...steps, before: bound(steps.before), write: bound(steps.write) },
        // Wait for another writer's lock at most as long as the statement may run.
        busyTimeoutMs: wholeMs(request.timeoutMs),
      },
      { timeoutMs: request.timeoutMs, signal: request.signal },
    );
    if (!response.ok) throw this.failure(response, context, request.maxAffectedRows);
    const result = response.result as WorkerResult;
    const { columns, rows } = toSample(result);
    const preview = result.preview && {
      before: result.preview.before && toSample(result.preview.before),
      after: result.preview.after && toSample(result.preview.after),
      notes: result.preview.notes,
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

  async introspect(): Promise<SchemaInfo> {
    return introspectSqlite(async (sql, values = []) => {
      const result = await this.execute({ sql, values, mode: "read", timeoutMs: INTROSPECTION_TIMEOUT_MS, rowCap: 1_000_000 });
      return result.rows;
    });
  }

  async test(): Promise<{ ok: true; serverVersion: string; durationMs: number }> {
    const started = performance.now();
    const response = await this.pool.run({ op: "version", file: this.file }, { timeoutMs: TEST_TIMEOUT_MS });
    if (!response.ok) throw this.failure(response, { sql: null, timeoutMs: TEST_TIMEOUT_MS, where: this.file }, undefined);
    const { version } = response.result as { version: string };
    return { ok: true, serverVersion: `SQLite ${version}`, durationMs: Math.round(performance.now() - started) };
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}
