/**
 * How a cell value looks on screen, per column type: a small description (`CellDisplay`) that
 * grid-cell.tsx turns into markup. Numbers and dates go through lib/format, the formatter stat
 * tiles and charts use too, so a value reads the same on every screen. Pure and unit-tested.
 */
import { formatDate, formatDateTime, formatNumber, type NumberFormat } from "@/lib/format";
import { isNumericType, toBoolean } from "./column-types";
import type { GridColumnType } from "./types";

/** A `money` column without a format holds integer cents in USD (`*_cents` columns). */
export const DEFAULT_MONEY_FORMAT: NumberFormat = { style: "money", unit: "cents", currency: "USD" };

export interface CellFormatOptions {
  /** The column's number format (money unit and currency, decimals, percent …). */
  format?: NumberFormat;
  /** The cell's row, for a currency read from another column. */
  row?: Readonly<Record<string, unknown>>;
  locale?: string;
  timeZone?: string;
  /** Name the time zone of timestamps (where several people's times meet, e.g. the conflict panel). */
  showZone?: boolean;
}

export type CellDisplay =
  | { kind: "null" }
  | { kind: "text"; text: string; numeric: boolean }
  | { kind: "boolean"; value: boolean }
  | { kind: "enum"; text: string; tone: number }
  | { kind: "url"; text: string; href: string };

/** Number of badge colours (data-grid.module.css defines .tone0 … .tone7). */
export const ENUM_TONES = 8;

/** A stable colour index for an enum value (FNV-1a hash): the same value has the same colour everywhere. */
export function enumTone(value: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < value.length; i += 1) {
    hash ^= value.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % ENUM_TONES;
}

function anyText(value: unknown): string {
  if (typeof value === "string") return value;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

/** Only http(s) links are rendered as links: a `javascript:` value stays inert text. */
function safeHref(value: string): string | null {
  if (!/^https?:\/\//i.test(value)) return null;
  return URL.canParse(value) ? value : null;
}

export function formatCell(type: GridColumnType, value: unknown, options: CellFormatOptions = {}): CellDisplay {
  if (value === null || value === undefined) return { kind: "null" };
  const { format, row, locale, timeZone, showZone } = options;
  switch (type) {
    case "money": {
      // A money column is edited in cents: only a cents format may change its currency or decimals.
      const money = format?.style === "money" && format.unit === "cents" ? format : DEFAULT_MONEY_FORMAT;
      return { kind: "text", text: formatNumber(value, money, { row, locale }) ?? anyText(value), numeric: true };
    }
    case "integer":
    case "decimal":
      // Without a format, numbers show as stored (ids and codes must not be grouped).
      return { kind: "text", text: (format ? formatNumber(value, format, { row, locale }) : null) ?? anyText(value), numeric: isNumericType(type) };
    case "boolean": {
      const bool = toBoolean(value);
      return bool === null ? { kind: "text", text: anyText(value), numeric: false } : { kind: "boolean", value: bool };
    }
    case "date":
      return { kind: "text", text: formatDate(value, { locale }) ?? anyText(value), numeric: false };
    case "datetime":
      return { kind: "text", text: formatDateTime(value, { locale, timeZone, showZone }) ?? anyText(value), numeric: false };
    case "enum": {
      const text = anyText(value);
      return { kind: "enum", text, tone: enumTone(text) };
    }
    case "url": {
      const text = anyText(value);
      const href = safeHref(text.trim());
      return href ? { kind: "url", text, href } : { kind: "text", text, numeric: false };
    }
    case "json":
    case "text":
      return { kind: "text", text: anyText(value), numeric: false };
  }
}

/** The formatted value as one line of plain text (formatted CSV export, tests); empty cells are empty text. */
export function formatCellText(type: GridColumnType, value: unknown, options: CellFormatOptions = {}): string {
  const display = formatCell(type, value, options);
  switch (display.kind) {
    case "null":
      return "";
    case "boolean":
      return String(display.value);
    default:
      return display.text;
  }
}
