// Table-name resolution and policy matching. A reference is resolved the way the server would
// resolve it (PostgreSQL: unqualified → public, but pg_* → pg_catalog because pg_catalog is
// searched first; SQLite: main.x ≡ x; MySQL: the connection's database, which we cannot know, so
// unqualified and qualified names are kept apart) and then matched against the patterns.
import type { Dialect, TablePolicy } from "./types";

export interface TableRef {
  catalog?: string | null;
  schema: string | null;
  name: string;
}

export interface ResolvedTable {
  /** The name shown to users and reported in `tables`. */
  display: string;
  /** null = the default schema/database on MySQL and SQLite. */
  schema: string | null;
  name: string;
  system: boolean;
  /** Set when the name cannot be checked at all (e.g. a three-part PostgreSQL name). */
  unsupported?: string;
}

export const DEFAULT_POLICY: TablePolicy = { read: ["*"], write: [] };

const PG_SYSTEM_SCHEMAS = new Set(["pg_catalog", "information_schema"]);
const MYSQL_SYSTEM_SCHEMAS = new Set(["mysql", "information_schema", "performance_schema", "sys"]);

export function resolveTable(dialect: Dialect, ref: TableRef): ResolvedTable {
  if (dialect === "postgres") {
    const schema = ref.schema ?? (ref.name.startsWith("pg_") ? "pg_catalog" : "public");
    const display = `${schema}.${ref.name}`;
    const system = PG_SYSTEM_SCHEMAS.has(schema) || schema.startsWith("pg_");
    if (ref.catalog) {
      return { display: `${ref.catalog}.${display}`, schema, name: ref.name, system, unsupported: "database-qualified" };
    }
    return { display, schema, name: ref.name, system };
  }
  if (dialect === "mysql") {
    const schema = ref.schema;
    const system = schema !== null && MYSQL_SYSTEM_SCHEMAS.has(schema.toLowerCase());
    return { display: schema ? `${schema}.${ref.name}` : ref.name, schema, name: ref.name, system };
  }
  const schema = ref.schema !== null && ref.schema.toLowerCase() !== "main" ? ref.schema : null;
  return {
    display: schema ? `${schema}.${ref.name}` : ref.name,
    schema,
    name: ref.name,
    system: ref.name.toLowerCase().startsWith("sqlite_"),
  };
}

function patternMatches(dialect: Dialect, rawPattern: string, table: ResolvedTable): boolean {
  const pattern = rawPattern.trim();
  if (pattern === "*") return true;
  const dot = pattern.lastIndexOf(".");
  let schema: string | null = dot >= 0 ? pattern.slice(0, dot) : null;
  let name = dot >= 0 ? pattern.slice(dot + 1) : pattern;
  let tableSchema = table.schema;
  let tableName = table.name;
  if (dialect === "postgres") {
    // PostgreSQL names are case-sensitive once parsed (unquoted ones are already lower-case).
    schema ??= "public";
  } else if (dialect === "sqlite") {
    // SQLite compares names case-insensitively.
    schema = schema?.toLowerCase() ?? null;
    name = name.toLowerCase();
    tableSchema = tableSchema?.toLowerCase() ?? null;
    tableName = tableName.toLowerCase();
    if (schema === "main") schema = null;
  }
  // MySQL: exact. Whether `Orders` and `orders` are one table depends on the server's
  // lower_case_table_names; matching exactly can only refuse more, never allow a different table.
  return schema === tableSchema && (name === "*" || name === tableName);
}

export function isReadable(dialect: Dialect, policy: TablePolicy, table: ResolvedTable): boolean {
  if (table.unsupported) return false;
  if (table.system) return policy.allowSystemCatalogs === true;
  return policy.read.some((p) => patternMatches(dialect, p, table));
}

export function isWritable(dialect: Dialect, policy: TablePolicy, table: ResolvedTable): boolean {
  if (table.unsupported || table.system) return false;
  return policy.write.some((p) => patternMatches(dialect, p, table));
}

export function notReadableMessage(dialect: Dialect, table: ResolvedTable, writtenName: TableRef): string {
  if (table.unsupported) {
    return `Table ${table.display} uses a ${table.unsupported} name; refer to tables as schema.table.`;
  }
  if (table.system) {
    const hint =
      dialect === "postgres" && writtenName.schema === null
        ? ` (unqualified names starting with pg_ resolve to pg_catalog first; write public.${writtenName.name} if you meant your own table)`
        : "";
    return `Table ${table.display} is a system catalog, which is not readable under this data source's policy${hint}.`;
  }
  return `Table ${table.display} is not readable under this data source's policy.`;
}

export function notWritableMessage(table: ResolvedTable): string {
  if (table.system) return `Table ${table.display} is a system catalog; queries can never change it.`;
  return `Table ${table.display} is not writable under this data source's policy.`;
}
