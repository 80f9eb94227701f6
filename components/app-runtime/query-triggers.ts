/**
 * When an app's queries run. onLoad: once when the app opens. onInputChange: when it opens and
 * again, debounced, whenever the values of its parameters change. manual: only when a button
 * (or the builder) runs it. After an action or a write succeeds the automatic ones run again so
 * the page shows what the database now holds. Pure decisions; the hook applies them.
 */
import type { AppDocument, AppQuery, Widget } from "@/lib/app-document";
import { propertyNames } from "./bindings-cache";

export function isAutomatic(query: AppQuery): boolean {
  return query.trigger.kind !== "manual";
}

/** Queries to run when the app opens. */
export function queriesOnOpen(queries: readonly AppQuery[]): string[] {
  return queries.filter(isAutomatic).map((query) => query.id);
}

/**
 * onInputChange queries whose parameter values changed since their last run, with how long to
 * wait. `current` holds each query's params key now; `lastRun` the key it last ran (or was
 * scheduled) with. A query whose params cannot be evaluated has no key and is not scheduled.
 */
export function changedQueries(queries: readonly AppQuery[], current: Readonly<Record<string, string | null>>, lastRun: Readonly<Record<string, string | undefined>>): { id: string; delayMs: number }[] {
  const due: { id: string; delayMs: number }[] = [];
  for (const query of queries) {
    if (query.trigger.kind !== "onInputChange") continue;
    const key = current[query.id];
    const last = lastRun[query.id];
    // Not run yet: the open-time run takes care of it.
    if (key === null || key === undefined || last === undefined || key === last) continue;
    due.push({ id: query.id, delayMs: query.trigger.debounceMs });
  }
  return due;
}

/** Texts of a widget's properties that may hold bindings, by property name (for errors and dependencies). */
export function widgetBindings(widget: Widget): Record<string, string> {
  switch (widget.type) {
    case "table":
      return { Data: widget.props.data };
    case "chart":
      return { Data: widget.props.data };
    case "stat":
      return { Value: widget.props.value, ...(widget.props.comparison ? { Comparison: widget.props.comparison } : {}) };
    case "text":
      return { Markdown: widget.props.markdown };
    case "button":
      return { Label: widget.props.label };
    case "input":
      return widget.props.kind === "select" && widget.props.options.source === "query" ? { Options: widget.props.options.data } : {};
    default:
      return {};
  }
}

/** The app queries a widget's bindings read (so it shows their loading and error states). */
export function queriesReadBy(widget: Widget, document: AppDocument): string[] {
  const ids = new Set(document.queries.map((query) => query.id));
  const read = new Set<string>();
  for (const text of Object.values(widgetBindings(widget))) for (const name of propertyNames(text)) if (ids.has(name)) read.add(name);
  return [...read];
}

/** The query a table shows directly when its data is exactly `{{ someQuery.data }}` (its result's columns and edits apply). */
export function directSourceQuery(dataText: string, document: AppDocument): AppQuery | null {
  const match = /^\s*\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\.\s*data\s*\}\}\s*$/.exec(dataText);
  return (match && document.queries.find((query) => query.id === match[1])) ?? null;
}
