/** Running guarded SQL: the request, and the result or error the workbench and apps render. */
import { z } from "zod";
import type { TableRefInput } from "@/lib/schemas/tables";
import { tableViewSchema } from "@/lib/schemas/table-view";

export const queryModeSchema = z.enum(["read", "write"]);
export type QueryMode = z.infer<typeof queryModeSchema>;

/** Values a `{{ }}` template may bind: JSON primitives, or arrays of them (PostgreSQL `= ANY(...)`). */
const primitive = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export const paramValueSchema = z.union([primitive, z.array(primitive)]);

export const runQueryInput = z.object({
  datasourceId: z.string().min(1),
  sql: z.string().min(1, { message: "Write a query first." }).max(100_000),
  mode: queryModeSchema.default("read"),
  /** Keyed by the expression text inside the braces, trimmed. */
  params: z.record(z.string(), paramValueSchema).default({}),
  /** Writes only: run in a transaction that is always rolled back and report what would change. */
  preview: z.boolean().default(false),
  /** Chosen by the client so it can cancel this run. */
  runId: z.string().min(8).max(64),
});
export type RunQueryInput = z.infer<typeof runQueryInput>;

export const cancelQueryInput = z.object({ runId: z.string().min(8).max(64) });

export interface QueryColumn {
  name: string;
  dataType: string;
}

export type QueryErrorSource = "guard" | "database";

export interface QueryFailure {
  ok: false;
  error: { source: QueryErrorSource; code: string; message: string; position: number | null };
}

export interface QuerySuccess {
  ok: true;
  kind: "select" | "insert" | "update" | "delete";
  columns: QueryColumn[];
  rows: Record<string, unknown>[];
  rowCount: number;
  truncated: boolean;
  rowCap: number;
  affectedRows: number | null;
  /**
   * Set exactly when a write was previewed (run in a transaction that was rolled back): samples
   * of the changed rows before and after the change. null for reads and for writes that ran.
   */
  preview: QueryPreview | null;
  durationMs: number;
  /**
   * Reads whose rows are rows of one writable table with a primary key (the guard mapped the
   * query to it, and every key column is in the output): how to save edits of its cells back
   * through `tables.save`. null or absent for everything else.
   */
  editable?: QueryEditable | null;
  /** What the user should know although the query ran (a PostgreSQL cost estimate over tables without statistics, with what to do). */
  warnings?: string[];
}

/** A result column that is a column of the table, under its output name. */
export interface QueryColumnSource {
  /** The result column (as in `columns` and the row objects). */
  output: string;
  /** The table's column. */
  source: string;
}

export interface QueryEditable {
  /** The table, as `tables.save` names it. */
  table: TableRefInput;
  /** How users see the table's name ("orders", "public.orders"). */
  display: string;
  /** The table's primary key columns. */
  primaryKey: string[];
  /** Where each primary key column is in the rows, in primaryKey order. */
  key: QueryColumnSource[];
  /** The cells that may be edited: mapped 1:1, writable under the policy, not part of the key. */
  columns: QueryColumnSource[];
}

/** A few rows of the changed table, with their columns. */
export interface QueryRowSample {
  columns: QueryColumn[];
  rows: Record<string, unknown>[];
}

export interface QueryPreview {
  /** UPDATE/DELETE: rows the write matches, as they are now (null for INSERT or when unavailable). */
  before: QueryRowSample | null;
  /** INSERT/UPDATE: the same rows as they would be (null for DELETE or when unavailable). */
  after: QueryRowSample | null;
  /** Why a sample is missing, in words. */
  notes: string[];
}

export type QueryResult = QuerySuccess | QueryFailure;

/**
 * A window of a read query's result, for results bigger than the browser holds: the query is
 * wrapped (never edited) with the grid's sort, filters and LIMIT/OFFSET, all as bound values.
 */
export const pageQueryInput = z.object({
  datasourceId: z.string().min(1),
  sql: z.string().min(1).max(100_000),
  params: z.record(z.string(), paramValueSchema).default({}),
  /** The result's column names (from the first run); sort and filters may only name these. */
  columns: z.array(z.string().min(1).max(200)).min(1).max(500),
  view: tableViewSchema.default({ sort: [], filters: [] }),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(100_000).default(500),
  withCount: z.boolean().default(false),
});
export type PageQueryInput = z.infer<typeof pageQueryInput>;

export interface QueryPage {
  rows: Record<string, unknown>[];
  offset: number;
  totalCount: number | null;
}
