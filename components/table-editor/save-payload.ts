/**
 * Turns the grid's pending cell edits into the table save request: one update per row, keyed by
 * the primary key the row id encodes (`keyId`), with each edited column's value as read and as
 * typed. Query results may show a table's columns under other names, so the row's key is read
 * through `outputOf` (key column → where it is in the row) and edited grid columns are named
 * through `sourceOf` (grid column → the table's column). Pure, so it is tested without a browser.
 */
import type { CellPatch } from "@/components/grid";
import { keyId } from "@/lib/schemas/tables";

type Cell = string | number | boolean | null;

const same = (column: string): string => column;

export function rowIdOf(row: Record<string, unknown>, primaryKey: readonly string[], outputOf: (column: string) => string = same): string {
  return keyId(Object.fromEntries(primaryKey.map((column) => [column, row[outputOf(column)]])));
}

export function keyOfRowId(rowId: string): Record<string, Cell> {
  const pairs = JSON.parse(rowId) as [string, Cell][];
  return Object.fromEntries(pairs);
}

function asCell(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  return JSON.stringify(value);
}

export function buildUpdates(pending: CellPatch[], sourceOf: (columnId: string) => string = same) {
  const byRow = new Map<string, Record<string, { before: Cell; after: Cell }>>();
  for (const patch of pending) {
    const changes = byRow.get(patch.rowId) ?? {};
    changes[sourceOf(patch.columnId)] = { before: asCell(patch.before), after: asCell(patch.after) };
    byRow.set(patch.rowId, changes);
  }
  return [...byRow].map(([rowId, changes]) => ({ key: keyOfRowId(rowId), changes }));
}
