/**
 * A stat tile's numbers: the value in its format (lib/format: money says whether it is in cents
 * or units, percent whether it is of 1 or of 100; legacy words keep their old meaning) or as
 * text, and the change from the comparison, coloured by whether that direction is good. Pure.
 */
import type { StatFormat } from "@/lib/app-document";
import { EMPTY_MARK, formatNumber, resolveNumberFormat } from "@/lib/format";
import { toChartNumber } from "./chart-data";

export type { StatFormat };
export type Trend = "up-is-good" | "down-is-good";

/** The value as shown; null/undefined are "—". Values that are not numbers are shown as text. */
export function formatStat(value: unknown, format: StatFormat, locale?: string): string {
  if (value === null || value === undefined || value === "") return EMPTY_MARK;
  if (format === "text") return typeof value === "object" ? JSON.stringify(value) : String(value);
  return formatNumber(value, resolveNumberFormat(format), { locale }) ?? String(value);
}

export interface StatChange {
  direction: "up" | "down" | "flat";
  /** true: good (green), false: bad (red), null: neutral (no trend given or no change). */
  good: boolean | null;
  /** "+12.5%" (relative), or the absolute difference when the comparison is 0. */
  text: string;
  /** "Up 12.5% from 40" — what a screen reader hears. */
  description: string;
}

export function statChange(value: unknown, comparison: unknown, format: StatFormat, trend: Trend | undefined, locale?: string): StatChange | null {
  const now = toChartNumber(value);
  const before = toChartNumber(comparison);
  if (now === null || before === null || format === "text") return null;
  const diff = now - before;
  const direction = diff > 0 ? "up" : diff < 0 ? "down" : "flat";
  const good = direction === "flat" || !trend ? null : (direction === "up") === (trend === "up-is-good");
  const sign = diff > 0 ? "+" : diff < 0 ? "−" : "";
  const relative = formatNumber(Math.abs(diff / before), { style: "percent", of: 1 }, { locale });
  const text = before !== 0 ? `${sign}${relative}` : `${sign}${formatStat(Math.abs(diff), format, locale)}`;
  const word = direction === "up" ? "Up" : direction === "down" ? "Down" : "No change";
  const description = direction === "flat" ? `No change from ${formatStat(before, format, locale)}` : `${word} ${text.replace(/^[+−]/, "")} from ${formatStat(before, format, locale)}`;
  return { direction, good, text, description };
}
