"use client";
/**
 * What the preview's last runs showed about each read query's result (its columns, and whether
 * its rows can be edited): handed to validation, so field references are checked against real
 * columns, and to the table inspector, which says per column whether it can be edited.
 */
import { useEffect, useMemo } from "react";
import { rowsQueryOf, type QueryResultInfo, type QueryResults } from "@/lib/app-document";
import { useAppRuntime, type QueryState } from "@/components/app-runtime";

/** The facts of one query's last run, or null when it has none (failed, never run, a write). */
function resultInfoOf(state: QueryState | undefined): QueryResultInfo | null {
  const result = state?.result ?? null;
  if (result === null || !result.ok || result.kind !== "select") return null;
  const editable = result.editable ?? null;
  return { columns: result.columns.map((column) => column.name), editable: editable && { display: editable.display, primaryKey: editable.primaryKey, key: editable.key, columns: editable.columns } };
}

/** The query a `{{ q.data }}` binding reads and what its last run showed, or null. */
export function useRowsSource(data: string): { queryId: string; info: QueryResultInfo } | null {
  const { queries, app } = useAppRuntime();
  const queryId = rowsQueryOf(data);
  if (queryId === null || !app.document.queries.some((query) => query.id === queryId && query.mode === "read")) return null;
  const info = resultInfoOf(queries[queryId]);
  return info === null ? null : { queryId, info };
}

/** Reports the facts to the builder when they change, not on every run. */
export function QueryResultsReporter({ onChange }: { onChange: (results: QueryResults) => void }) {
  const { queries, app } = useAppRuntime();
  const facts = useMemo(() => {
    const results: Record<string, QueryResultInfo> = {};
    for (const query of app.document.queries) {
      const info = query.mode === "read" ? resultInfoOf(queries[query.id]) : null;
      if (info !== null) results[query.id] = info;
    }
    return JSON.stringify(results);
  }, [queries, app.document.queries]);
  useEffect(() => {
    onChange(JSON.parse(facts) as QueryResults);
  }, [facts, onChange]);
  return null;
}
