/**
 * Column filters and sort order per column type, as pure functions: the grid hands them to
 * TanStack Table for client-side processing, and a parent in server-paged mode can read the
 * same `GridFilter` values (they live in `columnFilters` state) to build its query.
 */
import { dateText, dateTimeText, isNumericType, toBoolean, toEditText } from "./column-types";
import type { GridColumnType } from "./types";

export type GridFilter =
  /** Text, JSON and URL columns: case-insensitive substring. */
  | { kind: "contains"; text: string }
  /** Numbers, inclusive; money bounds are in cents like the values. */
  | { kind: "range"; min?: number; max?: number }
  /** Dates and timestamps, inclusive whole days ("YYYY-MM-DD", local time for timestamps). */
  | { kind: "dateRange"; from?: string; to?: string }
  /** Enum and boolean columns: the value is one of these ("true"/"false" for booleans). */
  | { kind: "oneOf"; values: string[] };

export function filterKindFor(type: GridColumnType): GridFilter["kind"] {
  if (isNumericType(type)) return "range";
  if (type === "date" || type === "datetime") return "dateRange";
  if (type === "enum" || type === "boolean") return "oneOf";
  return "contains";
}

export function isGridFilter(value: unknown): value is GridFilter {
  if (typeof value !== "object" || value === null) return false;
  const kind = (value as { kind?: unknown }).kind;
  return kind === "contains" || kind === "range" || kind === "dateRange" || kind === "oneOf";
}

/** A filter that lets every row through is removed from the state rather than kept. */
export function isFilterActive(filter: unknown): boolean {
  if (!isGridFilter(filter)) return false;
  switch (filter.kind) {
    case "contains":
      return filter.text.trim() !== "";
    case "range":
      return filter.min !== undefined || filter.max !== undefined;
    case "dateRange":
      return Boolean(filter.from) || Boolean(filter.to);
    case "oneOf":
      return filter.values.length > 0;
  }
}

function toNumber(value: unknown): number | null {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "string" && value.trim() !== "") {
    const n = Number(value);
    return Number.isFinite(n) ? n : null;
  }
  return null;
}

export function matchesFilter(type: GridColumnType, value: unknown, filter: unknown): boolean {
  if (!isGridFilter(filter) || !isFilterActive(filter)) return true;
  switch (filter.kind) {
    case "contains":
      return toEditText(type, value).toLowerCase().includes(filter.text.trim().toLowerCase());
    case "range": {
      const n = toNumber(value);
      if (n === null) return false;
      return (filter.min === undefined || n >= filter.min) && (filter.max === undefined || n <= filter.max);
    }
    case "dateRange": {
      const day = (type === "datetime" ? dateTimeText(value) : dateText(value))?.slice(0, 10);
      if (!day) return false;
      return (!filter.from || day >= filter.from) && (!filter.to || day <= filter.to);
    }
    case "oneOf": {
      if (value === null || value === undefined) return false;
      const text = type === "boolean" ? String(toBoolean(value)) : String(value);
      return filter.values.includes(text);
    }
  }
}

const collator = new Intl.Collator(undefined, { numeric: true });

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/**
 * Natural, case-insensitive order ("item 2" before "item 10"). ASCII text is compared here,
 * which is many times faster than Intl.Collator (sorting 100,000 names went from ~750 ms to
 * ~150 ms); text with other characters falls back to the collator for the rest.
 */
export function naturalCompare(a: string, b: string): number {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    let ca = a.charCodeAt(i);
    let cb = b.charCodeAt(j);
    if (ca > 127 || cb > 127) return collator.compare(a.slice(i), b.slice(j)) || (a < b ? -1 : a > b ? 1 : 0);
    if (isDigit(ca) && isDigit(cb)) {
      // Compare whole digit runs as numbers: longer (without leading zeros) is bigger.
      let ei = i;
      let ej = j;
      while (ei < a.length && isDigit(a.charCodeAt(ei))) ei += 1;
      while (ej < b.length && isDigit(b.charCodeAt(ej))) ej += 1;
      let si = i;
      let sj = j;
      while (si < ei - 1 && a.charCodeAt(si) === 48) si += 1;
      while (sj < ej - 1 && b.charCodeAt(sj) === 48) sj += 1;
      const lengthDiff = ei - si - (ej - sj);
      if (lengthDiff !== 0) return lengthDiff < 0 ? -1 : 1;
      for (let k = 0; k < ei - si; k += 1) {
        const d = a.charCodeAt(si + k) - b.charCodeAt(sj + k);
        if (d !== 0) return d < 0 ? -1 : 1;
      }
      i = ei;
      j = ej;
      continue;
    }
    if (ca >= 65 && ca <= 90) ca += 32;
    if (cb >= 65 && cb <= 90) cb += 32;
    if (ca !== cb) return ca < cb ? -1 : 1;
    i += 1;
    j += 1;
  }
  const rest = a.length - i - (b.length - j);
  if (rest !== 0) return rest < 0 ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

function timeOf(value: unknown): number | string {
  if (value instanceof Date) return value.getTime();
  return String(value);
}

/**
 * Ascending order of two values of a column (the table reverses it for descending). NULL sorts
 * after every value, as PostgreSQL does for ASC.
 */
export function compareCellValues(type: GridColumnType, a: unknown, b: unknown): number {
  const aNull = a === null || a === undefined;
  const bNull = b === null || b === undefined;
  if (aNull || bNull) return aNull === bNull ? 0 : aNull ? 1 : -1;
  if (isNumericType(type)) {
    const x = toNumber(a);
    const y = toNumber(b);
    if (x !== null && y !== null) return x === y ? 0 : x < y ? -1 : 1;
  }
  if (type === "boolean") return Number(toBoolean(a) ?? 0) - Number(toBoolean(b) ?? 0);
  if (type === "date" || type === "datetime") {
    const x = timeOf(a);
    const y = timeOf(b);
    if (typeof x === typeof y) return x === y ? 0 : x < y ? -1 : 1;
  }
  const x = typeof a === "object" ? JSON.stringify(a) : String(a);
  const y = typeof b === "object" ? JSON.stringify(b) : String(b);
  return naturalCompare(x, y);
}

/** A short description of an active filter, for the header's tooltip and screen readers. */
export function describeFilter(type: GridColumnType, filter: unknown): string | null {
  if (!isGridFilter(filter) || !isFilterActive(filter)) return null;
  const money = (n: number) => (type === "money" ? `$${(n / 100).toFixed(2)}` : String(n));
  switch (filter.kind) {
    case "contains":
      return `contains “${filter.text.trim()}”`;
    case "range":
      if (filter.min !== undefined && filter.max !== undefined) return `between ${money(filter.min)} and ${money(filter.max)}`;
      return filter.min !== undefined ? `≥ ${money(filter.min)}` : `≤ ${money(filter.max ?? 0)}`;
    case "dateRange":
      if (filter.from && filter.to) return `from ${filter.from} to ${filter.to}`;
      return filter.from ? `from ${filter.from}` : `until ${filter.to}`;
    case "oneOf":
      return `is ${filter.values.join(" or ")}`;
  }
}
