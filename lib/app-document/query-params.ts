// Where each `{{ }}` value of an app query comes from. The server knows who is asking
// (`currentUser`) and can compute constants (`{{ 5 }}`, `{{ daysAgo(30) }}`): an expression that
// reads only such names is evaluated ON THE SERVER, and whatever a browser sends for it is ignored.
// Everything else — inputs, table selections, other queries' rows — lives in the browser, so it
// is sent with the request and is therefore user-controlled. An expression mixing the two cannot
// be trusted either way: it is a validation problem in the builder and refused at run time.
import type { z } from "zod";
import { parseExpression, referencedNames, type Node } from "@/lib/bindings";
import type { paramValueSchema } from "@/lib/schemas/queries";

export type ParamValue = z.infer<typeof paramValueSchema>;

/** Names the server binds from the session; a browser can never supply their values. */
export const SERVER_NAMES: ReadonlySet<string> = new Set(["currentUser"]);

export type ParamOrigin = "server" | "browser" | "mixed";

/** The guard's template pattern: `{{ … }}` holding no braces (so '{{1,2},{3,4}}', a PostgreSQL array literal, is not one). */
const SQL_TEMPLATE = /\{\{([^{}]*)\}\}/g;

/** The distinct trimmed expressions of a query's SQL, in order of first use (the keys its params are sent by). */
export function sqlExpressions(sql: string): string[] {
  const seen = new Set<string>();
  for (const match of sql.matchAll(SQL_TEMPLATE)) {
    const expression = (match[1] ?? "").trim();
    if (expression) seen.add(expression);
  }
  return [...seen];
}

export function originOf(ast: Node): ParamOrigin {
  const names = referencedNames(ast);
  const server = names.filter((name) => SERVER_NAMES.has(name));
  if (server.length === names.length) return "server";
  return server.length === 0 ? "browser" : "mixed";
}

/** The origin of an expression's text; one that does not parse is the browser's (the server refuses it anyway). */
export function originOfExpression(expression: string): ParamOrigin {
  const parsed = parseExpression(expression);
  return parsed.ok ? originOf(parsed.value) : "browser";
}

/** The params a browser sends for an app query: the server-bound ones left out. */
export function browserParams<T>(params: Readonly<Record<string, T>>): Record<string, T> {
  return Object.fromEntries(Object.entries(params).filter(([expression]) => originOfExpression(expression) === "browser"));
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
