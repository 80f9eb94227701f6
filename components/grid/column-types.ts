/**
 * Column types of the grid: which type a database column gets (`inferColumnType`), how a value
 * of each type reads as text for editing, copying and export (`toEditText`), and how typed or
 * pasted text becomes a value again (`parseCellInput`). Display formatting for the screen lives
 * in cell-format.ts. Pure functions, no React.
 */
import type { GridColumn, GridColumnType } from "./types";

export type ParseResult = { ok: true; value: unknown } | { ok: false; message: string };

export interface InferredColumnType {
  type: GridColumnType;
  /** The distinct sample values (sorted) when `type` is "enum". */
  enumValues?: string[];
}

const MAX_ENUM_VALUES = 12;
const ENUM_NAME = /^(status|.+_status|kind|carrier|priority|segment)$/i;
const INTEGER_TYPE = /^(tiny|small|medium|big)?int(eger)?[248]?(\(\d+\))?( unsigned)?$|^(small|big)?serial[248]?$|^int[248]$/;
const DECIMAL_TYPE = /^(numeric|decimal|real|double( precision)?|float[48]?)(\(\d+(,\s*\d+)?\))?( unsigned)?$/;
const DATETIME_TYPE = /^(timestamp(tz)?|datetime|timestamp(\(\d\))? with(out)? time zone)(\(\d\))?$/;
const TEXT_TYPE = /^(text|tinytext|mediumtext|longtext|varchar|nvarchar|char|nchar|character( varying)?|bpchar|string|citext|clob|name)?(\(\d+\))?$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_DATETIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const HTTP_URL = /^https?:\/\/[^\s/$.?#][^\s]*$/i;

function isBlank(value: unknown): boolean {
  return value === null || value === undefined || value === "";
}

/** `enum('a','b')` as MySQL reports it. */
function mysqlEnumValues(dataType: string): string[] | null {
  const match = /^enum\((.*)\)$/i.exec(dataType);
  if (!match?.[1]) return null;
  return [...match[1].matchAll(/'((?:[^']|'')*)'/g)].map((m) => (m[1] ?? "").replace(/''/g, "'"));
}

/**
 * The grid type of a result column, from the database type name (PostgreSQL, MySQL/MariaDB,
 * SQLite spellings), the column name and some sample values. SQLite stores dates and small
 * value sets as TEXT, so text columns look at their samples.
 */
export function inferColumnType(name: string, dataType: string, sampleValues: readonly unknown[]): InferredColumnType {
  const type = dataType.trim().toLowerCase().replace(/\s+/g, " ");
  if (type === "bool" || type === "boolean" || /^tinyint\(1\)( unsigned)?$/.test(type)) return { type: "boolean" };
  if (type === "json" || type === "jsonb") return { type: "json" };
  const enumValues = mysqlEnumValues(dataType.trim());
  if (enumValues) return { type: "enum", enumValues };
  if (INTEGER_TYPE.test(type)) return { type: /_cents$/i.test(name) ? "money" : "integer" };
  if (DECIMAL_TYPE.test(type)) return { type: "decimal" };
  if (type === "date") return { type: "date" };
  if (DATETIME_TYPE.test(type)) return { type: "datetime" };
  if (!TEXT_TYPE.test(type)) return { type: "text" };

  const samples = sampleValues.filter((value) => !isBlank(value));
  if (samples.length === 0 || !samples.every((value) => typeof value === "string")) return { type: "text" };
  const strings = samples as string[];
  if (strings.every((value) => ISO_DATE.test(value))) return { type: "date" };
  if (strings.every((value) => ISO_DATETIME.test(value) || ISO_DATE.test(value))) return { type: "datetime" };
  if (ENUM_NAME.test(name)) {
    const distinct = [...new Set(strings)];
    if (distinct.length <= MAX_ENUM_VALUES) return { type: "enum", enumValues: distinct.sort() };
  }
  if (strings.every((value) => HTTP_URL.test(value))) return { type: "url" };
  return { type: "text" };
}

