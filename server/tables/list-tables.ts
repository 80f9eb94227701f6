/** The tables of a source that the policy lets builders open, with whether each can be edited. */
import { TRPCError } from "@trpc/server";
import type { Db } from "@/server/db/client";
import { dialectOf } from "@/lib/sql/dialects";
import { getDatasourceSchema } from "@/server/datasources/datasource-schema";
import { toDatasourceSummary } from "@/server/datasources/stored-datasource";
import { tableAccess } from "@/server/tables/table-context";

export interface EditorTableSummary {
  schema: string | null;
  name: string;
  display: string;
  kind: "table" | "view";
  writable: boolean;
  hasPrimaryKey: boolean;
}

export async function listEditorTables(options: { db: Db; datasourceId: string }): Promise<EditorTableSummary[]> {
  const row = await options.db.dataSource.findUnique({ where: { id: options.datasourceId } });
  if (!row) throw new TRPCError({ code: "NOT_FOUND", message: "That data source no longer exists." });
  const source = toDatasourceSummary(row);
  const dialect = dialectOf(source.kind);
  const { schema } = await getDatasourceSchema({ db: options.db, id: row.id });
  return schema.tables
    .map((table) => ({ table, access: tableAccess(dialect, source, table) }))
    .filter(({ access }) => access.readable)
    .map(({ table, access }) => ({ schema: table.schema, name: table.name, display: access.display, kind: table.kind, writable: access.writable, hasPrimaryKey: table.primaryKey.length > 0 }))
    .sort((a, b) => a.display.localeCompare(b.display));
}
