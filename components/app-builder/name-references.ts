// Where a query or widget name is used in an app's bindings, and renaming it everywhere. Uses the
// binding parser's positions, so `orders.data` is renamed but `"orders"` in a string literal or
// `myorders` is not.
import { parseExpression, parseTemplate, referencedPaths, type Node } from "@/lib/bindings";
import type { AppDocument, Widget } from "@/lib/app-document";

// The same reading of `{{ }}` in SQL as validation and the server's guard.
const SQL_TEMPLATE = /\{\{([^{}]*)\}\}/g;

/** Offsets in `text` where the root name `name` starts, for one parsed expression at `offset`. */
function rootOffsets(ast: Node, offset: number, text: string, name: string): number[] {
  return referencedPaths(ast)
    .filter((ref) => ref.path[0] === name)
    .map((ref) => ref.start + offset)
    .filter((at) => text.slice(at, at + name.length) === name);
}

function templateOffsets(text: string, name: string): number[] {
  if (!text.includes("{{")) return [];
  const parsed = parseTemplate(text);
  if (!parsed.ok) return [];
  return parsed.value.flatMap((part) => (part.kind === "binding" ? rootOffsets(part.ast, part.expressionStart, text, name) : []));
}

function sqlOffsets(sql: string, name: string): number[] {
  const found: number[] = [];
  for (const match of sql.matchAll(SQL_TEMPLATE)) {
    const parsed = parseExpression(match[1] ?? "");
    if (parsed.ok) found.push(...rootOffsets(parsed.value, match.index + 2, sql, name));
  }
  return found;
}

function replaceAt(text: string, offsets: number[], from: string, to: string): string {
  let result = text;
  for (const at of [...offsets].sort((a, b) => b - a)) result = result.slice(0, at) + to + result.slice(at + from.length);
  return result;
}

export function renameInTemplate(text: string, from: string, to: string): string {
  return replaceAt(text, templateOffsets(text, from), from, to);
}

export function renameInSql(sql: string, from: string, to: string): string {
  return replaceAt(sql, sqlOffsets(sql, from), from, to);
}

/** Applies `fn` to every string inside a JSON-like value, keeping its shape. */
function mapStrings<T>(value: T, fn: (text: string) => string): T {
  if (typeof value === "string") return fn(value) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => mapStrings(item, fn)) as T;
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, mapStrings(item, fn)])) as T;
  }
  return value;
}

function countStrings(value: unknown, count: (text: string) => number): number {
  if (typeof value === "string") return count(value);
  if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + countStrings(item, count), 0);
  if (value !== null && typeof value === "object") return Object.values(value).reduce((sum: number, item) => sum + countStrings(item, count), 0);
  return 0;
}

function runsQuery(widget: Widget, name: string): boolean {
  return widget.type === "button" && widget.props.run.kind === "query" && widget.props.run.query === name;
}

/** How many places use `name`: bindings in widget props and query SQL, and buttons that run it. */
export function countReferences(doc: AppDocument, name: string): number {
  let count = 0;
  for (const page of doc.pages) {
    for (const widget of page.widgets) {
      count += countStrings(widget.props, (text) => templateOffsets(text, name).length);
      if (runsQuery(widget, name)) count += 1;
    }
  }
  for (const query of doc.queries) count += sqlOffsets(query.sql, name).length;
  return count;
}

/** Rewrites every use of `from` to `to` (it does not rename the holder itself). */
export function renameReferences(doc: AppDocument, from: string, to: string): AppDocument {
  const rename = (text: string): string => renameInTemplate(text, from, to);
  return {
    ...doc,
    pages: doc.pages.map((page) => ({
      ...page,
      widgets: page.widgets.map((widget): Widget => {
        const props = mapStrings(widget.props, rename);
        if (widget.type === "button" && runsQuery(widget, from)) return { ...widget, props: { ...widget.props, ...props, run: { kind: "query", query: to } } } as Widget;
        return { ...widget, props } as Widget;
      }),
    })),
    queries: doc.queries.map((query) => ({ ...query, sql: renameInSql(query.sql, from, to) })),
  };
}
