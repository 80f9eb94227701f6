/**
 * Mapping an action's input fields to what the grid has: a column of the selected rows, a
 * constant, or a value the operator types at run time (one value for all rows). This file
 * holds the types, whether a column's type can feed a field (`columnFits`), and the suggestions
 * by name (`suggestMapping`: exact, case-insensitive, snake/camel variants, `id` → `orderId` on
 * the `orders` table, `orders.id` named in the field's description). Pure, no React.
 */
import type { GridColumnType } from "@/components/grid";
import { describeSpec, type FieldSpec, type InputField } from "./input-fields";

export type FieldMapping =
  | { kind: "column"; column: string }
  | { kind: "constant"; text: string }
  | { kind: "runtime" }
  | { kind: "empty" };

export type Mapping = Record<string, FieldMapping>;

/** A grid column as the mapping sees it (see `gridColumnsFromResult`). */
export interface MappableColumn {
  name: string;
  type: GridColumnType;
  enumValues?: string[];
}

/** What an action says about how it takes rows. */
export interface ActionShape {
  mode: "perRow" | "batch";
  /** Batch actions: the array field that takes the selection. */
  selectionField: string | null;
}

/** The field that takes the selection as a list (batch actions only). */
export function isSelectionField(shape: ActionShape, field: InputField): boolean {
  return shape.mode === "batch" && shape.selectionField === field.name;
}

/** Which sources a field may take: the selection field only a column; other batch fields no column (one invocation, many rows). */
export function allowedKinds(shape: ActionShape, field: InputField): FieldMapping["kind"][] {
  if (isSelectionField(shape, field)) return ["column"];
  const kinds: FieldMapping["kind"][] = shape.mode === "perRow" ? ["column", "constant", "runtime"] : ["constant", "runtime"];
  if (!field.required) kinds.push("empty");
  return kinds;
}

const COLUMN_TYPE_TEXT: Record<GridColumnType, string> = {
  text: "text",
  enum: "text",
  url: "text",
  integer: "a whole number",
  money: "whole cents",
  decimal: "a decimal number",
  date: "a date",
  datetime: "a date and time",
  boolean: "true/false",
  json: "JSON",
};

export function describeColumnType(type: GridColumnType): string {
  return COLUMN_TYPE_TEXT[type];
}

const NUMERIC_COLUMNS = new Set<GridColumnType>(["integer", "money", "decimal"]);
const WHOLE_COLUMNS = new Set<GridColumnType>(["integer", "money"]);

/**
 * Why a column's values cannot feed a field, by type alone ("total_cents is text; amountCents
 * needs a whole number"), or null when the types agree. Values are checked row by row as well.
 */
export function columnFits(field: { name: string } & FieldSpec, column: MappableColumn): string | null {
  const fits = (() => {
    switch (field.type) {
      case "integer":
        return WHOLE_COLUMNS.has(column.type);
      case "number":
        return NUMERIC_COLUMNS.has(column.type);
      case "boolean":
        return column.type === "boolean";
      case "string":
        return column.type !== "json";
      case "object":
        return column.type === "json";
      case "array":
        return column.type === "json";
      default:
        return true;
    }
  })();
  if (fits) return null;
  return `${column.name} is ${describeColumnType(column.type)}; ${field.name} needs ${describeSpec(field)}`;
}

// ---------------------------------------------------------------------------------------------
// Suggestions by name

/** "order_id", "orderId", "Order-ID" → "orderid". */
export function normalizeName(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, "");
}

/** "orders" → "order", "categories" → "category", "boxes" → "box", "status" stays. */
export function singular(word: string): string {
  if (/ies$/i.test(word)) return word.slice(0, -3) + "y";
  if (/(xes|zes|ches|shes|sses|uses)$/i.test(word)) return word.slice(0, -2);
  if (/(ss|us|is)$/i.test(word)) return word;
  if (/s$/i.test(word)) return word.slice(0, -1);
  return word;
}

/** "order" → "orders", "category" → "categories", "box" → "boxes". */
export function plural(word: string): string {
  if (/[^aeiou]y$/i.test(word)) return word.slice(0, -1) + "ies";
  if (/(s|x|z|ch|sh)$/i.test(word)) return word + "es";
  return word + "s";
}

