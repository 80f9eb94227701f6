/**
 * Rows as a chart draws them: the x field as a label and each y field as a number. Drivers
 * return DECIMAL and big sums as text ("12.50"), so numeric text is coerced; anything else that
 * is not a number becomes a gap (null) rather than NaN. Pure.
 */
import { formatNumber, type NumberFormat } from "@/lib/format";
import type { Rows } from "./widget-data";

export type ChartRow = Record<string, string | number | null>;

export function toChartNumber(value: unknown): number | null {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "bigint") return Number(value);
  if (typeof value === "string" && value.trim() !== "") {
    const number = Number(value.trim());
    return Number.isFinite(number) ? number : null;
  }
  if (typeof value === "boolean") return value ? 1 : 0;
  return null;
}

function label(value: unknown): string {
  if (value === null || value === undefined) return "(empty)";
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}

export interface ChartData {
  rows: ChartRow[];
  /** Fields asked for that no row has, to name on the widget. */
  missing: string[];
}

export function chartData(rows: Rows, x: string, ys: readonly string[]): ChartData {
  const present = new Set(rows.flatMap((row) => Object.keys(row)));
  const missing = rows.length ? [x, ...ys].filter((field) => !present.has(field)) : [];
  return {
    rows: rows.map((row) => {
      const out: ChartRow = { [x]: label(row[x]) };
      for (const y of ys) out[y] = toChartNumber(row[y]);
      return out;
    }),
    missing,
  };
}

/** "total_cents" → "Total cents", for axis labels and legends. */
export function fieldLabel(field: string): string {
  const words = field.replace(/[_-]+/g, " ").replace(/([a-z])([A-Z])/g, "$1 $2").trim().toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const PLAIN: NumberFormat = { style: "number" };

/**
 * The value axis and tooltips of a chart, in the chart's format (lib/format): axis ticks are
 * compact ($32K) so they fit, tooltips give the full value ($31,983.38).
 */
export function chartFormatters(format: NumberFormat = PLAIN, locale?: string) {
  return {
    tick: (value: unknown) => formatNumber(value, format, { compact: true, locale }) ?? String(value),
    tooltip: (value: unknown) => formatNumber(value, format, { locale }) ?? String(value),
  };
}