/** Grid columns for a query result: types inferred from the first `sampleSize` rows. */
const MAX_LOADED_ENUM_VALUES = 50;

/**
 * The type is inferred from a sample, but a status column's allowed values must come from every
 * loaded row: a value missing from the first rows would otherwise be refused as an edit and
 * missing from the filter. Too many distinct values means it is not a status after all.
 */
function withAllEnumValues(name: string, inferred: InferredColumnType, rows: readonly Record<string, unknown>[]): InferredColumnType {
  if (inferred.type !== "enum") return inferred;
  const values = new Set(inferred.enumValues ?? []);
  for (const row of rows) {
    const value = row[name];
    if (value === null || value === undefined) continue;
    values.add(String(value));
    if (values.size > MAX_LOADED_ENUM_VALUES) return { type: "text" };
  }
  return { ...inferred, enumValues: [...values].sort() };
}

export function gridColumnsFromResult(
  columns: readonly { name: string; dataType: string }[],
  rows: readonly Record<string, unknown>[],
  options: { editable?: boolean | ((name: string) => boolean); sampleSize?: number } = {},
): GridColumn[] {
  const sample = rows.slice(0, options.sampleSize ?? 200);
  // Money in a row that says its currency (`currency` beside `total_cents`) is shown in it.
  const currencyColumn = columns.some((column) => column.name === "currency") ? "currency" : undefined;
  return columns.map((column) => {
    const inferred = withAllEnumValues(column.name, inferColumnType(column.name, column.dataType, sample.map((row) => row[column.name])), rows);
    const editable = typeof options.editable === "function" ? options.editable(column.name) : (options.editable ?? false);
    const format = inferred.type === "money" && currencyColumn ? { format: { style: "money", unit: "cents", currency: "USD", currencyColumn } as const } : {};
    return { id: column.name, name: column.name, dataType: column.dataType, editable, ...inferred, ...format };
  });
}

// ---------------------------------------------------------------------------------------------
// Values as text (editing, clipboard, CSV)

const TRUE_WORDS = new Set(["true", "t", "yes", "y", "1", "on"]);
const FALSE_WORDS = new Set(["false", "f", "no", "n", "0", "off"]);

/** A stored boolean in any of the shapes drivers return (true, 1, "t", "1" …), or null if it is none. */
export function toBoolean(value: unknown): boolean | null {
  if (typeof value === "boolean") return value;
  if (typeof value === "number") return value === 1 ? true : value === 0 ? false : null;
  if (typeof value === "string") {
    const word = value.trim().toLowerCase();
    return TRUE_WORDS.has(word) ? true : FALSE_WORDS.has(word) ? false : null;
  }
  return null;
}

/** Integer cents as a bigint, or null if the value is not an integer. */
export function toCents(value: unknown): bigint | null {
  if (typeof value === "bigint") return value;
  if (typeof value === "number") return Number.isInteger(value) ? BigInt(value) : null;
  if (typeof value === "string" && /^-?\d+$/.test(value.trim())) return BigInt(value.trim());
  return null;
}

/** Cents as plain decimal text: 123456 → "1234.56", -5 → "-0.05". */
export function centsToDecimalText(cents: bigint): string {
  const negative = cents < BigInt(0);
  const abs = negative ? -cents : cents;
  const whole = abs / BigInt(100);
  const fraction = (abs % BigInt(100)).toString().padStart(2, "0");
  return `${negative ? "-" : ""}${whole.toString()}.${fraction}`;
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** A Date as local "YYYY-MM-DD HH:MM", with ":SS" only when the seconds are not zero. */
export function localDateTimeText(date: Date): string {
  const base = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
  return date.getSeconds() === 0 ? base : `${base}:${pad(date.getSeconds())}`;
}

/** A date value as "YYYY-MM-DD"; null when it is not one. */
export function dateText(value: unknown): string | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
  if (typeof value === "string") return /^\d{4}-\d{2}-\d{2}/.exec(value.trim())?.[0] ?? null;
  return null;
}

