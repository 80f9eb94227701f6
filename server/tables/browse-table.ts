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
import { buildCountQuery, buildPageQuery, UnknownColumnError, type PagingMethod } from "@/server/tables/sql-builders";
import { resolveTableContext, type TableContext } from "@/server/tables/table-context";

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
  /** How the database found the window's first row (keyset, seek or OFFSET; see buildPageQuery). */
  paging: PagingMethod;
  durationMs: number;
}

/** Guard refusals, unknown columns and database errors become messages the grid shows where the user is. */
export function asUserError(error: unknown): never {
  if (error instanceof GuardRefusal || error instanceof UnknownColumnError) throw new TRPCError({ code: "BAD_REQUEST", message: error.message, cause: error });
  if (error instanceof DriverError) throw new TRPCError({ code: error.code === "timeout" ? "TIMEOUT" : "BAD_GATEWAY", message: error.message, cause: error });
  throw error;
}

/**
 * The column pages may seek on: a single-column primary key that cannot hold NULL. PostgreSQL
 * and MySQL make every primary key column NOT NULL. SQLite lets a primary key hold NULLs unless
 * it is declared NOT NULL or is a rowid alias (INTEGER PRIMARY KEY) — and introspection cannot
 * tell an alias from `INTEGER PRIMARY KEY DESC`, which is none — while a NULL key would fall
 * outside `key >= …`: there only a key declared NOT NULL seeks.
 */
function seekKeyOf(ctx: TableContext): string | undefined {
  const [key, ...rest] = ctx.primaryKey;
  if (key === undefined || rest.length > 0) return undefined;
  return ctx.columns.find((column) => column.name === key)?.nullable === false ? key : undefined;
}

export async function browseTable(options: { db: Db; input: BrowseTableInput; userId?: string }): Promise<BrowseTableResult> {
  const { input, userId } = options;
  const ctx = await resolveTableContext({ db: options.db, datasourceId: input.datasourceId, table: input.table });
  const clientLimit = Math.min(CLIENT_ROW_LIMIT, ctx.source.policy.rowCap);
  const limit = Math.min(input.limit, clientLimit);
  const base = { dialect: ctx.dialect, source: { table: ctx.ref }, columns: new Set(ctx.columns.map((column) => column.name)), view: input.view, tieBreaker: ctx.primaryKey, seekKey: seekKeyOf(ctx) };
  const started = performance.now();
  try {
    const pageQuery = buildPageQuery({ ...base, offset: input.offset, limit, after: input.afterKey, total: input.knownTotal });
    const [count, page] = await Promise.all([
      input.withCount ? executeGuarded({ row: ctx.row, statement: buildCountQuery(base), mode: "read", rowCap: 1, userId }) : Promise.resolve(null),
      executeGuarded({ row: ctx.row, statement: pageQuery, mode: "read", rowCap: limit, userId }),
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
      paging: pageQuery.method,
      durationMs: Math.round(performance.now() - started),
    };
  } catch (error) {
    asUserError(error);
  }
}