/** The entity names a table's rows stand for: "support_tickets" → ["supportticket", "ticket"]. */
function entityNames(table: string): string[] {
  const words = table.split(/[^A-Za-z0-9]+|(?<=[a-z])(?=[A-Z])/).filter(Boolean);
  const last = words.at(-1);
  const names = new Set([normalizeName(singular(table)), normalizeName(words.slice(0, -1).join("") + (last ? singular(last) : ""))]);
  if (last) names.add(normalizeName(singular(last)));
  names.delete("");
  return [...names];
}

export interface Suggestion {
  column: string;
  /** Why, for the builder: "same name", "orders.id is this table's id" … */
  reason: string;
  score: number;
}

/** The columns that could feed a field by name, best first. The selection field's name is read in the singular ("orderIds" → "orderId"). */
export function nameMatches(field: InputField, columns: readonly MappableColumn[], table: string, selection = false): Suggestion[] {
  const fieldName = selection ? (/(Ids|IDs|_ids)$/.test(field.name) ? field.name.slice(0, -1) : singular(field.name)) : field.name;
  const wanted = normalizeName(fieldName);
  const entities = entityNames(table);
  const referenced = /\b([A-Za-z_][\w]*)\.([A-Za-z_][\w]*)\b/.exec(field.description ?? "");
  const out: Suggestion[] = [];
  for (const column of columns) {
    const name = normalizeName(column.name);
    if (column.name === fieldName) out.push({ column: column.name, reason: "same name", score: 5 });
    else if (name === wanted) out.push({ column: column.name, reason: `same name as ${fieldName}`, score: 4 });
    else if (referenced && referenced[1] === table && referenced[2] === column.name) out.push({ column: column.name, reason: `the field is ${table}.${column.name}`, score: 3 });
    else if (name === "id" && entities.some((entity) => wanted === `${entity}id`)) out.push({ column: column.name, reason: `the id of ${table}`, score: 3 });
  }
  return out.sort((a, b) => b.score - a.score);
}

export interface SuggestedMapping {
  mapping: Mapping;
  /** Field name → why its column was suggested (fields mapped by name only). */
  reasons: Record<string, string>;
}

/**
 * A starting mapping: each field's best name match (one whose type fits first; a match that does
 * not fit is still suggested, and flagged, rather than hidden); otherwise a value typed at run
 * time when the field is required, or nothing when it is optional.
 */
export function suggestMapping(fields: readonly InputField[], columns: readonly MappableColumn[], table: string, shape: ActionShape): SuggestedMapping {
  const mapping: Mapping = {};
  const reasons: Record<string, string> = {};
  for (const field of fields) {
    const kinds = allowedKinds(shape, field);
    const selection = isSelectionField(shape, field);
    const target = selection && field.items ? { ...field.items, name: field.name } : field;
    if (kinds.includes("column")) {
      const matches = nameMatches(field, columns, table, selection);
      const best = matches.find((match) => {
        const column = columns.find((candidate) => candidate.name === match.column);
        return column !== undefined && columnFits(target, column) === null;
      }) ?? matches[0];
      if (best) {
        mapping[field.name] = { kind: "column", column: best.column };
        reasons[field.name] = best.reason;
        continue;
      }
      if (selection) {
        mapping[field.name] = { kind: "column", column: "" };
        continue;
      }
    }
    mapping[field.name] = field.required ? { kind: "runtime" } : { kind: "empty" };
  }
  return { mapping, reasons };
}

/** Keeps a saved mapping's entries that still make sense for these fields and columns; the rest come from the suggestion. */
export function mergeMapping(saved: Mapping | null, suggested: Mapping, fields: readonly InputField[], columns: readonly MappableColumn[], shape: ActionShape): Mapping {
  if (!saved) return suggested;
  const out: Mapping = { ...suggested };
  for (const field of fields) {
    const entry = saved[field.name];
    if (!entry || !allowedKinds(shape, field).includes(entry.kind)) continue;
    if (entry.kind === "column" && !columns.some((column) => column.name === entry.column)) continue;
    out[field.name] = entry;
  }
  return out;
}