/**
 * A timestamp as local "YYYY-MM-DD HH:MM[:SS]". Zoned values (ISO with Z or an offset, Date
 * objects) are shown in the viewer's time zone; naive values are shown as stored.
 */
export function dateTimeText(value: unknown): string | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : localDateTimeText(value);
  if (typeof value !== "string") return null;
  const text = value.trim();
  const match = ISO_DATETIME.exec(text);
  if (!match) return ISO_DATE.test(text) ? text : null;
  const [, y, mo, d, h, mi, s, , zone] = match;
  if (zone) {
    const date = new Date(text.replace(" ", "T"));
    return Number.isNaN(date.getTime()) ? null : localDateTimeText(date);
  }
  const base = `${y}-${mo}-${d} ${h}:${mi}`;
  return s && s !== "00" ? `${base}:${s}` : base;
}

function plainText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

/**
 * A value as the text a user edits, copies and exports: it parses back to the same value with
 * `parseCellInput` (money in dollars "1234.56", booleans "true"/"false", NULL as "").
 */
export function toEditText(type: GridColumnType, value: unknown): string {
  if (value === null || value === undefined) return "";
  switch (type) {
    case "money": {
      const cents = toCents(value);
      return cents === null ? plainText(value) : centsToDecimalText(cents);
    }
    case "boolean": {
      const bool = toBoolean(value);
      return bool === null ? plainText(value) : String(bool);
    }
    case "date":
      return dateText(value) ?? plainText(value);
    case "datetime":
      return dateTimeText(value) ?? plainText(value);
    default:
      return plainText(value);
  }
}

// ---------------------------------------------------------------------------------------------
// Parsing edits

function isValidCalendarDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function parseInteger(text: string): ParseResult {
  const compact = text.replace(/[,_\s]/g, "");
  if (!/^[+-]?\d+$/.test(compact)) return { ok: false, message: "Enter a whole number." };
  const n = Number(compact);
  // Beyond 2^53 a number would silently change: keep the digits as text (drivers accept it).
  return { ok: true, value: Number.isSafeInteger(n) ? n : compact.replace(/^\+/, "") };
}

function parseDecimal(text: string): ParseResult {
  const compact = text.replace(/[,_\s]/g, "");
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(compact)) return { ok: false, message: "Enter a number, e.g. 12.5." };
  const n = Number(compact);
  if (!Number.isFinite(n)) return { ok: false, message: "Enter a number, e.g. 12.5." };
  const digits = compact.replace(/^[+-]/, "").replace(/[eE].*$/, "").replace(".", "").replace(/^0+/, "");
  return { ok: true, value: digits.length > 15 ? compact.replace(/^\+/, "") : n };
}

function parseMoney(text: string): ParseResult {
  let compact = text.replace(/[\s,]/g, "");
  let negative = false;
  if (/^\(.*\)$/.test(compact)) {
    negative = true;
    compact = compact.slice(1, -1);
  }
  const match = /^([+-]?)\$?([+-]?)(\d*)(?:\.(\d{0,2}))?$/.exec(compact);
  if (!match || (!match[3] && !match[4]) || (match[1] && match[2])) {
    return { ok: false, message: "Enter an amount with at most two decimals, e.g. 1234.50." };
  }
  negative = negative !== (match[1] === "-" || match[2] === "-");
  const cents = BigInt(match[3] || "0") * BigInt(100) + BigInt((match[4] ?? "").padEnd(2, "0") || "0");
  const signed = negative ? -cents : cents;
  const asNumber = Number(signed);
  return { ok: true, value: Number.isSafeInteger(asNumber) ? asNumber : signed.toString() };
}

function parseDate(text: string): ParseResult {
  const match = ISO_DATE.exec(text);
  if (!match || !isValidCalendarDate(Number(match[1]), Number(match[2]), Number(match[3]))) {
    return { ok: false, message: "Enter a date as YYYY-MM-DD." };
  }
  return { ok: true, value: text };
}

