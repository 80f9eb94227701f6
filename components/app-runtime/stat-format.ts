/**
 * A stat tile's numbers: the value in its format (number, money from integer cents, percent
 * where the value is already in percent — `round(rate * 100, 1)` — or text) and the change from
 * the comparison, coloured by whether that direction is good. Pure, Intl-formatted (en-US).
 */
import { toChartNumber } from "./chart-data";

export type StatFormat = "number" | "money" | "percent" | "text";
export type Trend = "up-is-good" | "down-is-good";

const numberFormat = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });
const moneyFormat = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });
const percentFormat = new Intl.NumberFormat("en-US", { style: "percent", maximumFractionDigits: 2 });

/** The value as shown; null/undefined are "—". Values that are not numbers are shown as text. */
export function formatStat(value: unknown, format: StatFormat): string {
  if (value === null || value === undefined || value === "") return "—";
  if (format === "text") return typeof value === "object" ? JSON.stringify(value) : String(value);
  const number = toChartNumber(value);
  if (number === null) return String(value);
  if (format === "money") return moneyFormat.format(number / 100);
  if (format === "percent") return percentFormat.format(number / 100);
  return numberFormat.format(number);
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

export function statChange(value: unknown, comparison: unknown, format: StatFormat, trend: Trend | undefined): StatChange | null {
  const now = toChartNumber(value);
  const before = toChartNumber(comparison);
  if (now === null || before === null || format === "text") return null;
  const diff = now - before;
  const direction = diff > 0 ? "up" : diff < 0 ? "down" : "flat";
  const good = direction === "flat" || !trend ? null : (direction === "up") === (trend === "up-is-good");
  const text =
    before !== 0 ? `${diff > 0 ? "+" : diff < 0 ? "−" : ""}${percentFormat.format(Math.abs(diff / before))}` : `${diff > 0 ? "+" : diff < 0 ? "−" : ""}${formatStat(Math.abs(diff), format)}`;
  const word = direction === "up" ? "Up" : direction === "down" ? "Down" : "No change";
  const description = direction === "flat" ? `No change from ${formatStat(before, format)}` : `${word} ${text.replace(/^[+−]/, "")} from ${formatStat(before, format)}`;
  return { direction, good, text, description };
}
