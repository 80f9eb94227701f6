/** Error mapping: every database/network failure lands on the right DriverError code, with positions as 0-based UTF-16 offsets. */
import { describe, expect, it } from "vitest";
import { codePointsToUtf16Offset, mapMysqlError, mapNetworkError, mapPostgresError, mapSqliteFailure, mysqlSyntaxPosition, postgresPosition, type ErrorContext } from "./error-mapping";
import { DriverError } from "./types";

const context: ErrorContext = { sql: "SELECT * FROM t WHERE", timeoutMs: 2_500, where: "db.example.com:5432" };

function pgError(code: string, message: string, extra: Record<string, unknown> = {}): Error {
  return Object.assign(new Error(message), { code, severity: "ERROR", ...extra });
}

function sysError(code: string, message = code): Error {
  return Object.assign(new Error(message), { code });
}

function mysqlError(errno: number, code: string | undefined, message: string): Error {
  return Object.assign(new Error(message), { errno, code, sqlState: "HY000", sqlMessage: message });
}

describe("network errors", () => {
  it.each([
    ["ECONNREFUSED", "connection_refused"],
    ["EHOSTUNREACH", "connection_refused"],
    ["ENOTFOUND", "dns"],
    ["EAI_AGAIN", "dns"],
    ["ETIMEDOUT", "timeout"],
    ["DEPTH_ZERO_SELF_SIGNED_CERT", "tls"],
    ["ERR_TLS_CERT_ALTNAME_INVALID", "tls"],
    ["HANDSHAKE_NO_SSL_SUPPORT", "tls"],
  ])("%s → %s", (code, expected) => {
    expect(mapNetworkError(sysError(code), "h:1")?.code).toBe(expected);
  });

  it("recognizes node-postgres' own TLS and timeout messages", () => {
    expect(mapNetworkError(new Error("The server does not support SSL connections"), "h:1")?.code).toBe("tls");
    expect(mapNetworkError(new Error("Connection terminated due to connection timeout"), "h:1")?.code).toBe("timeout");
    expect(mapNetworkError(new Error("something else"), "h:1")).toBeNull();
  });
});

describe("PostgreSQL errors", () => {
  it.each([
    ["28P01", "password authentication failed for user \"x\"", "auth_failed"],
    ["28000", "role \"x\" does not exist", "auth_failed"],
    ["28000", "no pg_hba.conf entry for host \"1.2.3.4\", user \"x\", database \"y\", no encryption", "tls"],
    ["3D000", "database \"nope\" does not exist", "database_missing"],
    ["25006", "cannot execute UPDATE in a read-only transaction", "read_only_violation"],
    ["42601", "syntax error at end of input", "syntax_error"],
    ["42P01", "relation \"nope\" does not exist", "database_error"],
    ["55P03", "canceling statement due to lock timeout", "timeout"],
  ])("%s (%s) → %s", (code, message, expected) => {
    expect(mapPostgresError(pgError(code, message), context).code).toBe(expected);
  });

  it("57014 is a timeout unless we cancelled", () => {
    const error = pgError("57014", "canceling statement due to statement timeout");
    const timeout = mapPostgresError(error, context);
    expect(timeout).toMatchObject({ code: "timeout", message: "The query ran longer than 2.5 s and was stopped." });
    expect(mapPostgresError(error, { ...context, cancelled: true }).code).toBe("cancelled");
  });

  it("a lost connection after our own deadline is a timeout", () => {
    expect(mapPostgresError(new Error("Connection terminated unexpectedly"), { ...context, timedOut: true }).code).toBe("timeout");
    expect(mapPostgresError(new Error("Connection terminated unexpectedly"), context).code).toBe("database_error");
  });

  it("turns the 1-based character position into a 0-based offset", () => {
    const error = mapPostgresError(pgError("42601", "syntax error at end of input", { position: "22" }), context);
    expect(error.position).toBe(21);
    expect(postgresPosition("SELECT '🚀', nope", "13")).toBe("SELECT '🚀', ".length);
    expect(postgresPosition(null, "3")).toBeNull();
    expect(postgresPosition("abc", undefined)).toBeNull();
  });

  it("passes DriverErrors through unchanged and maps client-side password problems", () => {
    const own = new DriverError("cost_too_high", "too expensive");
    expect(mapPostgresError(own, context)).toBe(own);
    expect(mapPostgresError(new Error("SASL: SCRAM-SERVER-FIRST-MESSAGE: client password must be a string"), context).code).toBe("auth_failed");
  });
});

