/** Words for versions: when a version was saved, and where a widget sits on the grid. */
import type { Layout } from "@/lib/app-document";

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 24 * 3600],
  ["month", 30 * 24 * 3600],
  ["week", 7 * 24 * 3600],
  ["day", 24 * 3600],
  ["hour", 3600],
  ["minute", 60],
];

/** "3 minutes ago", "yesterday", "just now". */
export function relativeTime(date: Date, now: Date = new Date()): string {
  const seconds = Math.round((date.getTime() - now.getTime()) / 1000);
  const format = new Intl.RelativeTimeFormat("en", { numeric: "auto" });
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return format.format(Math.trunc(seconds / size), unit);
  }
  return "just now";
}

/** "26 Nov 2026, 03:30" in the reader's time zone. */
export function absoluteTime(date: Date): string {
  return new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short" }).format(date);
}

/** "column 1, row 3, 12 × 8" (1-based, as the canvas shows it). */
export function describeLayout(layout: Layout): string {
  return `column ${layout.x + 1}, row ${layout.y + 1}, ${layout.w} × ${layout.h}`;
}
