// Which columns of an accepted PostgreSQL read map 1:1 to one base table (ReadProjection), from
// libpg-query's SelectStmt. Only called after the checker accepted the statement. Anything
// outside the plain shape (set operations, CTEs, DISTINCT, GROUP BY/HAVING, named windows,
// aggregates or window functions, joins, ONLY, subqueries or functions in FROM) gives null: the
// rows would not be rows of the table, or could not be told apart.
import { isAggregateFunction } from "../functions";
import { asArray, asString, isEmpty, isRecord, stringNode, tagged, type JsonRecord } from "../json";
import { resolveTable } from "../policy";
import type { ProjectionItem, ReadProjection } from "../types";

/** SelectStmt fields a single-table read may use; every other one must be empty. */
const PLAIN_KEYS = new Set(["targetList", "fromClause", "whereClause", "sortClause", "limitCount", "limitOffset", "limitOption", "op"]);

/** Node types that aggregate rows however they are named. */
const AGGREGATE_NODES = new Set(["GroupingFunc", "JsonArrayAgg", "JsonObjectAgg"]);

export function postgresProjection(select: JsonRecord): ReadProjection | null {
  for (const key in select) if (!PLAIN_KEYS.has(key) && !isEmpty(select[key])) return null;
  if (select.op !== undefined && select.op !== "SETOP_NONE") return null;

  const from = asArray(select.fromClause);
  const range = tagged(from[0]);
  if (from.length !== 1 || !range || range[0] !== "RangeVar" || !isRecord(range[1])) return null;
  const table = range[1];
  const name = asString(table.relname);
  // libpg-query leaves `inh` out for ONLY; a three-part name never passes the policy anyway.
  if (name === null || table.inh !== true || !isEmpty(table.catalogname)) return null;
  const alias = isRecord(table.alias) ? table.alias : null;
  if (alias && !isEmpty(alias.colnames)) return null; // FROM t AS x(a, b) renames columns positionally
  const qualifier = (alias && asString(alias.aliasname)) ?? name;

  if (hasAggregate(select.targetList) || hasAggregate(select.sortClause)) return null;

  const items: ProjectionItem[] = [];
  for (const target of asArray(select.targetList)) {
    const res = tagged(target);
    if (!res || res[0] !== "ResTarget" || !isRecord(res[1])) return null;
    const item = projectionItem(res[1], qualifier);
    if (item === null) return null;
    items.push(item);
  }
  const resolved = resolveTable("postgres", { schema: asString(table.schemaname), name });
  return {
    table: { schema: resolved.schema, name: resolved.name, display: resolved.display },
    columns: items.flatMap((item) => (item.kind === "column" ? [{ output: item.output, source: item.source }] : [])),
    allColumns: items.some((item) => item.kind === "all"),
    items,
  };
}

/** One ResTarget; null when it expands to an unknown number of columns (`x.*` of something else, `(row).*`). */
function projectionItem(target: JsonRecord, qualifier: string): ProjectionItem | null {
  const value = tagged(target.val);
  const rename = asString(target.name);
  if (value && value[0] === "ColumnRef" && isRecord(value[1])) {
    const fields = asArray(value[1].fields);
    const star = fields.length > 0 && tagged(fields[fields.length - 1])?.[0] === "A_Star";
    const parts = fields.map(stringNode);
    if (star) {
      if (fields.length === 1 || (fields.length === 2 && parts[0] === qualifier)) return { kind: "all" };
      return null;
    }
    const column = fields.length === 1 ? parts[0] : fields.length === 2 && parts[0] === qualifier ? parts[1] : null;
    if (column !== null && column !== undefined) return { kind: "column", output: rename ?? column, source: column };
    return { kind: "expression" };
  }
  return hasStar(target.val) ? null : { kind: "expression" };
}

/** A star inside an expression (`(o).*`, `(row(…)).*`) expands to several columns. */
function hasStar(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(hasStar);
  if (!isRecord(value)) return false;
  const node = tagged(value);
  if (node?.[0] === "A_Star") return true;
  if (node?.[0] === "SubLink") return false;
  for (const key in value) if (hasStar(value[key])) return true;
  return false;
}

/** An aggregate or window call of this query level (subqueries aggregate their own rows). */
function hasAggregate(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(hasAggregate);
  if (!isRecord(value)) return false;
  const node = tagged(value);
  if (node && isRecord(node[1])) {
    const [type, body] = node;
    if (type === "SubLink") return false;
    if (AGGREGATE_NODES.has(type)) return true;
    if (type === "FuncCall") {
      const name = asArray(body.funcname).map((part) => stringNode(part) ?? "");
      const aggregateSyntax = ["over", "agg_star", "agg_distinct", "agg_order", "agg_filter", "agg_within_group"].some((key) => !isEmpty(body[key]));
      if (aggregateSyntax || isAggregateFunction("postgres", name)) return true;
    }
  }
  for (const key in value) if (hasAggregate(value[key])) return true;
  return false;
}