/** ISO date-time; without a zone it is the viewer's local time (as the grid displays it). Stored as UTC ISO. */
function parseDateTime(text: string): ParseResult {
  const failure: ParseResult = { ok: false, message: "Enter a date and time as YYYY-MM-DD HH:MM." };
  const dateOnly = ISO_DATE.exec(text);
  const match = ISO_DATETIME.exec(text);
  const parts = match ?? dateOnly;
  if (!parts || !isValidCalendarDate(Number(parts[1]), Number(parts[2]), Number(parts[3]))) return failure;
  if (match && (Number(match[4]) > 23 || Number(match[5]) > 59 || Number(match[6] ?? 0) > 59)) return failure;
  let iso = dateOnly ? `${text}T00:00` : `${parts[1]}-${parts[2]}-${parts[3]}T${match?.[4]}:${match?.[5]}:${match?.[6] ?? "00"}${match?.[7] ?? ""}`;
  const zone = match?.[8]?.toUpperCase();
  if (zone) iso += zone === "Z" ? "Z" : zone.length === 3 ? `${zone}:00` : `${zone.slice(0, 3)}:${zone.slice(-2)}`;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? failure : { ok: true, value: date.toISOString() };
}

/**
 * Typed or pasted text → the value to stage for a column of `type`. Empty text is NULL.
 * Failures carry a message that tells the user what to enter.
 */
export function parseCellInput(type: GridColumnType, text: string, enumValues?: readonly string[]): ParseResult {
  if (text === "") return { ok: true, value: null };
  const trimmed = text.trim();
  if (trimmed === "" && type !== "text") return { ok: true, value: null };
  switch (type) {
    case "text":
      return { ok: true, value: text };
    case "integer":
      return parseInteger(trimmed);
    case "decimal":
      return parseDecimal(trimmed);
    case "money":
      return parseMoney(trimmed);
    case "boolean": {
      const bool = toBoolean(trimmed);
      return bool === null ? { ok: false, message: "Enter true or false (yes/no, 1/0)." } : { ok: true, value: bool };
    }
    case "date":
      return parseDate(trimmed);
    case "datetime":
      return parseDateTime(trimmed);
    case "enum": {
      const options = enumValues ?? [];
      const exact = options.find((option) => option === trimmed) ?? options.find((option) => option.toLowerCase() === trimmed.toLowerCase());
      return exact === undefined ? { ok: false, message: `Choose one of: ${options.join(", ")}.` } : { ok: true, value: exact };
    }
    case "json":
      try {
        return { ok: true, value: JSON.parse(trimmed) as unknown };
      } catch {
        return { ok: false, message: "Enter valid JSON, e.g. {\"key\": 1}." };
      }
    case "url":
      return HTTP_URL.test(trimmed) && URL.canParse(trimmed)
        ? { ok: true, value: trimmed }
        : { ok: false, message: "Enter a web address starting with http:// or https://." };
  }
}

/** Whether a value of this type lines up on the right (numbers). */
export function isNumericType(type: GridColumnType): boolean {
  return type === "integer" || type === "decimal" || type === "money";
}

// ---------------------------------------------------------------------------------------------
// "Show as" overrides

/**
 * Applies the user's type overrides. A column shown as a status badge needs its values: the
 * inferred ones if any, else the distinct values of the loaded rows (at most 50).
 */
export function applyTypeOverrides(columns: readonly GridColumn[], overrides: Readonly<Record<string, GridColumnType>>, rows: readonly (Record<string, unknown> | undefined)[]): GridColumn[] {
  if (Object.keys(overrides).length === 0) return columns as GridColumn[];
  return columns.map((column) => {
    const type = overrides[column.id];
    if (!type || type === column.type) return column;
    if (type !== "enum" || column.enumValues?.length) return { ...column, type };
    const values = new Set<string>();
    for (const row of rows) {
      const value = row?.[column.id];
      if (value !== null && value !== undefined) values.add(String(value));
      if (values.size >= 50) break;
    }
    return { ...column, type, enumValues: [...values].sort() };
  });
}
