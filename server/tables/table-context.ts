/**
 * Resolves a table for the table editor: it must exist in the source's (cached) schema and be
 * readable under the policy; it is editable when the policy lets it be written and it has a
 * primary key to address rows by. Column names used in generated SQL come only from here.
 */
import { TRPCError } from "@trpc/server";
import type { DataSource } from "@/generated/prisma/client";
import type { Db } from "@/server/db/client";
import type { EditorColumn, TableRefInput } from "@/lib/schemas/tables";
import { dialectOf, type Dialect } from "@/lib/sql/dialects";
import { isReadable, isWritable, resolveTable } from "@/server/sql/policy";
import type { SchemaTable } from "@/server/datasources/drivers/types";
import { getDatasourceSchema } from "@/server/datasources/datasource-schema";
import { toDatasourceSummary, type DatasourceSummary } from "@/server/datasources/stored-datasource";
import { tablePolicyOf } from "@/server/queries/execute-guarded";
import type { TableRef } from "@/server/tables/sql-builders";

export interface TableContext {
  row: DataSource;
  source: DatasourceSummary;
  dialect: Dialect;
  table: SchemaTable;
  /** How generated SQL names the table (PostgreSQL keeps the schema). */
  ref: TableRef;
  writable: boolean;
  primaryKey: string[];
  columns: EditorColumn[];
}

export function tableAccess(dialect: Dialect, source: DatasourceSummary, table: Pick<SchemaTable, "schema" | "name" | "kind" | "primaryKey">) {
  // MySQL reports the database as the schema; policies name MySQL tables without it.
  const resolved = resolveTable(dialect, { schema: dialect === "mysql" ? null : table.schema, name: table.name });
  const policy = tablePolicyOf(source.policy);
  const readable = isReadable(dialect, policy, resolved);
  const writable = readable && table.kind === "table" && isWritable(dialect, policy, resolved) && table.primaryKey.length > 0;
  return { readable, writable, display: resolved.display };
}

export async function resolveTableContext(options: { db: Db; datasourceId: string; table: TableRefInput }): Promise<TableContext> {
  const row = await options.db.dataSource.findUnique({ where: { id: options.datasourceId } });
  if (!row) throw new TRPCError({ code: "NOT_FOUND", message: "That data source no longer exists." });
  const source = toDatasourceSummary(row);
  const dialect = dialectOf(source.kind);
  const { schema } = await getDatasourceSchema({ db: options.db, id: row.id });
  const table = schema.tables.find((candidate) => candidate.name === options.table.name && (candidate.schema ?? null) === (options.table.schema ?? null));
  if (!table) {
    throw new TRPCError({ code: "NOT_FOUND", message: `There is no table ${options.table.name} in ${source.name}. If it was just created, refresh the schema.` });
  }
  const access = tableAccess(dialect, source, table);
  if (!access.readable) {
    throw new TRPCError({ code: "FORBIDDEN", message: `Table ${access.display} is not readable under ${source.name}'s policy.` });
  }
  const primaryKey = table.primaryKey;
  return {
    row,
    source,
    dialect,
    table,
    ref: { schema: table.schema, name: table.name },
    writable: access.writable,
    primaryKey,
    columns: table.columns.map((column) => ({
      name: column.name,
      dataType: column.dataType,
      nullable: column.nullable,
      isPrimaryKey: column.isPrimaryKey,
      editable: access.writable && !column.isPrimaryKey,
    })),
  };
}
