/**
 * SQLite schema introspection from sqlite_schema with the pragma_table_info and
 * pragma_foreign_key_list table functions (plain SELECTs, so they pass the worker's read-only
 * checks). Internal sqlite_% tables are left out; `schema` is null (one file, one schema).
 */
import type { SchemaInfo } from "@/server/datasources/drivers/types";
import { groupBy, SchemaBuilder, str, strOrNull, truthy, type IntrospectionQuery } from "./common";

const USER_OBJECTS = `m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\'`;

const COLUMNS_SQL = `
SELECT m.name AS table_name, m.type AS table_type, p.cid AS cid, p.name AS column_name, p.type AS data_type,
  p."notnull" AS not_null, p.dflt_value AS default_value, p.pk AS pk
FROM sqlite_schema m JOIN pragma_table_info(m.name) p
WHERE m.type IN ('table', 'view') AND ${USER_OBJECTS}
ORDER BY m.name, p.cid`;

const FOREIGN_KEYS_SQL = `
SELECT m.name AS table_name, f.id AS fk_id, f.seq AS seq, f."table" AS ref_table, f."from" AS column_name, f."to" AS ref_column
FROM sqlite_schema m JOIN pragma_foreign_key_list(m.name) f
WHERE m.type = 'table' AND ${USER_OBJECTS}
ORDER BY m.name, f.id, f.seq`;

export async function introspectSqlite(query: IntrospectionQuery): Promise<SchemaInfo> {
  const columns = await query(COLUMNS_SQL);
  const foreignKeys = await query(FOREIGN_KEYS_SQL);
  const schema = new SchemaBuilder();
  for (const [table, rows] of groupBy(columns, (row) => str(row.table_name))) {
    schema.addTable(null, table, rows[0]?.table_type === "view" ? "view" : "table");
    for (const row of rows) {
      schema.addColumn(null, table, { name: str(row.column_name), dataType: str(row.data_type), nullable: !truthy(row.not_null), default: strOrNull(row.default_value) });
    }
    const primaryKey = rows
      .filter((row) => Number(row.pk) > 0)
      .sort((a, b) => Number(a.pk) - Number(b.pk))
      .map((row) => str(row.column_name));
    schema.setPrimaryKey(null, table, primaryKey);
  }
  for (const rows of groupBy(foreignKeys, (row) => JSON.stringify([row.table_name, row.fk_id])).values()) {
    const first = rows[0];
    if (!first) continue;
    const target = str(first.ref_table);
    // A foreign key written without target columns refers to the target's primary key.
    const explicit = rows.every((row) => row.ref_column !== null && row.ref_column !== undefined);
    schema.addForeignKey(null, str(first.table_name), {
      columns: rows.map((row) => str(row.column_name)),
      references: { schema: null, table: target, columns: explicit ? rows.map((row) => str(row.ref_column)) : schema.primaryKeyOf(null, target) },
    });
  }
  return schema.build();
}
