/**
 * Turning database rows into JSON-safe objects the same way for every driver: results travel
 * through tRPC/JSON, so bigints, dates, bytes and non-finite numbers must become plain values
 * here, not fail (or silently lose precision) later in the serializer.
 */

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
const MIN_SAFE = BigInt(Number.MIN_SAFE_INTEGER);

/** A bigint as a number when that is exact, otherwise its decimal text. */
export function bigintToJson(value: bigint): number | string {
  return value <= MAX_SAFE && value >= MIN_SAFE ? Number(value) : value.toString();
}

/** An integer's decimal text (e.g. PostgreSQL int8) as a number when that is exact. */
export function integerTextToJson(text: string): number | string {
  if (!/^-?\d+$/.test(text)) return text;
  const n = Number(text);
  return Number.isSafeInteger(n) ? n : text;
}

function isPlainObject(value: object): value is Record<string, unknown> {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

export function toJsonSafe(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case "string":
    case "boolean":
      return value;
    case "number":
      // JSON has no NaN/Infinity (PostgreSQL float8 and numeric do): keep their names.
      return Number.isFinite(value) ? value : String(value);
    case "bigint":
      return bigintToJson(value);
    case "object":
      break;
    default:
      return String(value);
  }
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? String(value) : value.toISOString();
  if (value instanceof Uint8Array) return Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString("base64");
  if (Array.isArray(value)) return value.map(toJsonSafe);
  // As JSON.stringify would: an object's own toJSON wins.
  const toJSON: unknown = (value as { toJSON?: unknown }).toJSON;
  if (typeof toJSON === "function") return toJsonSafe(toJSON.call(value));
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) out[key] = toJsonSafe(inner);
    return out;
  }
  return String(value);
}

/**
 * Result column names made unique ("id", "id_2"), because `SELECT a.id, b.id` would otherwise
 * lose a column when rows become objects. Names that are already unique stay as they are.
 */
export function uniqueColumnNames(names: readonly string[]): string[] {
  const taken = new Set(names);
  const seen = new Set<string>();
  return names.map((name) => {
    if (!seen.has(name)) {
      seen.add(name);
      return name;
    }
    let n = 2;
    while (taken.has(`${name}_${n}`) || seen.has(`${name}_${n}`)) n += 1;
    const unique = `${name}_${n}`;
    seen.add(unique);
    return unique;
  });
}

/** Array rows (as fetched, one entry per column) into JSON-safe objects keyed by unique names. */
export function rowsToObjects(names: readonly string[], rows: readonly (readonly unknown[])[], convert: (value: unknown, column: number) => unknown = toJsonSafe): Record<string, unknown>[] {
  return rows.map((row) => {
    const out: Record<string, unknown> = {};
    names.forEach((name, i) => {
      out[name] = convert(row[i], i);
    });
    return out;
  });
}

/** "0.3 s", "5 s", "90 s": how long a timeout was, in words for error messages. */
export function formatSeconds(ms: number): string {
  const seconds = ms / 1000;
  return `${Number.isInteger(seconds) ? seconds : Number(seconds.toFixed(seconds < 1 ? 3 : 1))} s`;
}

export function timeoutMessage(timeoutMs: number): string {
  return `The query ran longer than ${formatSeconds(timeoutMs)} and was stopped.`;
}

export const CANCELLED_MESSAGE = "The query was cancelled.";

export function tooManyRowsMessage(affected: number, max: number): string {
  return `The statement would change ${affected.toLocaleString("en-US")} rows, more than the limit of ${max.toLocaleString("en-US")}; nothing was changed.`;
}

/** "20 MB", "0.5 MB": a byte limit in words for error messages (MB = 1,048,576 bytes). */
export function formatMegabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return `${Number.isInteger(mb) ? mb : Number(mb.toFixed(mb < 1 ? 3 : 1))} MB`;
}

export function resultTooLargeMessage(maxBytes: number): string {
  return `The result is larger than ${formatMegabytes(maxBytes)}; select fewer columns or rows.`;
}

/**
 * Roughly what one fetched value holds in memory, for the result byte cap where the wire size
 * is not at hand (MySQL rows arrive parsed): text by length, bytes by size, numbers as 8.
 */
export function valueBytes(value: unknown): number {
  if (value === null || value === undefined) return 1;
  if (typeof value === "string") return value.length;
  if (value instanceof Uint8Array) return value.byteLength;
  if (typeof value === "number" || typeof value === "bigint" || typeof value === "boolean") return 8;
  if (value instanceof Date) return 8;
  return String(typeof value === "object" ? JSON.stringify(value) : value).length;
}

export function rowBytes(row: readonly unknown[]): number {
  let total = 0;
  for (const value of row) total += valueBytes(value);
  return total;
}
