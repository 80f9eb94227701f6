// One entry point for "may this query call that function?" (and "is it an aggregate?") across the three dialects.
import type { Dialect } from "../types";
import { MYSQL_AGGREGATES, MYSQL_FUNCTIONS } from "./mysql";
import { POSTGRES_AGGREGATES, POSTGRES_FUNCTIONS } from "./postgres";
import { SQLITE_AGGREGATES, SQLITE_FUNCTIONS } from "./sqlite";

const LISTS: Record<Dialect, ReadonlySet<string>> = {
  postgres: POSTGRES_FUNCTIONS,
  mysql: MYSQL_FUNCTIONS,
  sqlite: SQLITE_FUNCTIONS,
};

/**
 * `parts` is the function name as written, split on dots. Returns null when the call is allowed,
 * otherwise the message to show. Schema-qualified names are refused (they are how user-defined
 * functions are reached), except pg_catalog.<allowed> on PostgreSQL, which its parser itself
 * produces for SQL syntax such as EXTRACT(... FROM ...) or TRIM(...).
 */
export function functionRefusal(dialect: Dialect, parts: readonly string[]): string | null {
  const display = parts.join(".");
  const last = parts[parts.length - 1];
  if (last === undefined) return "A function call without a name is not allowed in Rowcraft queries.";
  // PostgreSQL's parser has already folded unquoted names to lower case; MySQL and SQLite are case-insensitive.
  const name = dialect === "postgres" ? last : last.toLowerCase();
  const qualifiedOk = parts.length === 1 || (dialect === "postgres" && parts.length === 2 && parts[0] === "pg_catalog");
  if (qualifiedOk && LISTS[dialect].has(name)) return null;
  if (!qualifiedOk) {
    return `Function ${display}() is not allowed in Rowcraft queries; schema-qualified functions are refused. Use a built-in function instead.`;
  }
  return `Function ${display}() is not allowed in Rowcraft queries.`;
}

const AGGREGATES: Record<Dialect, ReadonlySet<string>> = {
  postgres: POSTGRES_AGGREGATES,
  mysql: MYSQL_AGGREGATES,
  sqlite: SQLITE_AGGREGATES,
};

/** A built-in aggregate or window function (by its last name part; case-insensitive except on PostgreSQL). */
export function isAggregateFunction(dialect: Dialect, parts: readonly string[]): boolean {
  const last = parts[parts.length - 1];
  if (last === undefined) return false;
  return AGGREGATES[dialect].has(dialect === "postgres" ? last : last.toLowerCase());
}
