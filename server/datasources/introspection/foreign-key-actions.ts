/**
 * Every foreign key of a source with its ON DELETE / ON UPDATE action, read fresh from the
 * database's catalog (pg_constraint, information_schema.REFERENTIAL_CONSTRAINTS,
 * pragma_foreign_key_list) — unlike the cached schema, a write must not be judged on stale
 * metadata. What a login cannot see (MySQL shows only tables it has privileges on) is not here:
 * the database can only tell what it shows.
 */
import type { Driver, DriverKind } from "@/server/datasources/drivers/types";

export type ForeignKeyAction = "CASCADE" | "SET NULL" | "SET DEFAULT" | "RESTRICT" | "NO ACTION";

export interface TableName {
  /** PostgreSQL schema, MySQL database; null on SQLite. */
  schema: string | null;
  name: string;
}

export interface ForeignKeyEdge {
  /** The table holding the foreign key: the one a cascade changes. */
  child: TableName;
  /** The referenced table: the one whose DELETE/UPDATE sets the action off. */
  parent: TableName;
  onDelete: ForeignKeyAction;
  onUpdate: ForeignKeyAction;
}

const POSTGRES_SQL = `
SELECT cn.nspname::text AS child_schema, c.relname::text AS child_table, pn.nspname::text AS parent_schema, p.relname::text AS parent_table,
  con.confdeltype::text AS on_delete, con.confupdtype::text AS on_update
FROM pg_catalog.pg_constraint con
JOIN pg_catalog.pg_class c ON c.oid = con.conrelid
JOIN pg_catalog.pg_namespace cn ON cn.oid = c.relnamespace
JOIN pg_catalog.pg_class p ON p.oid = con.confrelid
JOIN pg_catalog.pg_namespace pn ON pn.oid = p.relnamespace
WHERE con.contype = 'f'`;

const MYSQL_SQL = `
SELECT CONSTRAINT_SCHEMA AS child_schema, TABLE_NAME AS child_table, UNIQUE_CONSTRAINT_SCHEMA AS parent_schema,
  REFERENCED_TABLE_NAME AS parent_table, DELETE_RULE AS on_delete, UPDATE_RULE AS on_update
FROM information_schema.REFERENTIAL_CONSTRAINTS`;

const SQLITE_SQL = `
SELECT m.name AS child_table, f."table" AS parent_table, f.on_delete AS on_delete, f.on_update AS on_update
FROM sqlite_schema m JOIN pragma_foreign_key_list(m.name) f
WHERE m.type = 'table'`;

const POSTGRES_ACTIONS: Record<string, ForeignKeyAction> = { a: "NO ACTION", r: "RESTRICT", c: "CASCADE", n: "SET NULL", d: "SET DEFAULT" };

function actionOf(kind: DriverKind, value: unknown): ForeignKeyAction {
  const text = String(value ?? "").toUpperCase();
  if (kind === "postgres") return POSTGRES_ACTIONS[text.toLowerCase()] ?? "NO ACTION";
  const known: ForeignKeyAction[] = ["CASCADE", "SET NULL", "SET DEFAULT", "RESTRICT", "NO ACTION"];
  return known.find((action) => action === text) ?? "NO ACTION";
}

const strOrNull = (value: unknown): string | null => (value === null || value === undefined ? null : String(value));

export async function readForeignKeyActions(driver: Driver, options: { timeoutMs: number; signal?: AbortSignal }): Promise<ForeignKeyEdge[]> {
  const kind = driver.kind;
  const sql = kind === "postgres" ? POSTGRES_SQL : kind === "mysql" ? MYSQL_SQL : SQLITE_SQL;
  const result = await driver.execute({ sql, values: [], mode: "read", timeoutMs: options.timeoutMs, rowCap: 1_000_000, ...(options.signal ? { signal: options.signal } : {}) });
  return result.rows.map((row) => ({
    child: { schema: kind === "sqlite" ? null : strOrNull(row.child_schema), name: String(row.child_table) },
    parent: { schema: kind === "sqlite" ? null : strOrNull(row.parent_schema), name: String(row.parent_table) },
    onDelete: actionOf(kind, row.on_delete),
    onUpdate: actionOf(kind, row.on_update),
  }));
}
