/**
 * The one interface every database driver implements (PostgreSQL, MySQL/MariaDB, SQLite), and
 * the single error type they throw. The SQL guard hands drivers already-checked SQL with
 * placeholders; drivers add the database's own protections (read-only transactions, timeouts,
 * row caps, cancel) so that a guard bug alone cannot change data or exhaust a server.
 */

export type QueryMode = "read" | "write";

export interface ExecuteRequest {
  /** One statement, with `$1..` (postgres) or `?` (mysql, sqlite) placeholders. */
  sql: string;
  values: unknown[];
  mode: QueryMode;
  timeoutMs: number;
  /** Reads: fetch at most rowCap+1 rows, return rowCap and truncated=true. Writes: caps RETURNING rows. */
  rowCap: number;
  /**
   * Most bytes of row data a result may hold (reads, and the rows a write returns); past it the
   * statement is stopped while rows stream in and fails with `result_too_large`. Default: the
   * server-wide limit (ROWCRAFT_MAX_RESULT_BYTES, 20 MB).
   */
  maxResultBytes?: number;
  /** Writes: exceeding it rolls back with `too_many_rows_affected`. */
  maxAffectedRows?: number;
  /** Writes: run inside a transaction that is ALWAYS rolled back. */
  preview?: boolean;
  /** Aborting stops the running statement on the server and rejects with `cancelled`. */
  signal?: AbortSignal;
  /**
   * Who runs it (a user id), for fair sharing of the source: at most ROWCRAFT_MAX_QUERIES_PER_USER
   * statements per person run at once, the rest wait their turn (fair-gate.ts). Unset: an
   * internal statement, limited only by the source's capacity.
   */
  user?: string;
  /** PostgreSQL reads: refuse when EXPLAIN's total cost estimate is above this. */
  maxCost?: number;
  /** Previewed writes: also sample the rows before and after the change (same transaction, rolled back). */
  sampling?: PreviewSampling;
  /**
   * Previewed writes: tables the write's foreign-key actions reach (server/queries/cascades.ts);
   * the driver says in the preview's notes how many of their rows changed, where the database
   * can tell.
   */
  cascadeTables?: CascadeTable[];
}

export interface CascadeTable {
  schema: string | null;
  name: string;
  display: string;
}

export interface BoundStatement {
  sql: string;
  values: unknown[];
}

/** One write of a batch, with the number of rows it must change for the batch to commit. */
export interface BatchStatement {
  sql: string;
  values: unknown[];
  /**
   * The statement must change exactly this many rows. "Changed" means matched: an UPDATE that
   * sets a row to the values it already holds still counts (PostgreSQL's row count, SQLite's
   * changes(), MySQL/MariaDB's affected rows with CLIENT_FOUND_ROWS, which the driver pins).
   * Rows changed by triggers or cascades do not count. For a statement with `returnRows`, the
   * count is the rows it returned.
   */
  expectedAffected: number;
  /**
   * A read inside the batch's transaction (a SELECT): its rows come back in `BatchResult.rows`,
   * JSON-safe like `execute`'s. Saves use it to check which rows they may change and to read the
   * values they replace in the same transaction as the writes.
   */
  returnRows?: boolean;
}

/** Writes run in ONE read-write transaction: all of them commit, or none does. */
export interface BatchRequest {
  statements: BatchStatement[];
  /** For the whole batch (each statement is also bounded by it on the server). */
  timeoutMs: number;
  /** Aborting stops the running statement on the server, rolls back and rejects with `cancelled`. */
  signal?: AbortSignal;
  /** Who runs it, as in ExecuteRequest. */
  user?: string;
}

export interface BatchResult {
  /** False when any statement's count differed from its `expectedAffected`: everything was rolled back. */
  committed: boolean;
  /** Rows changed by each statement, in order (every statement runs, even after a mismatch). */
  affected: number[];
  /** The rows of each `returnRows` statement, in order ([] for the others). */
  rows: Record<string, unknown>[][];
  durationMs: number;
}

