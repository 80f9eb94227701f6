/**
 * The one date policy: dates and timestamps are shown in the user's locale and time zone
 * (`Mar 4, 2026, 10:22 AM`), with the zone's name where several people's times meet (the
 * conflict panel, the audit log, the data sources page). A timestamp stored without a zone
 * (`2026-03-04 10:22:00` in a naive column) is shown as stored: converting it would invent a
 * zone it never had. Pure and isomorphic; the locale and zone default to the runtime's, so
 * server-rendered pages format on the client (components/ui/local-time.tsx).
 */

export interface DateFormatOptions {
  /** BCP 47 locale; the runtime's (the user's browser) by default. */
  locale?: string;
  /** IANA time zone; the runtime's by default. */
  timeZone?: string;
  /** Add the zone's short name ("UTC", "GMT+2", "PST"). */
  showZone?: boolean;
}

export interface ParsedTimestamp {
  date: Date;
  /** False for a naive timestamp: `date` then holds the stored wall-clock time as UTC. */
  zoned: boolean;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_DATETIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

function validParts(y: number, mo: number, d: number, h: number, mi: number, s: number): boolean {
  const daysInMonth = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth && h <= 23 && mi <= 59 && s <= 59;
}

/** A Date, an ISO timestamp (with or without a zone) or an ISO date; null when it is none. */
export function parseTimestamp(value: unknown): ParsedTimestamp | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : { date: value, zoned: true };
  if (typeof value !== "string") return null;
  const text = value.trim();
  const dateOnly = ISO_DATE.exec(text);
  if (dateOnly && !validParts(Number(dateOnly[1]), Number(dateOnly[2]), Number(dateOnly[3]), 0, 0, 0)) return null;
  if (dateOnly) return { date: new Date(Date.UTC(Number(dateOnly[1]), Number(dateOnly[2]) - 1, Number(dateOnly[3]))), zoned: false };
  const match = ISO_DATETIME.exec(text);
  if (!match) return null;
  const [, y, mo, d, h, mi, s = "0", fraction = "", zone] = match;
  if (!validParts(Number(y), Number(mo), Number(d), Number(h), Number(mi), Number(s))) return null;
  if (zone) {
    const normalized = zone.toUpperCase() === "Z" ? "Z" : zone.length === 3 ? `${zone}:00` : `${zone.slice(0, 3)}:${zone.slice(-2)}`;
    const date = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s.padStart(2, "0")}${fraction.slice(0, 4)}${normalized}`);
    return Number.isNaN(date.getTime()) ? null : { date, zoned: true };
  }
  const ms = Math.round(Number(`0${fraction || "."}0`) * 1000);
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), ms));
  return Number.isNaN(date.getTime()) ? null : { date, zoned: false };
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string | undefined, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale ?? ""}|${JSON.stringify(options)}`;
  let cached = formatters.get(key);
  if (!cached) {
    cached = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, cached);
  }
  return cached;
}

const DAY: Intl.DateTimeFormatOptions = { year: "numeric", month: "short", day: "numeric" };

/** A timestamp as "Mar 4, 2026, 10:22 AM" (seconds only when not zero); null when it is not one. */
export function formatDateTime(value: unknown, options: DateFormatOptions = {}): string | null {
  const parsed = parseTimestamp(value);
  if (!parsed) return null;
  const { date, zoned } = parsed;
  const seconds = (zoned ? date.getSeconds() : date.getUTCSeconds()) !== 0;
  return formatter(options.locale, {
    ...DAY,
    hour: "numeric",
    minute: "2-digit",
    ...(seconds ? { second: "2-digit" } : {}),
    // A naive value is its own wall clock: shown as stored, never with a zone it did not have.
    timeZone: zoned ? options.timeZone : "UTC",
    ...(zoned && options.showZone ? { timeZoneName: "short" } : {}),
  }).format(date);
}

/** A calendar date as "Mar 4, 2026". A date has no zone: "2026-03-04" is that day everywhere. */
export function formatDate(value: unknown, options: Pick<DateFormatOptions, "locale"> = {}): string | null {
  const parsed = parseTimestamp(value);
  if (!parsed) return null;
  // A Date object (a driver's DATE) is midnight UTC of its day.
  return formatter(options.locale, { ...DAY, timeZone: "UTC" }).format(parsed.date);
}
