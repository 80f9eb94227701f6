/**
 * Database and network errors → DriverError codes an admin or the editor can act on. Pure
 * functions (unit-tested) so every driver words the same failure the same way, and so the
 * decision "timeout or cancel?" is made from what *we* did, not from the server's text.
 */
import { CANCELLED_MESSAGE, formatSeconds, timeoutMessage } from "./results";
import { DriverError, type DriverErrorCode } from "./types";

export interface ErrorContext {
  /** The SQL the database ran, to turn its positions into offsets; null for connect errors. */
  sql: string | null;
  timeoutMs: number;
  /** "host:port" or the file, for connection messages. */
  where: string;
  /** We interrupted the statement because the caller aborted. */
  cancelled?: boolean;
  /** We interrupted the statement because our own deadline passed. */
  timedOut?: boolean;
}

function field(error: unknown, name: string): unknown {
  return typeof error === "object" && error !== null ? (error as Record<string, unknown>)[name] : undefined;
}

function text(error: unknown, name: string): string | undefined {
  const value = field(error, name);
  return typeof value === "string" ? value : typeof value === "number" ? String(value) : undefined;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : typeof error === "string" ? error : "Unknown database error.";
}

const TLS_ERROR_CODES = new Set([
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "SELF_SIGNED_CERT_IN_CHAIN",
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
  "CERT_HAS_EXPIRED",
  "CERT_NOT_YET_VALID",
  "ERR_TLS_CERT_ALTNAME_INVALID",
  "HANDSHAKE_NO_SSL_SUPPORT",
  "EPROTO",
]);

/** Socket-level failures, the same for every network driver; null when it is not one. */
export function mapNetworkError(error: unknown, where: string): DriverError | null {
  const code = text(error, "code") ?? "";
  const message = messageOf(error);
  const make = (driverCode: DriverErrorCode, words: string) => new DriverError(driverCode, words, { cause: error, detail: message });
  if (code === "ECONNREFUSED") return make("connection_refused", `Nothing is listening at ${where} (connection refused).`);
  if (code === "EHOSTUNREACH" || code === "ENETUNREACH") return make("connection_refused", `The network cannot reach ${where}.`);
  if (code === "ENOTFOUND" || code === "EAI_AGAIN" || code === "EAI_NONAME" || code === "EAI_FAIL") {
    return make("dns", `The host name of ${where} could not be resolved (${code}).`);
  }
  if (code === "ETIMEDOUT" || /connection timeout|connect ETIMEDOUT/i.test(message)) return make("timeout", `${where} did not answer the connection in time.`);
  if (TLS_ERROR_CODES.has(code) || code.startsWith("ERR_SSL") || code.startsWith("ERR_TLS")) return make("tls", `TLS (SSL) failed: ${message}`);
  if (/does not support SSL|does not support secure connection|SSL|certificate/i.test(message) && !code.startsWith("ER_")) {
    return make("tls", `TLS (SSL) failed: ${message}`);
  }
  return null;
}

/** A character (code point) count from the database into a UTF-16 offset into `sql`. */
export function codePointsToUtf16Offset(sql: string, codePoints: number): number {
  let offset = 0;
  let seen = 0;
  while (seen < codePoints && offset < sql.length) {
    const cp = sql.codePointAt(offset) ?? 0;
    offset += cp > 0xffff ? 2 : 1;
    seen += 1;
  }
  return offset;
}

/** PostgreSQL's `position` (1-based, in characters) → 0-based UTF-16 offset, or null. */
export function postgresPosition(sql: string | null, position: unknown): number | null {
  if (sql === null) return null;
  const n = typeof position === "string" ? Number.parseInt(position, 10) : typeof position === "number" ? position : Number.NaN;
  if (!Number.isInteger(n) || n < 1) return null;
  return Math.min(codePointsToUtf16Offset(sql, n - 1), sql.length);
}

function interruptError(context: ErrorContext, error: unknown): DriverError {
  if (context.cancelled) return new DriverError("cancelled", CANCELLED_MESSAGE, { cause: error });
  return new DriverError("timeout", timeoutMessage(context.timeoutMs), { cause: error });
}

