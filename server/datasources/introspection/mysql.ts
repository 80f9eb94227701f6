/**
 * MySQL / MariaDB schema introspection from information_schema, limited to the connection's own
 * database (the `schema` of every table is that database's name): base tables and system-versioned
 * tables as "table", views as "view", with columns, primary keys and foreign keys.
 */
import type { SchemaInfo } from "@/server/datasources/drivers/types";
import { groupBy, SchemaBuilder, str, strOrNull, type IntrospectionQuery } from "./common";

const TABLES_SQL = `
SELECT TABLE_NAME AS table_name, TABLE_TYPE AS table_type
FROM information_schema.TABLES
WHERE TABLE_SCHEMA = ? AND TABLE_TYPE IN ('BASE TABLE', 'SYSTEM VERSIONED', 'VIEW')
ORDER BY TABLE_NAME`;

const COLUMNS_SQL = `
SELECT TABLE_NAME AS table_name, COLUMN_NAME AS column_name, COLUMN_TYPE AS column_type,
  IS_NULLABLE AS is_nullable, COLUMN_DEFAULT AS column_default
FROM information_schema.COLUMNS
WHERE TABLE_SCHEMA = ?
ORDER BY TABLE_NAME, ORDINAL_POSITION`;

const KEYS_SQL = `
SELECT k.TABLE_NAME AS table_name, k.CONSTRAINT_NAME AS constraint_name, c.CONSTRAINT_TYPE AS constraint_type,
  k.COLUMN_NAME AS column_name, k.REFERENCED_TABLE_SCHEMA AS ref_schema,
  k.REFERENCED_TABLE_NAME AS ref_table, k.REFERENCED_COLUMN_NAME AS ref_column
FROM information_schema.KEY_COLUMN_USAGE k
JOIN information_schema.TABLE_CONSTRAINTS c
  ON c.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA AND c.TABLE_NAME = k.TABLE_NAME AND c.CONSTRAINT_NAME = k.CONSTRAINT_NAME
WHERE k.TABLE_SCHEMA = ? AND c.CONSTRAINT_TYPE IN ('PRIMARY KEY', 'FOREIGN KEY')
ORDER BY k.TABLE_NAME, k.CONSTRAINT_NAME, k.ORDINAL_POSITION`;

/** MariaDB writes an explicit `DEFAULT NULL` as the text NULL; it means "no default value". */
function defaultOf(value: unknown): string | null {
  const text = strOrNull(value);
  return text === "NULL" ? null : text;
}

export async function introspectMysql(database: string, query: IntrospectionQuery): Promise<SchemaInfo> {
  const tables = await query(TABLES_SQL, [database]);
  const columns = await query(COLUMNS_SQL, [database]);
  const keys = await query(KEYS_SQL, [database]);
  const schema = new SchemaBuilder();
  for (const row of tables) schema.addTable(database, str(row.table_name), row.table_type === "VIEW" ? "view" : "table");
  for (const row of columns) {
    schema.addColumn(database, str(row.table_name), {
      name: str(row.column_name),
      dataType: str(row.column_type),
      nullable: row.is_nullable === "YES",
      default: defaultOf(row.column_default),
    });
  }
  for (const rows of groupBy(keys, (row) => JSON.stringify([row.table_name, row.constraint_name])).values()) {
    const first = rows[0];
    if (!first) continue;
    const table = str(first.table_name);
    const columnNames = rows.map((row) => str(row.column_name));
    if (first.constraint_type === "PRIMARY KEY") schema.setPrimaryKey(database, table, columnNames);
    else {
      schema.addForeignKey(database, table, {
        columns: columnNames,
        references: { schema: strOrNull(first.ref_schema), table: str(first.ref_table), columns: rows.map((row) => str(row.ref_column)) },
      });
    }
  }
  return schema.build();
}
