/**
 * CSV export of the grid's current view (every filtered and sorted row, the visible columns in
 * their order — not just what is on screen), per RFC 4180: CRLF line ends, a header line, and
 * fields with a comma, quote or line break quoted with inner quotes doubled. Staged edits are
 * included.
 *
 * Two modes, never mixed: "raw" (the default, as Sheets and Retool export) writes the database
 * values under the raw column names — `total_cents` holds 284, not 2.84; "formatted" writes
 * what the screen shows under the column labels ("Total": "$2.84").
 */
import { csvField, guardFormula } from "@/lib/csv";
import { formatCellText } from "./cell-format";
import { isNumericType } from "./column-types";
import { cellKey } from "./grid-edits";
import type { GridColumn, GridRow, StagedEdits } from "./types";

export type CsvMode = "raw" | "formatted";

export interface CsvOptions {
  mode?: CsvMode;
  /** Staged edits to export instead of the loaded values (cells with errors export as loaded). */
  staged?: StagedEdits;
  getRowId?: (row: GridRow) => string;
  /**
   * Prefix text that a spreadsheet would run as a formula (=, +, -, @) with an apostrophe, so
   * opening an export of untrusted data cannot run code. Default true; numbers are left alone.
   */
  escapeFormulas?: boolean;
  /** Locale and zone of formatted values (the user's by default). */
  locale?: string;
  timeZone?: string;
}

export { csvField };

/** A database value as text, unchanged: numbers as stored, NULL as an empty field, JSON as JSON. */
export function rawText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

const NUMERIC_TEXT = /^-?\d+(\.\d+)?$/;

/** Numbers must not get an apostrophe: a stored -5 stays -5. Text that only looks numeric in a text column is guarded. */
function isNumberValue(column: GridColumn, value: unknown): boolean {
  return typeof value === "number" || typeof value === "bigint" || (isNumericType(column.type) && typeof value === "string" && NUMERIC_TEXT.test(value));
}

export function exportCsv(columns: readonly GridColumn[], rows: readonly (GridRow | undefined)[], options: CsvOptions = {}): string {
  const escape = options.escapeFormulas ?? true;
  const formatted = options.mode === "formatted";
  const header = columns.map((column) => (formatted ? column.name : column.id));
  const lines: string[] = [header.map((name) => csvField(escape ? guardFormula(name) : name)).join(",")];
  for (const row of rows) {
    if (!row) continue;
    const rowId = options.staged && options.getRowId ? options.getRowId(row) : null;
    const fields = columns.map((column) => {
      const edit = rowId === null ? undefined : options.staged?.get(cellKey(rowId, column.id));
      const value = edit && edit.error === undefined ? edit.after : row[column.id];
      if (formatted) {
        const text = formatCellText(column.type, value, { format: column.format, row, locale: options.locale, timeZone: options.timeZone });
        return csvField(escape && !isNumericType(column.type) ? guardFormula(text) : text);
      }
      const text = rawText(value);
      return csvField(escape && !isNumberValue(column, value) ? guardFormula(text) : text);
    });
    lines.push(fields.join(","));
  }
  return lines.join("\r\n") + "\r\n";
}

/** A file name for an export: the grid's label in lowercase words, e.g. "Order results" → "order-results.csv". */
export function csvFileName(label: string, mode: CsvMode = "raw"): string {
  const base = label.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  return `${base || "export"}${mode === "formatted" ? "-formatted" : ""}.csv`;
}
