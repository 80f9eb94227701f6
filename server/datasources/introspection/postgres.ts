/**
 * PostgreSQL schema introspection from pg_catalog (information_schema hides objects the login
 * does not own and is slow on big catalogs): tables, partitioned tables, views, materialized
 * views and foreign tables, with columns, primary keys and foreign keys. System schemas
 * (pg_catalog, information_schema, pg_toast, temp schemas) are left out.
 */
import type { SchemaInfo } from "@/server/datasources/drivers/types";
import { groupBy, SchemaBuilder, str, strOrNull, truthy, type IntrospectionQuery } from "./common";

const USER_SCHEMAS = `n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
  AND n.nspname NOT LIKE 'pg\\_temp\\_%' AND n.nspname NOT LIKE 'pg\\_toast\\_temp\\_%'`;

const TABLES_SQL = `
SELECT n.nspname AS schema_name, c.relname AS table_name, c.relkind::text AS relkind
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f') AND ${USER_SCHEMAS}
ORDER BY n.nspname, c.relname`;

const COLUMNS_SQL = `
SELECT n.nspname AS schema_name, c.relname AS table_name, a.attname AS column_name,
  pg_catalog.format_type(a.atttypid, a.atttypmod) AS data_type,
  NOT a.attnotnull AS nullable,
  pg_catalog.pg_get_expr(d.adbin, d.adrelid) AS default_value
FROM pg_catalog.pg_attribute a
JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p', 'v', 'm', 'f') AND ${USER_SCHEMAS}
ORDER BY n.nspname, c.relname, a.attnum`;

const KEYS_SQL = `
SELECT n.nspname AS schema_name, c.relname AS table_name, con.conname AS constraint_name,
  con.contype::text AS constraint_type, k.ord AS ord, a.attname AS column_name,
  fn.nspname AS ref_schema, fc.relname AS ref_table, fa.attname AS ref_column
FROM pg_catalog.pg_constraint con
JOIN pg_catalog.pg_class c ON c.oid = con.conrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
CROSS JOIN LATERAL unnest(con.conkey) WITH ORDINALITY AS k(attnum, ord)
JOIN pg_catalog.pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum
LEFT JOIN pg_catalog.pg_class fc ON fc.oid = con.confrelid
LEFT JOIN pg_catalog.pg_namespace fn ON fn.oid = fc.relnamespace
LEFT JOIN pg_catalog.pg_attribute fa ON fa.attrelid = con.confrelid AND fa.attnum = con.confkey[k.ord]
WHERE con.contype IN ('p', 'f') AND ${USER_SCHEMAS}
ORDER BY n.nspname, c.relname, con.conname, k.ord`;

export async function introspectPostgres(query: IntrospectionQuery): Promise<SchemaInfo> {
  const [tables, columns, keys] = [await query(TABLES_SQL), await query(COLUMNS_SQL), await query(KEYS_SQL)];
  const schema = new SchemaBuilder();
  for (const row of tables) {
    const kind = row.relkind === "v" || row.relkind === "m" ? "view" : "table";
    schema.addTable(str(row.schema_name), str(row.table_name), kind);
  }
  for (const row of columns) {
    schema.addColumn(str(row.schema_name), str(row.table_name), {
      name: str(row.column_name),
      dataType: str(row.data_type),
      nullable: truthy(row.nullable),
      default: strOrNull(row.default_value),
    });
  }
  const constraints = groupBy(keys, (row) => JSON.stringify([row.schema_name, row.table_name, row.constraint_name]));
  for (const rows of constraints.values()) {
    const first = rows[0];
    if (!first) continue;
    const tableSchema = str(first.schema_name);
    const table = str(first.table_name);
    const columnNames = rows.map((row) => str(row.column_name));
    if (first.constraint_type === "p") schema.setPrimaryKey(tableSchema, table, columnNames);
    else {
      schema.addForeignKey(tableSchema, table, {
        columns: columnNames,
        references: { schema: strOrNull(first.ref_schema), table: str(first.ref_table), columns: rows.map((row) => str(row.ref_column)) },
      });
    }
  }
  return schema.build();
}
