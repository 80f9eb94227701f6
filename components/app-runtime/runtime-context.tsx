"use client";
/**
 * The running app's state, shared by every widget: input values, table selections, query
 * states, and the scope bindings read, built from them. The builder's canvas mounts the same
 * provider with `inputsInUrl: false` and its own query runner (unsaved SQL).
 */
import { useMutation } from "@tanstack/react-query";
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { browserParams } from "@/lib/app-document/query-params";
import { hasRole } from "@/lib/roles";
import type { QueryResult } from "@/lib/schemas/queries";
import { useTRPC } from "@/lib/trpc/client";
import { isAutomatic } from "./query-triggers";
import { buildScope } from "./scope";
import type { InputDefault, InputValue } from "./input-state";
import type { QueryRunner, QueryState, RuntimeApp } from "./types";
import { useAppQueries, useQueryTriggers } from "./use-app-queries";
import { useInputValues } from "./use-input-values";

export interface AppRuntime {
  app: RuntimeApp;
  scope: Record<string, unknown>;
  queries: Record<string, QueryState>;
  /** Runs one query now (whatever its trigger) with the current values; resolves with its new state (null if superseded). */
  runQuery: (queryId: string) => Promise<QueryState | null>;
  /** What a write query would change now, without changing anything (rolled back): for a button's confirmation. */
  previewQuery: (queryId: string) => Promise<QueryResult>;
  /** Runs these queries in parallel; without ids, every automatic (onLoad/onInputChange) query — after an action or write changed data. */
  refreshQueries: (queryIds?: readonly string[]) => Promise<void>;
  inputValues: Record<string, InputValue>;
  inputDefaults: Record<string, InputDefault>;
  setInputValue: (widgetId: string, value: InputValue, options?: { debounceUrl?: boolean }) => void;
  setTableSelection: (widgetId: string, rows: readonly Record<string, unknown>[]) => void;
  /** Operators and above edit cells and run actions; viewers only look. */
  canOperate: boolean;
}

const RuntimeContext = createContext<AppRuntime | null>(null);

function useDefaultRunner(app: RuntimeApp): QueryRunner {
  const trpc = useTRPC();
  const { mutateAsync } = useMutation(trpc.apps.runQuery.mutationOptions());
  const { appId, version } = app;
  // currentUser and constants are bound by the server from the session: only the browser's values travel.
  return useCallback((query, params, runId, options) => mutateAsync({ appId, version, queryId: query.id, params: browserParams(params), runId, preview: options?.preview ?? false }), [mutateAsync, appId, version]);
}

/** `useTestValues`: the builder's preview, where queries' test values stand in for expressions without a value. */
export function AppRuntimeProvider(props: { app: RuntimeApp; inputsInUrl: boolean; queryRunner?: QueryRunner; useTestValues?: boolean; children: ReactNode }) {
  const { app, inputsInUrl } = props;
  const { document, currentUser } = app;
  const fallbackRunner = useDefaultRunner(app);
  const runner = useRef<QueryRunner>(props.queryRunner ?? fallbackRunner);
  const scopeRef = useRef<Record<string, unknown>>({});
  const engine = useAppQueries(document, runner, scopeRef, props.useTestValues ?? false);
  const inputs = useInputValues(document, currentUser, inputsInUrl);
  const [selections, setSelections] = useState<Record<string, readonly Record<string, unknown>[]>>({});

  const scope = useMemo(
    () => buildScope({ document, currentUser, queries: engine.states, inputs: inputs.values, selections }),
    [document, currentUser, engine.states, inputs.values, selections],
  );
  // Before the triggers' effects, so runs started in this commit read this render's scope.
  useEffect(() => {
    runner.current = props.queryRunner ?? fallbackRunner;
    scopeRef.current = scope;
  });
  useQueryTriggers(document, scope, engine);

  const setTableSelection = useCallback((widgetId: string, rows: readonly Record<string, unknown>[]) => {
    setSelections((previous) => ((previous[widgetId] ?? []).length === 0 && rows.length === 0 ? previous : { ...previous, [widgetId]: rows }));
  }, []);
  const { runQuery, runQueries, previewQuery } = engine;
  const refreshQueries = useCallback(
    (queryIds?: readonly string[]) => runQueries(queryIds ?? document.queries.filter(isAutomatic).map((query) => query.id)),
    [runQueries, document],
  );

  const value = useMemo<AppRuntime>(
    () => ({
      app,
      scope,
      queries: engine.states,
      runQuery,
      previewQuery,
      refreshQueries,
      inputValues: inputs.values,
      inputDefaults: inputs.defaults,
      setInputValue: inputs.setValue,
      setTableSelection,
      canOperate: hasRole(currentUser.role, "operator"),
    }),
    [app, scope, engine.states, runQuery, previewQuery, refreshQueries, inputs.values, inputs.defaults, inputs.setValue, setTableSelection, currentUser.role],
  );
  return <RuntimeContext.Provider value={value}>{props.children}</RuntimeContext.Provider>;
}

export function useAppRuntime(): AppRuntime {
  const value = useContext(RuntimeContext);
  if (!value) throw new Error("useAppRuntime must be used inside <AppRuntimeProvider>.");
  return value;
}
