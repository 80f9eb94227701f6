/**
 * What the server can prove, without running anything, about which result columns of an app's
 * read queries can be edited: the guard's projection of the query (null for a join, GROUP BY,
 * DISTINCT…) checked against the data source's schema and policy exactly as a preview run's
 * `editable` is. Publishing uses it so a table column marked editable that could never be saved
 * is refused on the server too, not only in the builder. Result column names are not claimed
 * (an expression's name is the database's to choose), so only editability is checked here.
 */
import type { AppDocument, QueryResults } from "@/lib/app-document";
import type { QueryColumn } from "@/lib/schemas/queries";
import { dialectOf } from "@/lib/sql/dialects";
import type { Db } from "@/server/db/client";
import { getDatasourceSchema } from "@/server/datasources/datasource-schema";
import { toDatasourceSummary } from "@/server/datasources/stored-datasource";
import { editableResult, findProjectedTable } from "@/server/queries/editable-result";
import { tablePolicyOf } from "@/server/queries/execute-guarded";
import { guardSql, initGuard } from "@/server/sql/guard";

/** Facts for the read queries that tables mark editable columns of. */
export async function editableFacts(db: Db, doc: AppDocument): Promise<QueryResults> {
  const wanted = new Set<string>();
  for (const page of doc.pages) {
    for (const widget of page.widgets) {
      if (widget.type !== "table" || !widget.props.editable || !widget.props.columns.some((column) => column.editable === true)) continue;
      const id = /^\s*\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\.\s*data\s*\}\}\s*$/.exec(widget.props.data)?.[1];
      if (id !== undefined) wanted.add(id);
    }
  }
  if (wanted.size === 0) return {};
  await initGuard();
  const facts: Record<string, QueryResults[string]> = {};
  for (const query of doc.queries) {
    if (!wanted.has(query.id) || query.mode !== "read") continue;
    const row = await db.dataSource.findUnique({ where: { name: query.datasource } });
    if (!row) continue; // reported as an unknown data source
    const source = toDatasourceSummary(row);
    const dialect = dialectOf(source.kind);
    // Parameters do not change which columns a read shows: bind nulls.
    const guarded = guardSql({ sql: query.sql, dialect, mode: "read", params: () => null, policy: tablePolicyOf(source.policy) });
    if (!guarded.ok) continue; // the builder shows the query's own error
    const projection = guarded.projection;
    let columns: QueryColumn[] = [];
    if (projection !== null) {
      // The columns the run would return, by position: `*` from the schema; expressions keep a name no column has.
      const { schema } = await getDatasourceSchema({ db, id: source.id }).catch(() => ({ schema: { tables: [] } }));
      const table = findProjectedTable(dialect, schema.tables, projection.table);
      columns = projection.items.flatMap((item, i) => {
        if (item.kind === "column") return [{ name: item.output, dataType: "" }];
        if (item.kind === "all") return (table?.columns ?? []).map((column) => ({ name: column.name, dataType: "" }));
        return [{ name: `\u0000expression ${i}`, dataType: "" }];
      });
    }
    const editable = await editableResult({ db, source, dialect, projection, columns });
    facts[query.id] = { columns: null, editable: editable && { display: editable.display, primaryKey: editable.primaryKey, key: editable.key, columns: editable.columns } };
  }
  return facts;
}
