/**
 * Parsing and evaluating the `{{ }}` bindings of widget properties and queries with the app's
 * own evaluator (lib/bindings). Parsed templates are cached by their text: the same property is
 * evaluated on every render, and parsing is the costly half.
 */
import { evaluate, evaluateTemplate, parseExpression, parseTemplate, referencedNames, type Node, type Result, type Scope, type TemplatePart } from "@/lib/bindings";

const MAX_CACHED = 2_000;
const templates = new Map<string, Result<TemplatePart[]>>();
const expressions = new Map<string, Result<Node>>();

function remember<T>(cache: Map<string, T>, key: string, make: () => T): T {
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  // A plain size cap: the documents of one tab hold far fewer distinct strings than this.
  if (cache.size >= MAX_CACHED) cache.clear();
  const value = make();
  cache.set(key, value);
  return value;
}

export function parseTemplateCached(text: string): Result<TemplatePart[]> {
  return remember(templates, text, () => parseTemplate(text));
}

export function parseExpressionCached(expression: string): Result<Node> {
  return remember(expressions, expression, () => parseExpression(expression));
}

/** A property's value: a single `{{ x }}` keeps x's type, mixed text becomes text, plain text stays as it is. */
export function evaluateProperty(text: string, scope: Scope): Result<unknown> {
  if (!text.includes("{{")) return { ok: true, value: text };
  const parsed = parseTemplateCached(text);
  if (!parsed.ok) return parsed;
  return evaluateTemplate(parsed.value, scope);
}

/** One expression (the text between braces). */
export function evaluateExpression(expression: string, scope: Scope): Result<unknown> {
  const parsed = parseExpressionCached(expression);
  if (!parsed.ok) return parsed;
  return evaluate(parsed.value, scope);
}

/** Root names a property reads (`orders`, `ordersTable`, `currentUser`); none for a syntax error. */
export function propertyNames(text: string): string[] {
  if (!text.includes("{{")) return [];
  const parsed = parseTemplateCached(text);
  if (!parsed.ok) return [];
  const names = new Set<string>();
  for (const part of parsed.value) if (part.kind === "binding") for (const name of referencedNames(part.ast)) names.add(name);
  return [...names];
}

/** "Binding `{{ orders.dta }}` in Data: Unknown name…" — says which property and which text failed. */
export function bindingErrorMessage(property: string, text: string, error: { message: string; start: number; end: number }): string {
  const snippet = text.slice(error.start, error.end).trim();
  const at = snippet && snippet.length <= 80 ? ` (at "${snippet}")` : "";
  return `${property}: ${error.message}${at}`;
}
