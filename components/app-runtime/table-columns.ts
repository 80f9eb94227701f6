/**
 * A table widget's grid columns: from the query result's columns when the table shows a query's
 * data directly (the database types), otherwise from the rows' keys; then the widget's
 * overrides (label, hidden, format) and which cells may be edited. Pure.
 */
import { gridColumnsFromResult, type GridColumn, type GridColumnType } from "@/components/grid";
import type { COLUMN_FORMATS } from "@/lib/app-document";
import type { QueryColumn, QueryEditable } from "@/lib/schemas/queries";
import { rowKeys, type Rows } from "./widget-data";

export interface ColumnOverride {
  key: string;
  label?: string;
  hidden?: boolean;
  format?: (typeof COLUMN_FORMATS)[number];
  editable?: boolean;
}

function typeFor(format: NonNullable<ColumnOverride["format"]>, inferred: GridColumnType): GridColumnType {
  if (format === "number") return inferred === "integer" || inferred === "decimal" ? inferred : "decimal";
  return format;
}

/**
 * Result columns the widget lets users edit, mirroring the server's rule (editableOutputs): only
 * the ones it marks `editable: true` and does not hide, that the guard found editable.
 */
export function editableColumns(overrides: readonly ColumnOverride[], editable: QueryEditable): Set<string> {
  const mapped = new Set(editable.columns.map((column) => column.output));
  return new Set(overrides.filter((column) => column.editable === true && column.hidden !== true && mapped.has(column.key)).map((column) => column.key));
}

export function tableGridColumns(options: { sourceColumns: readonly QueryColumn[] | null; rows: Rows; overrides: readonly ColumnOverride[]; editable?: ReadonlySet<string> }): GridColumn[] {
  const { rows, overrides, editable } = options;
  const columns = options.sourceColumns ?? rowKeys(rows).map((name) => ({ name, dataType: "" }));
  const byKey = new Map(overrides.map((override) => [override.key, override]));
  return gridColumnsFromResult(columns, rows, { editable: (name) => editable?.has(name) ?? false }).flatMap((column) => {
    const override = byKey.get(column.id);
    if (!override) return [column];
    if (override.hidden) return [];
    const type = override.format ? typeFor(override.format, column.type) : column.type;
    const { enumValues, ...rest } = column;
    return [{ ...rest, ...(type === column.type && enumValues ? { enumValues } : {}), name: override.label ?? column.name, type }];
  });
}
