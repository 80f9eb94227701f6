// Which columns of an accepted MySQL/SQLite read map 1:1 to one base table (ReadProjection),
// from sqlparser-rs's Query. Only called after the checker accepted the statement. Anything
// outside the plain shape (set operations, CTEs, DISTINCT, GROUP BY/HAVING, named windows,
// aggregates or window functions, joins, derived tables or table functions in FROM, wildcard
// options) gives null: the rows would not be rows of the table, or could not be told apart.
import { isAggregateFunction } from "../functions";
import { asArray, isEmpty, isRecord, tagged, type JsonRecord } from "../json";
import { resolveTable } from "../policy";
import type { ProjectionItem, ReadProjection } from "../types";

type SqlparserDialect = "mysql" | "sqlite";

/** Query fields a single-table read may use; every other one must be empty. */
const QUERY_KEYS = new Set(["body", "order_by", "limit_clause", "fetch"]);
/** Select fields that never change which rows come back (or are checked on their own below). */
const SELECT_KEYS = new Set(["select_token", "top_before_distinct", "window_before_qualify", "flavor", "select_modifiers", "projection", "from", "selection", "distinct", "group_by"]);
/** Table fields that still name the plain table (MySQL partitions and index hints only narrow or steer the scan). */
const TABLE_KEYS = new Set(["name", "alias", "with_hints", "partitions", "index_hints"]);

const identValue = (value: unknown): string | null => (isRecord(value) && typeof value.value === "string" ? value.value : null);
const looksLikeQuery = (value: JsonRecord): boolean => ("body" in value && "locks" in value) || ("projection" in value && "from" in value);

export function sqlparserProjection(query: JsonRecord, dialect: SqlparserDialect): ReadProjection | null {
  for (const key in query) if (!QUERY_KEYS.has(key) && !isEmpty(query[key])) return null;
  const body = tagged(query.body);
  if (!body || body[0] !== "Select" || !isRecord(body[1])) return null;
  const select = body[1];
  for (const key in select) if (!SELECT_KEYS.has(key) && !isEmpty(select[key])) return null;
  if (select.distinct !== undefined && select.distinct !== null && select.distinct !== "All") return null;
  if (!isEmpty(select.group_by)) {
    const group = tagged(select.group_by);
    if (!group || group[0] !== "Expressions" || asArray(group[1]).some((part) => !isEmpty(part))) return null;
  }

  const table = singleTable(select.from);
  if (table === null) return null;
  if (hasAggregate(select.projection, dialect) || hasAggregate(query.order_by, dialect)) return null;

  const items: ProjectionItem[] = [];
  for (const entry of asArray(select.projection)) {
    const item = projectionItem(entry, table.qualifier, dialect);
    if (item === null) return null;
    items.push(item);
  }
  const resolved = resolveTable(dialect, { schema: table.schema, name: table.name });
  return {
    table: { schema: resolved.schema, name: resolved.name, display: resolved.display },
    columns: items.flatMap((item) => (item.kind === "column" ? [{ output: item.output, source: item.source }] : [])),
    allColumns: items.some((item) => item.kind === "all"),
    items,
  };
}

/** Exactly one FROM item, a plain (optionally aliased) table: its name and how columns may be qualified. */
function singleTable(from: unknown): { schema: string | null; name: string; qualifier: string } | null {
  const items = asArray(from);
  const first = items[0];
  if (items.length !== 1 || !isRecord(first) || !isEmpty(first.joins)) return null;
  const relation = tagged(first.relation);
  if (!relation || relation[0] !== "Table" || !isRecord(relation[1])) return null;
  const table = relation[1];
  for (const key in table) if (!TABLE_KEYS.has(key) && !isEmpty(table[key])) return null; // args = table function
  const parts: string[] = [];
  for (const part of asArray(table.name)) {
    const ident = tagged(part);
    const value = ident && ident[0] === "Identifier" ? identValue(ident[1]) : null;
    if (value === null) return null;
    parts.push(value);
  }
  const name = parts[parts.length - 1];
  if (name === undefined || parts.length > 2) return null;
  const alias = isRecord(table.alias) ? table.alias : null;
  if (alias && !isEmpty(alias.columns)) return null; // FROM t AS x(a, b) renames columns positionally
  return { schema: parts.length === 2 ? (parts[0] ?? null) : null, name, qualifier: (alias && identValue(alias.name)) ?? name };
}

