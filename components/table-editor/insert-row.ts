/**
 * The Add row dialog's rules, pure: each field is typed, parsed and validated exactly as the
 * grid does it (the same column types and `parseCellInput`: money typed in the unit the grid
 * shows and stored as cents, enum values from the column's list), and a database error is put
 * next to the field it names (NOT NULL, CHECK, foreign key, unique, wrong type) when it names one.
 */
import { parseCellInput, type GridColumn, type GridColumnType } from "@/components/grid";
import type { EditorColumn } from "@/lib/schemas/tables";

export type InsertCell = string | number | boolean | null;

export interface InsertField {
  name: string;
  dataType: string;
  type: GridColumnType;
  enumValues?: string[];
  nullable: boolean;
  isPrimaryKey: boolean;
}

/** The dialog's fields: the table's columns with the grid's type for each. */
export function insertFields(columns: readonly EditorColumn[], gridColumns: readonly GridColumn[]): InsertField[] {
  const byId = new Map(gridColumns.map((column) => [column.id, column]));
  return columns.map((column) => {
    const grid = byId.get(column.name);
    return {
      name: column.name,
      dataType: column.dataType,
      type: grid?.type ?? "text",
      ...(grid?.enumValues ? { enumValues: grid.enumValues } : {}),
      nullable: column.nullable,
      isPrimaryKey: column.isPrimaryKey,
    };
  });
}

const HINTS: Partial<Record<GridColumnType, string>> = {
  money: "Amount as the grid shows it, e.g. 12.50 (stored in cents)",
  integer: "Whole number",
  decimal: "Number, e.g. 12.5",
  date: "YYYY-MM-DD",
  datetime: "YYYY-MM-DD HH:MM, your local time",
  json: 'JSON, e.g. {"key": 1}',
  url: "https://…",
};

/** What the field's hint says: what to type, and whether it may be left blank. */
export function fieldHint(field: InsertField): string {
  const what = HINTS[field.type] ?? field.dataType;
  const blank = field.nullable ? "optional" : field.isPrimaryKey ? "blank for an automatic key" : "required unless the table has a default";
  return `${what} · ${blank}`;
}

export type InsertParse = { ok: true; row: Record<string, InsertCell> } | { ok: false; errors: Record<string, string> };

/** Typed texts → the row to insert. Blank fields are left out (the database's default applies). */
export function parseInsertRow(fields: readonly InsertField[], texts: Readonly<Record<string, string>>): InsertParse {
  const row: Record<string, InsertCell> = {};
  const errors: Record<string, string> = {};
  for (const field of fields) {
    const text = texts[field.name] ?? "";
    if (text.trim() === "" && field.type !== "text") continue;
    if (text === "") continue;
    const parsed = parseCellInput(field.type, text, field.enumValues);
    if (!parsed.ok) {
      errors[field.name] = parsed.message;
      continue;
    }
    const value = parsed.value;
    row[field.name] = value === null || typeof value === "string" || typeof value === "number" || typeof value === "boolean" ? value : JSON.stringify(value);
  }
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, row };
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * The column a database error is about, when it names one of `names`: SQLite
 * ("NOT NULL constraint failed: orders.customer_id"), PostgreSQL ('null value in column
 * "customer_id" of relation …'), MySQL/MariaDB ("Column 'customer_id' cannot be null",
 * "Field 'customer_id' doesn't have a default value"), and other messages quoting the name.
 */
export function fieldOfError(message: string, names: readonly string[]): string | null {
  const longestFirst = [...names].sort((a, b) => b.length - a.length);
  for (const name of longestFirst) {
    const n = escape(name);
    const patterns = [new RegExp(`\\.${n}\\b`), new RegExp(`["'\`]${n}["'\`]`), new RegExp(`\\bcolumn ${n}\\b`, "i")];
    if (patterns.some((pattern) => pattern.test(message))) return name;
  }
  return null;
}

/** A database error in words next to its field: "Required: the database refuses an empty value." for NOT NULL. */
export function fieldErrorText(message: string): string {
  if (/not[ -]null|cannot be null|doesn't have a default/i.test(message)) return "Required: the database refuses an empty value here.";
  if (/unique|duplicate/i.test(message)) return "Already taken: another row has this value.";
  if (/foreign key/i.test(message)) return "No matching row: this value must refer to an existing row.";
  return message;
}
