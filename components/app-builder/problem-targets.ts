// Ties validation problems (paths like "pages[0].widgets[2].props.data") to what the builder
// shows: a widget or query by id and the field inside it, so the inspector can put the message
// next to the field and the problems list can select what a problem is about.
import type { AppDocument, Problem } from "@/lib/app-document";

export type ProblemTarget =
  | { kind: "widget"; pageId: string; widgetId: string; field: string }
  | { kind: "query"; queryId: string; field: string }
  | { kind: "page"; pageId: string; field: string }
  | { kind: "app"; field: string };

export type LocatedProblem = Problem & { target: ProblemTarget };

const WIDGET_PATH = /^pages\[(\d+)\]\.widgets\[(\d+)\]\.?(.*)$/;
const QUERY_PATH = /^queries\[(\d+)\]\.?(.*)$/;
const PAGE_PATH = /^pages\[(\d+)\]\.?(.*)$/;

/** What `path` points at in `doc` (the document the problems were found in). */
export function problemTarget(doc: AppDocument, path: string): ProblemTarget {
  const widgetMatch = WIDGET_PATH.exec(path);
  if (widgetMatch) {
    const page = doc.pages[Number(widgetMatch[1])];
    const widget = page?.widgets[Number(widgetMatch[2])];
    if (page && widget) return { kind: "widget", pageId: page.id, widgetId: widget.id, field: widgetMatch[3] ?? "" };
  }
  const queryMatch = QUERY_PATH.exec(path);
  if (queryMatch) {
    const query = doc.queries[Number(queryMatch[1])];
    if (query) return { kind: "query", queryId: query.id, field: queryMatch[2] ?? "" };
  }
  const pageMatch = PAGE_PATH.exec(path);
  if (pageMatch) {
    const page = doc.pages[Number(pageMatch[1])];
    if (page) return { kind: "page", pageId: page.id, field: pageMatch[2] ?? "" };
  }
  return { kind: "app", field: path };
}

export function locateProblems(doc: AppDocument, problems: readonly Problem[]): LocatedProblem[] {
  return problems.map((problem) => ({ ...problem, target: problemTarget(doc, problem.path) }));
}

/** True when `field` is `prefix` or inside it ("props.run.mapping.orderId" is inside "props.run"). */
export function isFieldWithin(field: string, prefix: string): boolean {
  return field === prefix || field.startsWith(`${prefix}.`) || field.startsWith(`${prefix}[`);
}

/** Messages of the problems of one widget or query at or inside `prefix`. */
export function messagesAt(problems: readonly LocatedProblem[], prefix: string): string[] {
  return problems.filter((problem) => isFieldWithin(problem.target.field, prefix)).map((problem) => problem.message);
}

export function problemsOfWidget(problems: readonly LocatedProblem[], widgetId: string): LocatedProblem[] {
  return problems.filter((problem) => problem.target.kind === "widget" && problem.target.widgetId === widgetId);
}

export function problemsOfQuery(problems: readonly LocatedProblem[], queryId: string): LocatedProblem[] {
  return problems.filter((problem) => problem.target.kind === "query" && problem.target.queryId === queryId);
}