/** One select item; null when it expands to an unknown number of columns or is of an unknown kind. */
function projectionItem(entry: unknown, qualifier: string, dialect: SqlparserDialect): ProjectionItem | null {
  const item = tagged(entry);
  if (!item) return null;
  const [type, body] = item;
  if (type === "UnnamedExpr") return columnItem(body, null, qualifier, dialect);
  if (type === "ExprWithAlias" && isRecord(body)) return columnItem(body.expr, identValue(body.alias), qualifier, dialect);
  if (type === "Wildcard") return plainWildcard(body) ? { kind: "all" } : null;
  if (type === "QualifiedWildcard") {
    const [kind, options] = asArray(body);
    const name = tagged(kind);
    const parts = name && name[0] === "ObjectName" ? asArray(name[1]).map((part) => identValue(tagged(part)?.[1])) : [];
    const only = parts.length === 1 ? parts[0] : null;
    return only && sameName(only, qualifier) && plainWildcard(options) ? { kind: "all" } : null;
  }
  return null;
}

/** `*` without EXCLUDE / EXCEPT / REPLACE / RENAME / ILIKE options. */
function plainWildcard(options: unknown): boolean {
  if (!isRecord(options)) return options === undefined || options === null;
  return Object.keys(options).every((key) => key === "wildcard_token" || isEmpty(options[key]));
}

function columnItem(expr: unknown, rename: string | null, qualifier: string, dialect: SqlparserDialect): ProjectionItem {
  const node = tagged(expr);
  let column: string | null = null;
  if (node?.[0] === "Identifier" && isRecord(node[1])) {
    const value = identValue(node[1]);
    // MySQL "x" is a string (ANSI_QUOTES aside, which then only refuses more); @x is a variable.
    const literal = dialect === "mysql" && node[1].quote_style === '"';
    if (value !== null && !literal && !value.startsWith("@")) column = value;
  } else if (node?.[0] === "CompoundIdentifier") {
    const parts = asArray(node[1]).map(identValue);
    if (parts.length === 2 && parts[0] && sameName(parts[0], qualifier)) column = parts[1] ?? null;
  }
  return column === null ? { kind: "expression" } : { kind: "column", output: rename ?? column, source: column };
}

/** Qualifiers compare case-insensitively: with a single FROM item a qualifier that ran can only mean that table. */
function sameName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** An aggregate or window call of this query level (subqueries aggregate their own rows). */
function hasAggregate(value: unknown, dialect: SqlparserDialect): boolean {
  if (Array.isArray(value)) return value.some((item) => hasAggregate(item, dialect));
  if (!isRecord(value) || looksLikeQuery(value)) return false;
  for (const key in value) {
    const child = value[key];
    if (key === "span" || typeof child !== "object" || child === null) continue;
    if (key === "Function" && isRecord(child)) {
      const name = asArray(child.name).map((part) => identValue(tagged(part)?.[1]) ?? "");
      const list = tagged(child.args);
      const distinct = list?.[0] === "List" && isRecord(list[1]) && !isEmpty(list[1].duplicate_treatment);
      const aggregateSyntax = distinct || ["over", "filter", "within_group", "null_treatment"].some((field) => !isEmpty(child[field]));
      if (aggregateSyntax || isAggregateFunction(dialect, name)) return true;
    }
    if (hasAggregate(child, dialect)) return true;
  }
  return false;
}