describe("MySQL errors", () => {
  it.each([
    [1045, "ER_ACCESS_DENIED_ERROR", "auth_failed"],
    [1049, "ER_BAD_DB_ERROR", "database_missing"],
    [1792, "ER_CANT_EXECUTE_IN_READ_ONLY_TRANSACTION", "read_only_violation"],
    [1969, undefined, "timeout"],
    [3024, "ER_QUERY_TIMEOUT", "timeout"],
    [1317, "ER_QUERY_INTERRUPTED", "timeout"],
    [3159, "ER_SECURE_TRANSPORT_REQUIRED", "tls"],
    [1146, "ER_NO_SUCH_TABLE", "database_error"],
  ])("errno %s (%s) → %s", (errno, code, expected) => {
    expect(mapMysqlError(mysqlError(errno, code, "message"), context).code).toBe(expected);
  });

  it("an interrupted query we cancelled is cancelled", () => {
    expect(mapMysqlError(mysqlError(1317, "ER_QUERY_INTERRUPTED", "Query execution was interrupted"), { ...context, cancelled: true }).code).toBe("cancelled");
  });

  it("locates syntax errors from the 'near ... at line N' text", () => {
    const sql = "SELECT id\nFROM people WHERE id = = 1";
    const message = "You have an error in your SQL syntax; check the manual that corresponds to your MariaDB server version for the right syntax to use near '= 1' at line 2";
    const error = mapMysqlError(mysqlError(1064, "ER_PARSE_ERROR", message), { ...context, sql });
    expect(error).toMatchObject({ code: "syntax_error", position: sql.indexOf("= 1") });
    expect(mysqlSyntaxPosition("SELECT", "... near '' at line 1")).toBe(6);
    expect(mysqlSyntaxPosition("SELECT 1", "unrelated")).toBeNull();
  });

  it("maps socket errors", () => {
    expect(mapMysqlError(sysError("ECONNREFUSED"), context).code).toBe("connection_refused");
    expect(mapMysqlError(sysError("HANDSHAKE_NO_SSL_SUPPORT", "Server does not support secure connection"), context).code).toBe("tls");
  });
});

describe("SQLite failures", () => {
  it.each([
    [{ driverCode: "file_missing" as const, message: "no file" }, "file_missing"],
    [{ sqliteCode: "SQLITE_READONLY", message: "attempt to write a readonly database" }, "read_only_violation"],
    [{ sqliteCode: "SQLITE_ERROR", message: 'near "WHERE": syntax error' }, "syntax_error"],
    [{ sqliteCode: "SQLITE_ERROR", message: "incomplete input" }, "syntax_error"],
    [{ name: "RangeError", message: "The supplied SQL string contains more than one statement" }, "syntax_error"],
    [{ sqliteCode: "SQLITE_BUSY", message: "database is locked" }, "timeout"],
    [{ sqliteCode: "SQLITE_NOTADB", message: "file is not a database" }, "database_error"],
    [{ sqliteCode: "SQLITE_ERROR", message: "no such table: nope" }, "database_error"],
  ])("%o → %s", (failure, expected) => {
    expect(mapSqliteFailure(failure, context).code).toBe(expected);
  });
});

describe("codePointsToUtf16Offset", () => {
  it("counts astral characters as one code point, two UTF-16 units", () => {
    expect(codePointsToUtf16Offset("a🚀b", 2)).toBe(3);
    expect(codePointsToUtf16Offset("abc", 10)).toBe(3);
  });
});
