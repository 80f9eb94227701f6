/**
 * A table widget's grid columns: from the query result's columns when the table shows a query's
 * data directly (the database types), otherwise from the rows' keys; then the widget's
 * overrides (label, hidden, format) and which cells may be edited. Pure.
 */
import { gridColumnsFromResult, type GridColumn, type GridColumnType } from "@/components/grid";
import type { ColumnFormat } from "@/lib/app-document";
import { resolveNumberFormat, type NumberFormat } from "@/lib/format";
import type { QueryColumn, QueryEditable } from "@/lib/schemas/queries";
import { rowKeys, type Rows } from "./widget-data";

export interface ColumnOverride {
  key: string;
  label?: string;
  hidden?: boolean;
  format?: ColumnFormat;
  editable?: boolean;
}

const numericOr = (inferred: GridColumnType, fallback: GridColumnType): GridColumnType => (inferred === "integer" || inferred === "decimal" ? inferred : fallback);

/**
 * The grid type (how cells are edited) and number format (how they read) of an override. The
 * word "money" is integer cents (the migration rule in lib/app-document/schema.ts). Money in
 * cents edits as an amount and stores cents; money in units and percents edit the stored number.
 */
function typeFor(format: ColumnFormat, inferred: GridColumnType): { type: GridColumnType; format?: NumberFormat } {
  if (format === "number") return { type: numericOr(inferred, "decimal") };
  if (format === "money") return { type: "money", format: resolveNumberFormat("money") };
  if (typeof format === "string") return { type: format };
  const resolved = resolveNumberFormat(format);
  if (resolved.style === "money" && resolved.unit === "cents") return { type: "money", format: resolved };
  return { type: numericOr(inferred, "decimal"), format: resolved };
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
    const { type, format } = override.format ? typeFor(override.format, column.type) : { type: column.type, format: undefined };
    const { enumValues, ...rest } = column;
    return [{ ...rest, ...(type === column.type && enumValues ? { enumValues } : {}), ...(format ? { format } : {}), name: override.label ?? column.name, type }];
  });
}
