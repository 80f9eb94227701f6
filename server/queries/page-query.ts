/**
 * Serves windows of a read query's result when it is too big for the browser: the builder's
 * query becomes a derived table, wrapped with the grid's sort and filters (pushed down) and
 * LIMIT/OFFSET, plus an optional count — and the whole wrapped text goes through the guard
 * again, so wrapping can never widen what the query may do.
 */
import { TRPCError } from "@trpc/server";
import type { Db } from "@/server/db/client";
import type { PageQueryInput, QueryPage } from "@/lib/schemas/queries";
import { dialectOf } from "@/lib/sql/dialects";
import { toDatasourceSummary } from "@/server/datasources/stored-datasource";
import { executeGuarded } from "@/server/queries/execute-guarded";
import { asUserError } from "@/server/tables/browse-table";
import { buildCountQuery, buildPageQuery } from "@/server/tables/sql-builders";

export async function pageQuery(options: { db: Db; input: PageQueryInput; userId?: string }): Promise<QueryPage> {
  const { input, userId } = options;
  const row = await options.db.dataSource.findUnique({ where: { id: input.datasourceId } });
  if (!row) throw new TRPCError({ code: "NOT_FOUND", message: "That data source no longer exists." });
  const source = toDatasourceSummary(row);
  const base = {
    dialect: dialectOf(source.kind),
    source: { sql: input.sql, params: input.params },
    columns: new Set(input.columns),
    view: input.view,
    // No key to fall back on: order by every column for a stable order across pages.
    tieBreaker: input.view.sort.length ? [] : input.columns,
  };
  const limit = Math.min(input.limit, source.policy.rowCap);
  try {
    const [count, page] = await Promise.all([
      input.withCount ? executeGuarded({ row, statement: buildCountQuery(base), mode: "read", rowCap: 1, userId }) : Promise.resolve(null),
      executeGuarded({ row, statement: buildPageQuery({ ...base, offset: input.offset, limit }), mode: "read", rowCap: limit, userId }),
    ]);
    return { rows: page.result.rows, offset: input.offset, totalCount: count ? Number(count.result.rows[0]?.n ?? 0) : null };
  } catch (error) {
    asUserError(error);
  }
}
