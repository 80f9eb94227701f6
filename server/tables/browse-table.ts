/**
 * Reads a window of a table for the table editor, with sort and filters pushed down to the
 * database and an optional count of the matching rows — every statement through the guard.
 */
import { TRPCError } from "@trpc/server";
import type { Db } from "@/server/db/client";
import type { BrowseTableInput, EditorColumn } from "@/lib/schemas/tables";
import { CLIENT_ROW_LIMIT } from "@/lib/schemas/table-view";
import { DriverError } from "@/server/datasources/drivers/types";
import { executeGuarded, GuardRefusal } from "@/server/queries/execute-guarded";
import { buildCountQuery, buildPageQuery, UnknownColumnError } from "@/server/tables/sql-builders";
import { resolveTableContext } from "@/server/tables/table-context";

export interface BrowseTableResult {
  columns: EditorColumn[];
  columnTypes: { name: string; dataType: string }[];
  primaryKey: string[];
  writable: boolean;
  rows: Record<string, unknown>[];
  offset: number;
  totalCount: number | null;
  /** The most rows the browser may hold at once for this source (policy row cap, at most 100,000). */
  clientLimit: number;
  durationMs: number;
}

/** Guard refusals, unknown columns and database errors become messages the grid shows where the user is. */
export function asUserError(error: unknown): never {
  if (error instanceof GuardRefusal || error instanceof UnknownColumnError) throw new TRPCError({ code: "BAD_REQUEST", message: error.message, cause: error });
  if (error instanceof DriverError) throw new TRPCError({ code: error.code === "timeout" ? "TIMEOUT" : "BAD_GATEWAY", message: error.message, cause: error });
  throw error;
}

export async function browseTable(options: { db: Db; input: BrowseTableInput }): Promise<BrowseTableResult> {
  const { input } = options;
  const ctx = await resolveTableContext({ db: options.db, datasourceId: input.datasourceId, table: input.table });
  const clientLimit = Math.min(CLIENT_ROW_LIMIT, ctx.source.policy.rowCap);
  const limit = Math.min(input.limit, clientLimit);
  const base = { dialect: ctx.dialect, source: { table: ctx.ref }, columns: new Set(ctx.columns.map((column) => column.name)), view: input.view, tieBreaker: ctx.primaryKey };
  const started = performance.now();
  try {
    const [count, page] = await Promise.all([
      input.withCount ? executeGuarded({ row: ctx.row, statement: buildCountQuery(base), mode: "read", rowCap: 1 }) : Promise.resolve(null),
      executeGuarded({ row: ctx.row, statement: buildPageQuery({ ...base, offset: input.offset, limit }), mode: "read", rowCap: limit }),
    ]);
    return {
      columns: ctx.columns,
      columnTypes: page.result.columns,
      primaryKey: ctx.primaryKey,
      writable: ctx.writable,
      rows: page.result.rows,
      offset: input.offset,
      totalCount: count ? Number(count.result.rows[0]?.n ?? 0) : null,
      clientLimit,
      durationMs: Math.round(performance.now() - started),
    };
  } catch (error) {
    asUserError(error);
  }
}
