/**
 * Low-level MySQL/MariaDB pieces for the driver: running one server-side prepared statement
 * (values always bound, never interpolated) while streaming its rows so the row cap stops
 * reading early, binding values the way mysql2's binary protocol expects, and naming result
 * column types.
 */
import type { FieldPacket, PoolConnection, ResultSetHeader } from "mysql2";
import { integerTextToJson, rowBytes, toJsonSafe } from "./results";

export interface StreamedResult {
  fields: FieldPacket[];
  rows: unknown[][];
  /** Rows the statement returned, including ones not kept. */
  rowsSeen: number;
  /** OK packet of a statement without a result set (INSERT/UPDATE/DELETE/DDL). */
  header: ResultSetHeader | null;
  /** Reading stopped at the row limit or the byte cap; the connection is mid-result and must be destroyed. */
  stopped: boolean;
  /** The rows kept were more than `maxBytes`: none are kept, and the result must be refused. */
  tooLarge: boolean;
}

const SERVER_STATUS_IN_TRANS = 1;

/** Rows a write changed. DELETE/INSERT … RETURNING ends with an EOF, not an OK packet: each returned row is one changed row. */
export function affectedOf(streamed: StreamedResult): number {
  return streamed.header ? streamed.header.affectedRows : streamed.rowsSeen;
}

/** False when the statement ended the open transaction itself (DDL commits implicitly). */
export function stillInTransaction(streamed: StreamedResult): boolean {
  return !streamed.header || (streamed.header.serverStatus & SERVER_STATUS_IN_TRANS) !== 0;
}

/**
 * `execute()` in event mode: rows arrive one by one from the socket. With `rowLimit`, we resolve
 * as soon as that many rows arrived and stop listening; the caller then destroys the connection
 * (the server aborts the statement when its socket closes), because mysql2 has no way to skip
 * the rest of a result set without reading it all. With `maxBytes`, crossing it stops a read
 * the same way (`tooLarge`); a write (no row limit) is read to its end, keeping nothing more.
 */
export function executeStreaming(connection: PoolConnection, sql: string, values: unknown[], rowLimit: number | null, keepRows: number | null = null, maxBytes: number | null = null): Promise<StreamedResult> {
  return new Promise<StreamedResult>((resolve, reject) => {
    const result: StreamedResult = { fields: [], rows: [], rowsSeen: 0, header: null, stopped: false, tooLarge: false };
    let bytes = 0;
    let settled = false;
    const command = connection.execute({ sql, values: bindValues(values), rowsAsArray: true });
    command.on("fields", (fields: FieldPacket[] | undefined) => {
      if (Array.isArray(fields)) result.fields = fields;
    });
    command.on("result", (row: unknown) => {
      if (settled) return;
      if (Array.isArray(row)) {
        result.rowsSeen += 1;
        if (result.tooLarge || (keepRows !== null && result.rowsSeen > keepRows)) return; // counted, not kept
        bytes += maxBytes === null ? 0 : rowBytes(row);
        if (maxBytes !== null && bytes > maxBytes) {
          result.tooLarge = true;
          result.rows = [];
          if (rowLimit !== null) {
            settled = true;
            result.stopped = true;
            resolve(result);
          }
          return;
        }
        result.rows.push(row);
        if (rowLimit !== null && result.rows.length >= rowLimit) {
          settled = true;
          result.stopped = true;
          resolve(result);
        }
      } else result.header = row as ResultSetHeader;
    });
    command.on("error", (error: unknown) => {
      if (settled) return;
      settled = true;
      reject(error);
    });
    command.on("end", () => {
      if (settled) return;
      settled = true;
      resolve(result);
    });
  });
}

/** Text-protocol statement we wrote ourselves (SET, START TRANSACTION, COMMIT…): no values. */
export function control(connection: { query: PoolConnection["query"] }, sql: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    connection.query(sql, (error) => (error ? reject(error) : resolve()));
  });
}

