"use client";
/**
 * What a data widget needs before it draws: the state of the queries its bindings read (first
 * load → loading; a failed query → that query's error on this widget), then a property's value.
 */
import type { Widget } from "@/lib/app-document";
import { bindingErrorMessage, evaluateProperty } from "./bindings-cache";
import { queriesReadBy } from "./query-triggers";
import { queryScope } from "./scope";
import { useAppRuntime } from "./runtime-context";

export type Gate = { kind: "loading" } | { kind: "error"; message: string } | { kind: "ready"; refreshing: boolean };

export function useQueryGate(widget: Widget): Gate {
  const { app, queries } = useAppRuntime();
  const read = queriesReadBy(widget, app.document);
  let refreshing = false;
  for (const id of read) {
    const state = queries[id];
    const { error, isLoading } = queryScope(state);
    if (error && !isLoading) return { kind: "error", message: `Query ${id} failed: ${error}` };
    if (isLoading && !state?.result) return { kind: "loading" };
    // A query that runs by itself but has not answered yet (or not even started, before the
    // first effect): loading, not "No rows" or an error about a value that is not there yet.
    const automatic = app.document.queries.find((query) => query.id === id)?.trigger.kind !== "manual";
    if (automatic && !state?.result && !error) return { kind: "loading" };
    refreshing ||= isLoading;
  }
  return { kind: "ready", refreshing };
}

/** A property's value, or an error naming the property and the failing binding. */
export function useProperty(property: string, text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  const { scope } = useAppRuntime();
  const result = evaluateProperty(text, scope);
  return result.ok ? { ok: true, value: result.value } : { ok: false, message: bindingErrorMessage(property, text, result.error) };
}
