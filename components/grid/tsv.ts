/**
 * Clipboard text in the format Excel, Google Sheets and LibreOffice exchange: tab-separated
 * cells, one line per row, and a cell that holds a tab, a line break or a quote wrapped in
 * quotes with inner quotes doubled. Values are written as their edit text (toEditText), so a
 * copied range pastes back into the grid unchanged.
 */
import { toEditText } from "./column-types";
import { cellKey } from "./grid-edits";
import { rangeBounds } from "./range";
import type { CellRange, GridColumn, GridRow, StagedEdits } from "./types";

function quoteTsvCell(text: string): string {
  return /[\t\n\r"]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Text of several rows of cells as TSV. */
export function toTsv(matrix: readonly (readonly string[])[]): string {
  return matrix.map((cells) => cells.map(quoteTsvCell).join("\t")).join("\n");
}

/**
 * The range as TSV. Pass `edits` so staged values are copied rather than the loaded ones;
 * rows not loaded yet copy as empty cells.
 */
export function copyRange(
  rows: readonly (GridRow | undefined)[],
  columns: readonly GridColumn[],
  range: CellRange,
  edits?: { staged: StagedEdits; getRowId: (row: GridRow) => string },
): string {
  const b = rangeBounds(range);
  const matrix: string[][] = [];
  for (let r = b.top; r <= Math.min(b.bottom, rows.length - 1); r += 1) {
    const row = rows[r];
    const rowId = row && edits ? edits.getRowId(row) : null;
    const cells: string[] = [];
    for (let c = b.left; c <= Math.min(b.right, columns.length - 1); c += 1) {
      const column = columns[c];
      if (!column || !row) {
        cells.push("");
        continue;
      }
      const edit = rowId === null ? undefined : edits?.staged.get(cellKey(rowId, column.id));
      if (edit?.error !== undefined) cells.push(String(edit.after ?? ""));
      else cells.push(toEditText(column.type, edit ? edit.after : row[column.id]));
    }
    matrix.push(cells);
  }
  return toTsv(matrix);
}

/**
 * TSV → rows of cell texts. Understands quoted cells (with tabs, line breaks and doubled
 * quotes inside), CRLF/LF/CR line ends, and drops the final line break spreadsheets append.
 */
export function parseTsv(text: string): string[][] {
  if (text === "") return [];
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let i = 0;
  let atCellStart = true;
  const endCell = () => {
    row.push(cell);
    cell = "";
    atCellStart = true;
  };
  const endRow = () => {
    endCell();
    rows.push(row);
    row = [];
  };
  while (i < text.length) {
    const ch = text[i] as string;
    if (atCellStart && ch === '"') {
      // A quoted cell: runs to the next quote that is not doubled.
      let j = i + 1;
      let quoted = "";
      let closed = false;
      while (j < text.length) {
        const inner = text[j] as string;
        if (inner === '"') {
          if (text[j + 1] === '"') {
            quoted += '"';
            j += 2;
            continue;
          }
          closed = true;
          j += 1;
          break;
        }
        quoted += inner;
        j += 1;
      }
      if (closed) {
        cell = quoted;
        i = j;
        atCellStart = false;
        continue;
      }
      // An unmatched quote is just a character.
    }
    atCellStart = false;
    if (ch === "\t") {
      endCell();
      i += 1;
    } else if (ch === "\r" || ch === "\n") {
      endRow();
      i += ch === "\r" && text[i + 1] === "\n" ? 2 : 1;
    } else {
      cell += ch;
      i += 1;
    }
  }
  // Text ending in a line break: that break closed the last row already.
  if (!(atCellStart && row.length === 0 && cell === "" && /[\r\n]$/.test(text))) endRow();
  return rows;
}
