/**
 * The values an app query runs with: each `{{ expr }}` in its SQL is evaluated against the
 * runtime scope and sent as a bound parameter keyed by the trimmed expression text (the server
 * binds them; nothing is spliced into SQL). The template pattern is the guard's: `{{ … }}`
 * holding no braces, so a PostgreSQL array literal like '{{1,2},{3,4}}' is left alone.
 */
import type { Scope } from "@/lib/bindings";
import { evaluateExpression } from "./bindings-cache";
import type { ParamValue } from "./types";

const SQL_TEMPLATE = /\{\{([^{}]*)\}\}/g;

/** The distinct trimmed expressions of a query's SQL, in order of first use. */
export function sqlExpressions(sql: string): string[] {
  const seen = new Set<string>();
  for (const match of sql.matchAll(SQL_TEMPLATE)) {
    const expression = (match[1] ?? "").trim();
    if (expression) seen.add(expression);
  }
  return [...seen];
}

const isPrimitive = (value: unknown): value is string | number | boolean | null =>
  value === null || typeof value === "string" || typeof value === "boolean" || (typeof value === "number" && Number.isFinite(value));

/** A binding's value as a SQL parameter: primitives, or a list of them (for `= ANY(...)` / IN lists). */
export function toParamValue(value: unknown): { ok: true; value: ParamValue } | { ok: false; message: string } {
  if (value === undefined) return { ok: true, value: null };
  if (isPrimitive(value)) return { ok: true, value };
  if (Array.isArray(value)) {
    if (value.every((item) => item === undefined || isPrimitive(item))) return { ok: true, value: value.map((item) => (item === undefined ? null : item)) };
    return { ok: false, message: "is a list of rows; a parameter takes one value or a list of plain values (use pluck(rows, 'id'))." };
  }
  if (typeof value === "number") return { ok: false, message: "is not a finite number." };
  return { ok: false, message: "is a row (an object); pick one of its fields, like selectedRow.id." };
}

export type ParamsResult = { ok: true; params: Record<string, ParamValue> } | { ok: false; expression: string; message: string };

export function evaluateSqlParams(sql: string, scope: Scope): ParamsResult {
  const params: Record<string, ParamValue> = {};
  for (const expression of sqlExpressions(sql)) {
    const result = evaluateExpression(expression, scope);
    if (!result.ok) return { ok: false, expression, message: `{{ ${expression} }}: ${result.error.message}` };
    const param = toParamValue(result.value);
    if (!param.ok) return { ok: false, expression, message: `{{ ${expression} }} ${param.message}` };
    params[expression] = param.value;
  }
  return { ok: true, params };
}

/** A stable text for comparing two parameter sets (key order does not matter). */
export function paramsKey(params: Record<string, ParamValue>): string {
  return JSON.stringify(Object.keys(params).sort().map((key) => [key, params[key]]));
}