/**
 * COM_RESET_CONNECTION: user variables, SET SESSION values, roles, temp tables and prepared
 * statements from an earlier use are gone (mysql2 also forgets its statement cache). Resolves
 * false when the server is too old to know the command (MySQL < 5.7.3, MariaDB < 10.2.4).
 */
export function resetSession(connection: PoolConnection): Promise<boolean> {
  return new Promise((resolve, reject) => {
    connection.reset((error) => {
      if (!error) resolve(true);
      else if ((error as { errno?: unknown }).errno === 1047) resolve(false); // ER_UNKNOWN_COM_ERROR
      else reject(error);
    });
  });
}

export function queryRows(connection: { query: PoolConnection["query"] }, sql: string): Promise<Record<string, unknown>[]> {
  return new Promise((resolve, reject) => {
    connection.query(sql, (error, rows) => (error ? reject(error) : resolve(Array.isArray(rows) ? (rows as Record<string, unknown>[]) : [])));
  });
}

/**
 * Values for the binary protocol: booleans as 1/0 (explicit rather than relying on mysql2's
 * TINY encoding), bigints as text (exact), JSON objects as text (MariaDB refuses the JSON
 * parameter type), undefined as NULL (mysql2 throws on it).
 */
export function bindValues(values: readonly unknown[]): (string | number | null | Buffer | Date)[] {
  return values.map((value) => {
    if (value === null || value === undefined) return null;
    if (typeof value === "boolean") return value ? 1 : 0;
    if (typeof value === "bigint") return value.toString();
    if (typeof value === "number" || typeof value === "string") return value;
    if (value instanceof Date || Buffer.isBuffer(value)) return value;
    if (value instanceof Uint8Array) return Buffer.from(value.buffer, value.byteOffset, value.byteLength);
    return JSON.stringify(value);
  });
}

const BINARY_CHARSET = 63;
const ENUM_FLAG = 256;
const SET_FLAG = 2048;
const LONGLONG = 8;

const TYPE_NAMES: Record<number, string> = {
  0: "decimal",
  1: "tinyint",
  2: "smallint",
  3: "int",
  4: "float",
  5: "double",
  6: "null",
  7: "timestamp",
  8: "bigint",
  9: "mediumint",
  10: "date",
  11: "time",
  12: "datetime",
  13: "year",
  14: "date",
  15: "varchar",
  16: "bit",
  17: "timestamp",
  18: "datetime",
  19: "time",
  245: "json",
  246: "decimal",
  247: "enum",
  248: "set",
  249: "tinytext",
  250: "mediumtext",
  251: "longtext",
  252: "text",
  253: "varchar",
  254: "char",
  255: "geometry",
};

const BINARY_NAMES: Record<number, string> = { 249: "tinyblob", 250: "mediumblob", 251: "longblob", 252: "blob", 253: "varbinary", 254: "binary" };

/** The column's type as MySQL names it (int, varchar, blob…), from the result metadata. */
export function mysqlTypeName(field: FieldPacket): string {
  const type = field.columnType ?? field.type ?? -1;
  const flags = typeof field.flags === "number" ? field.flags : 0;
  if (type === 254 && flags & ENUM_FLAG) return "enum";
  if (type === 254 && flags & SET_FLAG) return "set";
  if (field.characterSet === BINARY_CHARSET && BINARY_NAMES[type]) return BINARY_NAMES[type];
  return TYPE_NAMES[type] ?? "";
}

/** BIGINT arrives as text (bigNumberStrings); make it a number when exact, like the other drivers. */
export function mysqlValueConverter(fields: readonly FieldPacket[]): (value: unknown, column: number) => unknown {
  const bigint = fields.map((field) => (field.columnType ?? field.type) === LONGLONG);
  return (value, column) => (bigint[column] && typeof value === "string" ? integerTextToJson(value) : toJsonSafe(value));
}
