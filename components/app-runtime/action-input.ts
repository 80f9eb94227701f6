/**
 * An action's input from a widget's mapping (`{ orderId: "{{ row.id }}" }`): each field's
 * binding is evaluated against the scope (plus `row` for a table's selected row), coerced to the
 * field's JSON Schema type the way grid cells are (numeric text → number), and checked before
 * anything runs, so the user reads "orderId is empty" instead of a server error. The server
 * validates again. Pure.
 */
import type { Scope } from "@/lib/bindings";
import { fieldsOfSchema, valueProblem, type InputField } from "@/components/actions/input-fields";
import { fromCell } from "@/components/actions/mapping-check";
import type { ActionSummary } from "@/lib/schemas/actions";
import { evaluateProperty } from "./bindings-cache";

export type ActionInput = Record<string, unknown>;
export type InputResult = { ok: true; input: ActionInput } | { ok: false; message: string };

function coerce(field: InputField | undefined, value: unknown): unknown {
  if (value === undefined) return undefined;
  if (!field) return value;
  if ((value === null || value === "") && field.type !== "string") return field.nullable && value === null ? null : undefined;
  if (field.type === "array" && Array.isArray(value)) return value.map((item) => fromCell(field.items ?? { type: "any", nullable: true }, item));
  const coerced = fromCell(field, value);
  return coerced === null && !field.nullable ? undefined : coerced;
}

/** Evaluates the mapping's bindings; `bad` names the first that failed. */
function evaluateMapping(mapping: Readonly<Record<string, string>>, scope: Scope): { values: Record<string, unknown>; bad: string | null } {
  const values: Record<string, unknown> = {};
  for (const [name, text] of Object.entries(mapping)) {
    const result = evaluateProperty(text, scope);
    if (!result.ok) return { values, bad: `${name}: ${result.error.message}` };
    values[name] = result.value;
  }
  return { values, bad: null };
}

/** Missing required fields and values that do not fit, in one sentence; null when the input is fine. */
export function inputProblems(fields: readonly InputField[], input: ActionInput): string | null {
  const problems: string[] = [];
  for (const field of fields) {
    const value = input[field.name];
    if (value === undefined) {
      if (field.required) problems.push(`${field.name} is empty`);
      continue;
    }
    const problem = valueProblem(field, value);
    if (problem) problems.push(`${field.name} ${problem}`);
  }
  return problems.length ? `${problems.join("; ")}.` : null;
}

function finish(fields: readonly InputField[], values: Record<string, unknown>): InputResult {
  const input: ActionInput = {};
  for (const [name, value] of Object.entries(values)) {
    const coerced = coerce(fields.find((field) => field.name === name), value);
    if (coerced !== undefined) input[name] = coerced;
  }
  const problem = inputProblems(fields, input);
  return problem ? { ok: false, message: problem } : { ok: true, input };
}

/** A button's (or one table row's) input. */
export function mappedInput(action: ActionSummary, mapping: Readonly<Record<string, string>>, scope: Scope): InputResult {
  const { values, bad } = evaluateMapping(mapping, scope);
  if (bad) return { ok: false, message: `A mapping binding failed: ${bad}` };
  return finish(fieldsOfSchema(action.inputSchema), values);
}

/** The selected rows of a table widget, keyed for a run by the row's values (never its position). */
export function selectedRowsOf(scope: Scope, table: string | null): { rowKey: string; row: Record<string, unknown> }[] {
  if (table === null) return [];
  const holder = scope[table] as { selectedRows?: unknown } | undefined;
  const rows = Array.isArray(holder?.selectedRows) ? (holder.selectedRows as Record<string, unknown>[]) : [];
  // Provisional keys: selectionInputs keys each row by the action's key values instead.
  return rows.map((row, position) => ({ rowKey: `selected-${position}`, row }));
}

/**
 * A button's inputs for each selected row of `table`: its mapping evaluated with
 * `table.selectedRow` standing for that row (so `{{ t.selectedRow.id }}` takes each row in turn).
 */
export function selectionInputs(action: ActionSummary, mapping: Readonly<Record<string, string>>, scope: Scope, table: string, rows: readonly { rowKey: string; row: Record<string, unknown> }[]): { ok: true; items: { rowKey: string; input: ActionInput }[] } | { ok: false; message: string } {
  const holder = (scope[table] ?? {}) as Record<string, unknown>;
  const items: { rowKey: string; input: ActionInput }[] = [];
  for (const { rowKey, row } of rows) {
    const result = mappedInput(action, mapping, { ...scope, [table]: { ...holder, selectedRow: row } });
    if (!result.ok) return { ok: false, message: rows.length > 1 ? `Row ${rowKey}: ${result.message}` : result.message };
    const key = Object.values(action.target.key).map((field) => result.input[field]);
    items.push({ rowKey: key.length && key.every((value) => value !== undefined) ? key.map(String).join(", ") : rowKey, input: result.input });
  }
  return { ok: true, items };
}

/** One input per selected row, with `row` bound to it. */
export function perRowInputs(action: ActionSummary, mapping: Readonly<Record<string, string>>, scope: Scope, rows: readonly { rowKey: string; row: Record<string, unknown> }[]): { ok: true; items: { rowKey: string; input: ActionInput }[] } | { ok: false; message: string } {
  const items: { rowKey: string; input: ActionInput }[] = [];
  for (const { rowKey, row } of rows) {
    const result = mappedInput(action, mapping, { ...scope, row });
    if (!result.ok) return { ok: false, message: rows.length > 1 ? `Row ${rowKey}: ${result.message}` : result.message };
    items.push({ rowKey, input: result.input });
  }
  return { ok: true, items };
}

/**
 * A batch action's one input for the whole selection: its selection field collects the field's
 * mapping evaluated per row (lists are flattened, so `{{ row.id }}` and `{{ [row.id] }}` both
 * work); every other field is evaluated with `row` bound to the first selected row.
 */
export function batchInput(action: ActionSummary, mapping: Readonly<Record<string, string>>, scope: Scope, rows: readonly Record<string, unknown>[]): InputResult {
  const field = action.selectionField;
  const { [field ?? ""]: selectionText, ...rest } = mapping;
  const first = evaluateMapping(rest, { ...scope, row: rows[0] ?? null });
  if (first.bad) return { ok: false, message: `A mapping binding failed: ${first.bad}` };
  const values = first.values;
  if (field && selectionText !== undefined) {
    const collected: unknown[] = [];
    for (const row of rows) {
      const result = evaluateProperty(selectionText, { ...scope, row });
      if (!result.ok) return { ok: false, message: `A mapping binding failed: ${field}: ${result.error.message}` };
      if (Array.isArray(result.value)) collected.push(...(result.value as unknown[]));
      else collected.push(result.value);
    }
    values[field] = collected;
  }
  return finish(fieldsOfSchema(action.inputSchema), values);
}
