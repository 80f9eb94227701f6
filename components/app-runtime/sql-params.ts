/**
 * The values an app query runs with: each `{{ expr }}` in its SQL is evaluated against the
 * runtime scope and sent as a bound parameter keyed by the trimmed expression text (the server
 * binds them; nothing is spliced into SQL). The template pattern is the guard's: `{{ … }}`
 * holding no braces, so a PostgreSQL array literal like '{{1,2},{3,4}}' is left alone.
 * All of them are evaluated here (the builder runs unsaved SQL through the workbench with them);
 * a published app's request leaves out the server-bound ones (lib/app-document/query-params.ts).
 */
import { sqlExpressions, toParamValue } from "@/lib/app-document/query-params";
import type { Scope } from "@/lib/bindings";
import { evaluateExpression } from "./bindings-cache";
import type { ParamValue } from "./types";

export { sqlExpressions, toParamValue };

export type ParamsResult = { ok: true; params: Record<string, ParamValue> } | { ok: false; expression: string; message: string };

/** A test value's text as a parameter: JSON when it parses to a value a parameter can be, else the text itself. */
export function parseTestValue(text: string): ParamValue {
  try {
    const parsed: unknown = JSON.parse(text);
    const param = toParamValue(parsed);
    if (param.ok) return param.value;
  } catch {
    // plain text, like pending
  }
  return text;
}

/**
 * `testValues` (the builder's, never the published app's) stand in for an expression that fails
 * (its widget does not exist yet) or has no value (null, undefined or "").
 */
export function evaluateSqlParams(sql: string, scope: Scope, testValues?: Readonly<Record<string, string>>): ParamsResult {
  const params: Record<string, ParamValue> = {};
  for (const expression of sqlExpressions(sql)) {
    const result = evaluateExpression(expression, scope);
    const test = testValues?.[expression];
    if (test !== undefined && test !== "" && (!result.ok || result.value === null || result.value === undefined || result.value === "")) {
      params[expression] = parseTestValue(test);
      continue;
    }
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
