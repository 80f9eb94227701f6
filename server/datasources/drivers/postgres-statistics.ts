// Whether PostgreSQL's cost estimate for a plan can be trusted: which tables the plan scans, and
// which of them have no statistics (an estimate over those is a guess; see checkCost).
import type { FetchedResult } from "./postgres-protocol";

/** The tables a plan scans, as "schema.name" (EXPLAIN VERBOSE names the schema). */
export function planTables(fetched: FetchedResult): string[] {
  const found = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (typeof node !== "object" || node === null) return;
    const record = node as Record<string, unknown>;
    if (typeof record["Relation Name"] === "string" && typeof record.Schema === "string") found.add(`${record.Schema}.${record["Relation Name"]}`);
    for (const value of Object.values(record)) if (typeof value === "object") visit(value);
  };
  visit(fetched.rows[0]?.[0]);
  return [...found];
}

/**
 * Of the plan's tables, those PostgreSQL has no statistics for (never analyzed: reltuples = -1,
 * or neither ANALYZE nor autovacuum has analyzed it): its estimates for them are guesses.
 */
export const UNANALYZED_SQL = `SELECT n.nspname || '.' || c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  LEFT JOIN pg_stat_all_tables s ON s.relid = c.oid
  WHERE n.nspname || '.' || c.relname = ANY($1::text[])
    AND (c.reltuples < 0 OR (s.relid IS NOT NULL AND s.last_analyze IS NULL AND s.last_autoanalyze IS NULL))
  ORDER BY 1`;
