/**
 * CSV export of the grid's current view (every filtered and sorted row, the visible columns in
 * their order — not just what is on screen), per RFC 4180: CRLF line ends, a header line, and
 * fields with a comma, quote or line break quoted with inner quotes doubled. Values are written
 * as their edit text (money as 1234.56, NULL as an empty field), staged edits included.
 */
import { csvField, guardFormula } from "@/lib/csv";
import { toEditText, isNumericType } from "./column-types";
import { cellKey } from "./grid-edits";
import type { GridColumn, GridRow, StagedEdits } from "./types";

export interface CsvOptions {
  /** Staged edits to export instead of the loaded values (cells with errors export as loaded). */
  staged?: StagedEdits;
  getRowId?: (row: GridRow) => string;
  /**
   * Prefix text that a spreadsheet would run as a formula (=, +, -, @) with an apostrophe, so
   * opening an export of untrusted data cannot run code. Default true; numbers are left alone.
   */
  escapeFormulas?: boolean;
}

export { csvField };

export function exportCsv(columns: readonly GridColumn[], rows: readonly (GridRow | undefined)[], options: CsvOptions = {}): string {
  const escape = options.escapeFormulas ?? true;
  const lines: string[] = [columns.map((column) => csvField(escape ? guardFormula(column.name) : column.name)).join(",")];
  for (const row of rows) {
    if (!row) continue;
    const rowId = options.staged && options.getRowId ? options.getRowId(row) : null;
    const fields = columns.map((column) => {
      const edit = rowId === null ? undefined : options.staged?.get(cellKey(rowId, column.id));
      const value = edit && edit.error === undefined ? edit.after : row[column.id];
      const text = toEditText(column.type, value);
      return csvField(escape && !isNumericType(column.type) ? guardFormula(text) : text);
    });
    lines.push(fields.join(","));
  }
  return lines.join("\r\n") + "\r\n";
}

/** A file name for an export: the grid's label in lowercase words, e.g. "Order results" → "order-results.csv". */
export function csvFileName(label: string): string {
  const base = label.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  return `${base || "export"}.csv`;
}
