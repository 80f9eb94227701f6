"use client";
/**
 * Runs an app's queries: every automatic one in parallel when the app opens; onInputChange ones
 * again, debounced, when their parameter values (or SQL, in the builder) change; any on demand.
 * Each run evaluates the SQL's bindings against the latest scope; a response superseded by a
 * newer run of the same query is dropped.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type RefObject } from "react";
import type { AppDocument, AppQuery } from "@/lib/app-document";
import { errorMessage } from "@/lib/trpc/error-message";
import { changedQueries, queriesOnOpen } from "./query-triggers";
import { evaluateSqlParams, paramsKey } from "./sql-params";
import type { QueryResult } from "@/lib/schemas/queries";
import type { QueryRunner, QueryState } from "./types";

/** The parameters a query runs with; test values only where the builder asks for them. */
function paramsOf(query: AppQuery, scope: Record<string, unknown>, useTestValues: boolean) {
  return evaluateSqlParams(query.sql, scope, useTestValues ? query.testValues : undefined);
}

/** What a query's next run depends on: its SQL and its parameter values (or the binding error). */
function runKey(query: AppQuery, scope: Record<string, unknown>, useTestValues: boolean): string {
  const params = paramsOf(query, scope, useTestValues);
  return `${query.sql}\u0000${params.ok ? paramsKey(params.params) : `!${params.message}`}`;
}

export interface QueryEngine {
  states: Record<string, QueryState>;
  /** Resolves with the query's new state, or null when the query does not exist or a newer run superseded this one. */
  runQuery: (queryId: string) => Promise<QueryState | null>;
  runQueries: (ids: readonly string[]) => Promise<void>;
  /** Previews a write with the current values; the query's state is left alone. */
  previewQuery: (queryId: string) => Promise<QueryResult>;
  /** Per query, the run key (SQL + parameter values) of its last run. */
  lastKeysRef: RefObject<Record<string, string | undefined>>;
  /** Pending debounced runs. */
  timersRef: RefObject<Record<string, ReturnType<typeof setTimeout>>>;
  /** The builder's preview: queries' test values stand in for expressions without a value. */
  useTestValues: boolean;
}

/** The query states and how to run them; the triggers (useQueryTriggers) decide when. */
export function useAppQueries(document: AppDocument, runner: RefObject<QueryRunner>, scopeRef: RefObject<Record<string, unknown>>, useTestValues = false): QueryEngine {
  const [states, setStates] = useState<Record<string, QueryState>>({});
  const latestRun = useRef<Record<string, string>>({});
  const lastKeysRef = useRef<Record<string, string | undefined>>({});
  const timersRef = useRef<Record<string, ReturnType<typeof setTimeout>>>({});
  const documentRef = useRef(document);
  useEffect(() => {
    documentRef.current = document;
  }, [document]);

  const runQuery = useCallback(
    async (queryId: string): Promise<QueryState | null> => {
      const query = documentRef.current.queries.find((candidate) => candidate.id === queryId);
      if (!query) return null;
      clearTimeout(timersRef.current[queryId]);
      const current = scopeRef.current;
      lastKeysRef.current[queryId] = runKey(query, current, useTestValues);
      const params = paramsOf(query, current, useTestValues);
      const runId = crypto.randomUUID();
      latestRun.current[queryId] = runId;
      if (!params.ok) {
        const failed: QueryState = { result: null, isLoading: false, params: null, error: `A parameter of ${queryId} failed: ${params.message}` };
        setStates((previous) => ({ ...previous, [queryId]: failed }));
        return failed;
      }
      setStates((previous) => ({ ...previous, [queryId]: { result: previous[queryId]?.result ?? null, params: previous[queryId]?.params ?? null, isLoading: true, error: null } }));
      let next: QueryState;
      try {
        const result = await runner.current(query, params.params, runId);
        next = { result, isLoading: false, params: params.params, error: null };
      } catch (error) {
        next = { result: null, isLoading: false, params: params.params, error: errorMessage(error) };
      }
      // A newer run of this query started meanwhile: its answer is the one to show.
      if (latestRun.current[queryId] !== runId) return null;
      setStates((previous) => ({ ...previous, [queryId]: next }));
      return next;
    },
    [runner, scopeRef, useTestValues],
  );

  const runQueries = useCallback((ids: readonly string[]) => Promise.all(ids.map((id) => runQuery(id))).then(() => undefined), [runQuery]);

  const previewQuery = useCallback(
    async (queryId: string): Promise<QueryResult> => {
      const failed = (message: string): QueryResult => ({ ok: false, error: { source: "guard", code: "preview_failed", message, position: null } });
      const query = documentRef.current.queries.find((candidate) => candidate.id === queryId);
      if (!query) return failed(`There is no query named ${queryId}.`);
      const params = paramsOf(query, scopeRef.current, useTestValues);
      if (!params.ok) return failed(`A parameter of ${queryId} failed: ${params.message}`);
      try {
        return await runner.current(query, params.params, crypto.randomUUID(), { preview: true });
      } catch (error) {
        return failed(errorMessage(error));
      }
    },
    [runner, scopeRef, useTestValues],
  );

  useEffect(() => {
    const pending = timersRef.current;
    return () => {
      for (const id of Object.keys(pending)) clearTimeout(pending[id]);
    };
  }, []);

  return { states, runQuery, runQueries, previewQuery, lastKeysRef, timersRef, useTestValues };
}

/**
 * When queries run: on open, every automatic query at once; afterwards each onInputChange query
 * whose run key changed, after its debounce (a newer change restarts the wait). Call after the
 * scope ref is updated, so runs read the scope of this render.
 */
export function useQueryTriggers(document: AppDocument, scope: Record<string, unknown>, engine: QueryEngine): void {
  const { runQuery, runQueries, lastKeysRef, timersRef, useTestValues } = engine;
  const documentRef = useRef(document);
  useEffect(() => {
    documentRef.current = document;
  }, [document]);

  // Once per mount (React's development double effects would otherwise run every query twice).
  const opened = useRef(false);
  useEffect(() => {
    if (opened.current) return;
    opened.current = true;
    void runQueries(queriesOnOpen(documentRef.current.queries));
  }, [runQueries]);

  const currentKeys = useMemo(() => {
    const keys: Record<string, string> = {};
    for (const query of document.queries) if (query.trigger.kind === "onInputChange") keys[query.id] = runKey(query, scope, useTestValues);
    return keys;
  }, [document, scope, useTestValues]);
  const signature = JSON.stringify(currentKeys);
  useEffect(() => {
    const due = changedQueries(documentRef.current.queries, currentKeys, lastKeysRef.current);
    const dueIds = new Set(due.map((entry) => entry.id));
    for (const id of Object.keys(timersRef.current)) if (!dueIds.has(id)) clearTimeout(timersRef.current[id]);
    for (const { id, delayMs } of due) {
      clearTimeout(timersRef.current[id]);
      timersRef.current[id] = setTimeout(() => void runQuery(id), delayMs);
    }
    // currentKeys is read through its signature: a new object with the same keys is no change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [signature, runQuery]);
}
