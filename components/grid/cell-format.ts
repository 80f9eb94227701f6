/**
 * How a cell value looks on screen, per column type: a small description (`CellDisplay`) that
 * grid-cell.tsx turns into markup. Pure, so every formatter is unit-tested.
 */
import { dateText, dateTimeText, isNumericType, toBoolean, toCents } from "./column-types";
import type { GridColumnType } from "./types";

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

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** Integer cents as dollars: 123456 → "$1,234.56", -5 → "-$0.05". Exact for int8 cents given as text. */
export function formatMoney(cents: bigint): string {
  const negative = cents < BigInt(0);
  const abs = negative ? -cents : cents;
  const whole = groupThousands((abs / BigInt(100)).toString());
  const fraction = (abs % BigInt(100)).toString().padStart(2, "0");
  return `${negative ? "-" : ""}$${whole}.${fraction}`;
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

export function formatCell(type: GridColumnType, value: unknown): CellDisplay {
  if (value === null || value === undefined) return { kind: "null" };
  switch (type) {
    case "money": {
      const cents = toCents(value);
      return { kind: "text", text: cents === null ? anyText(value) : formatMoney(cents), numeric: true };
    }
    case "integer":
    case "decimal":
      return { kind: "text", text: anyText(value), numeric: isNumericType(type) };
    case "boolean": {
      const bool = toBoolean(value);
      return bool === null ? { kind: "text", text: anyText(value), numeric: false } : { kind: "boolean", value: bool };
    }
    case "date":
      return { kind: "text", text: dateText(value) ?? anyText(value), numeric: false };
    case "datetime":
      return { kind: "text", text: dateTimeText(value) ?? anyText(value), numeric: false };
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

/** The formatted value as one line of plain text (tooltips, accessible names, tests). */
export function formatCellText(type: GridColumnType, value: unknown): string {
  const display = formatCell(type, value);
  switch (display.kind) {
    case "null":
      return "NULL";
    case "boolean":
      return String(display.value);
    default:
      return display.text;
  }
}
