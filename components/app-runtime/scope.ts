/**
 * The names bindings read at run time: each query as `{ data, isLoading, error }`, each widget
 * with its outputs (inputs: value / start+end; tables: selectedRows / selectedRow; others: no
 * fields), and `currentUser`. Pure: built from the runtime's state on each change.
 */
import type { AppDocument } from "@/lib/app-document";
import { inputOutputs, type InputValue, type InputWidget } from "./input-state";
import type { QueryState, RuntimeApp } from "./types";

export interface QueryScope {
  data: Record<string, unknown>[];
  isLoading: boolean;
  error: string | null;
}

/** A query as bindings see it: rows ([] until it has run, and for writes), loading, and the error message. */
export function queryScope(state: QueryState | undefined): QueryScope {
  if (!state) return { data: [], isLoading: false, error: null };
  const result = state.result;
  const error = state.error ?? (result && !result.ok ? result.error.message : null);
  return { data: result?.ok ? result.rows : [], isLoading: state.isLoading, error };
}

/** A table's outputs for its selected rows (selectedRow is the first, or null). */
export function tableOutputs(selectedRows: readonly Record<string, unknown>[]): { selectedRows: Record<string, unknown>[]; selectedRow: Record<string, unknown> | null } {
  return { selectedRows: [...selectedRows], selectedRow: selectedRows[0] ?? null };
}

export interface ScopeState {
  document: AppDocument;
  currentUser: RuntimeApp["currentUser"];
  queries: Readonly<Record<string, QueryState>>;
  /** Every input's current value (defaults already applied). */
  inputs: Readonly<Record<string, InputValue>>;
  selections: Readonly<Record<string, readonly Record<string, unknown>[]>>;
}

export function buildScope(state: ScopeState): Record<string, unknown> {
  const scope: Record<string, unknown> = {};
  for (const page of state.document.pages) {
    for (const widget of page.widgets) {
      if (widget.type === "input") scope[widget.id] = inputOutputs(widget as InputWidget, state.inputs[widget.id] ?? null);
      else if (widget.type === "table") scope[widget.id] = tableOutputs(state.selections[widget.id] ?? []);
      else scope[widget.id] = {};
    }
  }
  // Queries after widgets: validation reports a clash; the query keeps the name as in availableNames.
  for (const query of state.document.queries) scope[query.id] = queryScope(state.queries[query.id]);
  scope.currentUser = { ...state.currentUser };
  return scope;
}
