/**
 * The `{{ expression }}` templates in a query, and the test values the builder types for them
 * in the workbench. A value that parses as JSON (42, true, null, ["a","b"]) is bound with that
 * type; anything else is bound as text.
 */
export function templateExpressions(sql: string): string[] {
  const seen = new Set<string>();
  for (const match of sql.matchAll(/\{\{([\s\S]*?)\}\}/g)) {
    const expression = (match[1] ?? "").trim();
    if (expression) seen.add(expression);
  }
  return [...seen];
}

export type ParamValue = string | number | boolean | null | (string | number | boolean | null)[];

const isPrimitive = (value: unknown): value is string | number | boolean | null =>
  value === null || ["string", "number", "boolean"].includes(typeof value);

export function parseParamText(text: string): ParamValue {
  try {
    const parsed: unknown = JSON.parse(text);
    if (isPrimitive(parsed)) return parsed;
    if (Array.isArray(parsed) && parsed.every(isPrimitive)) return parsed;
  } catch {
    // Not JSON: plain text.
  }
  return text;
}

export function describeParamValue(value: ParamValue): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return `array of ${value.length}`;
  return typeof value;
}
