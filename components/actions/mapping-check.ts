/**
 * Type-checking a mapping against the action's input schema before anything runs, and turning
 * it into the inputs `actions.startRun` / `actions.run` take. A column is checked by type
 * (`columnFits`) and then value by value on the selected rows; constants and run-time values
 * are parsed and checked like typed cells. Run stays disabled while `ok` is false. The server
 * validates again with zod; this is so the operator learns why before pressing Run. Pure.
 */
import { MAX_RUN_ITEMS } from "@/lib/schemas/actions";
import { parseFieldText, valueProblem, type FieldSpec, type InputField } from "./input-fields";
import { allowedKinds, columnFits, isSelectionField, type ActionShape, type Mapping, type MappableColumn } from "./mapping";
import { countLabel, rowKeyLabel } from "./run-format";

export interface SelectedRow {
  /** The grid's row id; the run item's `rowKey`. */
  rowKey: string;
  row: Record<string, unknown>;
}

export interface MappingInput {
  fields: readonly InputField[];
  shape: ActionShape;
  columns: readonly MappableColumn[];
  rows: readonly SelectedRow[];
  mapping: Mapping;
  /** Values typed at run time, by field name (one value for all rows). */
  runtime: Readonly<Record<string, string>>;
}

export interface MappingCheck {
  /** Field → what is wrong with its mapping (type, required, a row's value, a constant), or null. */
  fields: Record<string, string | null>;
  /** Field → what is wrong with the value typed for this run, or null. */
  runtime: Record<string, string | null>;
  /** Problems of the whole selection (no rows, too many). */
  general: string[];
  ok: boolean;
}

const NUMERIC_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** A cell's value as the field's JS type, where the conversion is lossless (PostgreSQL bigints arrive as text). */
export function fromCell(spec: FieldSpec, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  switch (spec.type) {
    case "integer":
    case "number":
      if (typeof value === "bigint") return Number(value);
      if (typeof value === "string" && NUMERIC_TEXT.test(value.trim())) return Number(value.trim());
      return value;
    case "string":
      if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") return String(value);
      if (typeof value === "object") return JSON.stringify(value);
      return value;
    case "boolean":
      if (value === 1 || value === "1" || value === "t" || value === "true") return true;
      if (value === 0 || value === "0" || value === "f" || value === "false") return false;
      return value;
    case "array":
    case "object":
      if (typeof value !== "string") return value;
      try {
        return JSON.parse(value) as unknown;
      } catch {
        return value;
      }
    default:
      return value;
  }
}

/** The value of one field for one row; `undefined` leaves the field out of the input. */
function fieldValue(field: InputField, input: MappingInput, row: SelectedRow | null): unknown {
  const entry = input.mapping[field.name] ?? { kind: "empty" };
  switch (entry.kind) {
    case "column": {
      if (isSelectionField(input.shape, field)) return input.rows.map((selected) => fromCell(field.items ?? { type: "any", nullable: true }, selected.row[entry.column]));
      const value = row ? fromCell(field, row.row[entry.column]) : null;
      return value === null && !field.nullable ? undefined : value;
    }
    case "constant": {
      const parsed = parseFieldText(field, entry.text);
      return parsed.ok ? parsed.value : undefined;
    }
    case "runtime": {
      const parsed = parseFieldText(field, input.runtime[field.name] ?? "");
      return parsed.ok ? parsed.value : undefined;
    }
    default:
      return undefined;
  }
}

function inputFor(input: MappingInput, row: SelectedRow | null): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of input.fields) {
    const value = fieldValue(field, input, row);
    if (value !== undefined) out[field.name] = value;
  }
  return out;
}

/** Per-row actions: one item per selected row, keyed by the grid's row id. */
export function buildRunItems(input: MappingInput): { rowKey: string; input: Record<string, unknown> }[] {
  return input.rows.map((row) => ({ rowKey: row.rowKey, input: inputFor(input, row) }));
}

/** Batch actions: one input, the selection as a list in the selection field. */
export function buildBatchInput(input: MappingInput): Record<string, unknown> {
  return inputFor(input, null);
}

function typedValueProblem(field: InputField, text: string, what: string): string | null {
  const parsed = parseFieldText(field, text);
  if (!parsed.ok) return parsed.message;
  if (parsed.value === undefined) return field.required ? `${field.name} is required: ${what}` : null;
  const problem = valueProblem(field, parsed.value);
  return problem ? `${field.name}: ${problem}` : null;
}

/** Rows whose value in `column` does not fit: "customer_id of row 12: 0 is not above 0 (and 2 more rows)". */
function rowsProblem(field: InputField, column: string, rows: readonly SelectedRow[]): string | null {
  let empty = 0;
  let first: string | null = null;
  let bad = 0;
  for (const selected of rows) {
    const value = fromCell(field, selected.row[column]);
    if (value === null) {
      if (field.required && !field.nullable) empty += 1;
      continue;
    }
    const problem = valueProblem(field, value);
    if (!problem) continue;
    bad += 1;
    first ??= `${column} of row ${rowKeyLabel(selected.rowKey)}: ${problem}`;
  }
  if (empty) return `${empty === rows.length ? `The selected ${rows.length === 1 ? "row has" : "rows have"}` : `${empty} of ${countLabel(rows.length, "selected row")} ${empty === 1 ? "has" : "have"}`} no ${column}; ${field.name} is required`;
  if (first) return bad > 1 ? `${first} (and ${bad - 1} more ${bad === 2 ? "row" : "rows"})` : first;
  return null;
}

export function checkMapping(input: MappingInput): MappingCheck {
  const { fields, shape, columns, rows, mapping, runtime } = input;
  const check: MappingCheck = { fields: {}, runtime: {}, general: [], ok: true };
  if (rows.length === 0) check.general.push("Select at least one row.");
  if (shape.mode === "perRow" && rows.length > MAX_RUN_ITEMS) check.general.push(`A run holds at most ${MAX_RUN_ITEMS.toLocaleString("en-US")} rows; select fewer.`);

  for (const field of fields) {
    const entry = mapping[field.name] ?? { kind: "empty" };
    let problem: string | null = null;
    if (!allowedKinds(shape, field).includes(entry.kind)) {
      problem = isSelectionField(shape, field) ? `Choose the column whose values make up ${field.name}` : `${field.name} is required: map it to ${shape.mode === "perRow" ? "a column, " : ""}a constant or a value typed at run time`;
    } else if (entry.kind === "column") {
      const column = columns.find((candidate) => candidate.name === entry.column);
      const selection = isSelectionField(shape, field);
      const spec = selection ? field.items ?? { type: "any" as const, nullable: true } : field;
      if (!entry.column) problem = `Choose a column for ${field.name}`;
      else if (!column) problem = `${entry.column} is not a column of this table`;
      else problem = columnFits({ ...spec, name: field.name }, column);
      if (!problem && column) {
        if (selection) {
          const value = fieldValue(field, input, null);
          const found = valueProblem(field, value);
          problem = found ? `${field.name} ${found}` : null;
        } else {
          problem = rowsProblem(field, column.name, rows);
        }
      }
    } else if (entry.kind === "constant") {
      problem = typedValueProblem(field, entry.text, "enter the constant");
    } else if (entry.kind === "runtime") {
      check.runtime[field.name] = typedValueProblem(field, runtime[field.name] ?? "", "type a value for this run");
    }
    check.fields[field.name] = problem;
  }
  check.ok = check.general.length === 0 && Object.values(check.fields).every((problem) => problem === null) && Object.values(check.runtime).every((problem) => problem === null);
  return check;
}