/** What a previewed write samples; built from the guard's PreviewPlan (server/sql/types.ts). */
export interface PreviewSampling {
  kind: "insert" | "update" | "delete";
  sampleSize: number;
  /** SELECT of the rows the write will change, run first. */
  before: BoundStatement | null;
  /** The write with RETURNING appended: run instead of `sql` where the server supports it; its rows are the "after" sample. */
  returning: BoundStatement | null;
  /** The write has its own RETURNING: its rows are the "after" sample. */
  hasReturning: boolean;
  /** Where the server has no RETURNING for the write (MariaDB/MySQL UPDATE): re-select the "before" rows by primary key. */
  reselect: { table: string; primaryKey: string[] } | null;
  /** Already known reasons a sample is missing. */
  notes: string[];
}

export interface RowSample {
  columns: ColumnInfo[];
  rows: Record<string, unknown>[];
}

export interface PreviewSamples {
  before: RowSample | null;
  after: RowSample | null;
  notes: string[];
}

export interface ColumnInfo {
  name: string;
  /** The database's type name, e.g. int4, varchar, INTEGER ("" when the database does not say). */
  dataType: string;
}

export interface ExecuteResult {
  columns: ColumnInfo[];
  /** JSON-safe values: safe bigints as numbers (else strings), dates as strings, bytes as base64. */
  rows: Record<string, unknown>[];
  rowCount: number;
  truncated: boolean;
  affectedRows: number | null;
  durationMs: number;
  /** Writes run with `preview` and `sampling`: the samples (rows/columns then hold only the write's own RETURNING rows). */
  preview?: PreviewSamples;
  /** What the user should know although the statement ran (PostgreSQL: a cost estimate over tables without statistics). */
  warnings?: string[];
}

export type DriverErrorCode =
  | "timeout"
  | "cancelled"
  | "cost_too_high"
  | "forbidden_function"
  | "too_many_rows_affected"
  | "result_too_large"
  | "connection_refused"
  | "dns"
  | "auth_failed"
  | "database_missing"
  | "tls"
  | "read_only_violation"
  | "syntax_error"
  | "database_error"
  | "pool_exhausted"
  | "file_missing";

export class DriverError extends Error {
  readonly code: DriverErrorCode;
  /** 0-based UTF-16 offset in the executed SQL, when the database reports one. */
  readonly position: number | null;
  readonly detail?: string;

  constructor(code: DriverErrorCode, message: string, options: { position?: number | null; detail?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "DriverError";
    this.code = code;
    this.position = options.position ?? null;
    if (options.detail !== undefined) this.detail = options.detail;
  }
}

export interface SchemaColumn {
  name: string;
  dataType: string;
  nullable: boolean;
  isPrimaryKey: boolean;
  default: string | null;
}

export interface SchemaForeignKey {
  columns: string[];
  references: { schema: string | null; table: string; columns: string[] };
}

export interface SchemaTable {
  /** PostgreSQL schema, MySQL database name; null for SQLite. */
  schema: string | null;
  name: string;
  kind: "table" | "view";
  columns: SchemaColumn[];
  primaryKey: string[];
  foreignKeys: SchemaForeignKey[];
}

/** Every user table and view; system schemas are left out. */
export interface SchemaInfo {
  tables: SchemaTable[];
}

export type DriverKind = "postgres" | "mysql" | "sqlite";

export interface Driver {
  kind: DriverKind;
  execute(request: ExecuteRequest): Promise<ExecuteResult>;
  /**
   * Runs every statement in order in one read-write transaction and commits only when each
   * changed exactly its `expectedAffected` rows; otherwise rolls back and reports the counts.
   * A database error rolls back and throws the mapped DriverError; timeout and cancel behave as
   * in `execute` (the timeout covers the whole batch).
   */
  executeBatch(request: BatchRequest): Promise<BatchResult>;
  introspect(): Promise<SchemaInfo>;
  test(): Promise<{ ok: true; serverVersion: string; durationMs: number }>;
  close(): Promise<void>;
}

export interface DriverOptions {
  /** Connections (or SQLite worker processes) per source. Default 5 (SQLite: 3). */
  poolSize?: number;
  /** Connect timeout, also the longest wait for a free pooled connection. Default 10 s. */
  connectTimeoutMs?: number;
}