export function mapPostgresError(error: unknown, context: ErrorContext): DriverError {
  if (error instanceof DriverError) return error;
  if (context.cancelled) return interruptError(context, error);
  const sqlState = text(error, "code") ?? "";
  const message = messageOf(error);
  const position = postgresPosition(context.sql, field(error, "position"));
  const options = { cause: error, position, detail: text(error, "detail") };
  if (/^[0-9A-Z]{5}$/.test(sqlState)) {
    if (sqlState === "57014") return interruptError(context, error);
    if (sqlState === "55P03") return new DriverError("timeout", `The query waited longer than ${formatSeconds(context.timeoutMs)} for a lock and was stopped.`, options);
    if (sqlState === "25P03") return new DriverError("timeout", "The session stayed idle inside a transaction too long and was closed by the server.", options);
    if (sqlState === "28000" && /no encryption|SSL off/i.test(message)) return new DriverError("tls", `The server requires TLS (SSL): ${message}`, options);
    if (sqlState === "28P01" || sqlState === "28000") return new DriverError("auth_failed", `The server refused the login: ${message}`, options);
    if (sqlState === "3D000") return new DriverError("database_missing", message, options);
    if (sqlState === "25006") return new DriverError("read_only_violation", `Nothing was changed: the database runs this query read-only (${message}).`, options);
    if (sqlState === "42601") return new DriverError("syntax_error", message, options);
    return new DriverError("database_error", message, options);
  }
  const network = mapNetworkError(error, context.where);
  if (network) return network;
  if (/SASL|SCRAM|password/i.test(message)) return new DriverError("auth_failed", `The server refused the login: ${message}`, { cause: error });
  if (context.timedOut) return interruptError(context, error);
  return new DriverError("database_error", message, { cause: error });
}

/**
 * MySQL/MariaDB report syntax errors as "... near '<rest of the statement>' at line N" with no
 * offset; the quoted text is the statement from the error on (cut at 80 characters), so finding
 * it on that line gives the offset. Null when it cannot be found unambiguously.
 */
export function mysqlSyntaxPosition(sql: string | null, message: string): number | null {
  if (sql === null) return null;
  const match = /near '([\s\S]*)' at line (\d+)\s*$/.exec(message);
  if (!match) return null;
  const fragment = match[1] ?? "";
  const line = Number.parseInt(match[2] ?? "1", 10);
  let lineStart = 0;
  for (let i = 1; i < line; i += 1) {
    const next = sql.indexOf("\n", lineStart);
    if (next === -1) return null;
    lineStart = next + 1;
  }
  if (fragment === "") return sql.length;
  const found = sql.indexOf(fragment, lineStart);
  return found === -1 ? null : found;
}

const MYSQL_AUTH = new Set([1045, 1044, 1698, 1227, 1251]);
const MYSQL_TIMEOUT = new Set([1969, 3024]);

export function mapMysqlError(error: unknown, context: ErrorContext): DriverError {
  if (error instanceof DriverError) return error;
  const errno = field(error, "errno");
  const code = text(error, "code") ?? "";
  const message = text(error, "sqlMessage") ?? messageOf(error);
  if (context.cancelled) return interruptError(context, error);
  // mysql2 names only the errors it knows (no code for MariaDB's 1969): a server error is any
  // error carrying an errno and a SQLSTATE.
  if (typeof errno === "number" && (code.startsWith("ER_") || typeof field(error, "sqlState") === "string")) {
    const options = { cause: error };
    if (MYSQL_AUTH.has(errno)) return new DriverError("auth_failed", `The server refused the login: ${message}`, options);
    if (errno === 1049) return new DriverError("database_missing", message, options);
    if (errno === 1064) return new DriverError("syntax_error", message, { ...options, position: mysqlSyntaxPosition(context.sql, message) });
    if (errno === 1792 || errno === 1290) return new DriverError("read_only_violation", `Nothing was changed: the database runs this query read-only (${message}).`, options);
    if (MYSQL_TIMEOUT.has(errno) || errno === 1317) return interruptError(context, error);
    if (errno === 1205) return new DriverError("timeout", `The query waited too long for a lock and was stopped (${message}).`, options);
    if (errno === 3159) return new DriverError("tls", `The server requires TLS (SSL): ${message}`, options);
    return new DriverError("database_error", message, options);
  }
  const network = mapNetworkError(error, context.where);
  if (network) return network;
  if (context.timedOut) return interruptError(context, error);
  return new DriverError("database_error", message, { cause: error });
}

/** What the SQLite worker process reports about a failure (errors do not cross processes intact). */
export interface SqliteFailure {
  /** Set when the worker already decided the DriverError code. */
  driverCode?: DriverErrorCode;
  /** better-sqlite3's SqliteError code, e.g. SQLITE_ERROR, SQLITE_READONLY. */
  sqliteCode?: string;
  name?: string;
  message: string;
}

export function mapSqliteFailure(failure: SqliteFailure, context: ErrorContext): DriverError {
  if (failure.driverCode) return new DriverError(failure.driverCode, failure.message);
  const code = failure.sqliteCode ?? "";
  const message = failure.message;
  if (failure.name === "RangeError" && /more than one statement/i.test(message)) return new DriverError("syntax_error", "Only one statement can run at a time.");
  if (code.startsWith("SQLITE_READONLY") || /attempt to write a readonly database/i.test(message)) {
    return new DriverError("read_only_violation", `Nothing was changed: the database runs this query read-only (${message}).`);
  }
  if (code === "SQLITE_CANTOPEN") return new DriverError("file_missing", `Could not open the SQLite file ${context.where}: ${message}`);
  if (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED")) return new DriverError("timeout", `The database file stayed locked by another writer (${message}).`);
  if (/syntax error|incomplete input|unrecognized token/i.test(message)) return new DriverError("syntax_error", message);
  return new DriverError("database_error", message);
}
