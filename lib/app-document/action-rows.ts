// Which rows a widget hands to a row action, read from the document alone — shared by the
// builder's checks, the running app and the server's run check, so all three agree:
//
// - a table's row action maps a key field to `{{ row.<column> }}`: the rows are the table's
//   selected rows;
// - a button maps it to `{{ <table>.selectedRow.<column> }}` (per-row actions: the button runs
//   on EVERY selected row, `selectedRow` standing for each in turn) or, for batch actions,
//   `{{ pluck(<table>.selectedRows, "<column>") }}`.
//
// Anything else (a constant id, `selectedRows[0]`, a computed value) cannot be checked against
// the rows the table shows, so it is a problem. The table's rows must be `{{ query.data }}` of
// a read query: that query is what the server runs again to see the rows the user sees.
import { parseTemplate, type Node } from "@/lib/bindings";
import type { AppDocument, AppQuery, Widget } from "./schema";

export type TableWidget = Extract<Widget, { type: "table" }>;

/** A key field's binding: which table's selected rows, and which of their columns. */
export interface RowReference {
  /** The table widget whose selection supplies the rows. */
  table: string;
  column: string;
  /** `row.x` in a table action, `t.selectedRow.x` on a button (both per row), or pluck over `t.selectedRows` (a list). */
  form: "row" | "selectedRow" | "pluck";
}

function singleBinding(text: string): Node | null {
  const parsed = parseTemplate(text);
  if (!parsed.ok || parsed.value.length !== 1) return null;
  const [part] = parsed.value;
  return part?.kind === "binding" ? part.ast : null;
}

/** `{{ row.id }}` (table actions) or `{{ t.selectedRow.id }}` / `{{ pluck(t.selectedRows, "id") }}` (buttons); null otherwise. */
export function rowReferenceOf(text: string, ownTable: string | null): RowReference | null {
  const ast = singleBinding(text);
  if (!ast) return null;
  if (ast.kind === "member" && ast.object.kind === "name" && ast.object.name === "row" && ownTable !== null) {
    return { table: ownTable, column: ast.property, form: "row" };
  }
  if (ast.kind === "member" && ast.object.kind === "member" && ast.object.property === "selectedRow" && ast.object.object.kind === "name") {
    return { table: ast.object.object.name, column: ast.property, form: "selectedRow" };
  }
  if (ast.kind === "call" && ast.callee === "pluck" && ast.args.length === 2) {
    const [rows, column] = ast.args;
    if (rows?.kind === "member" && rows.property === "selectedRows" && rows.object.kind === "name" && column?.kind === "literal" && typeof column.value === "string") {
      return { table: rows.object.name, column: column.value, form: "pluck" };
    }
  }
  return null;
}

export function findWidget(doc: AppDocument, id: string): Widget | null {
  for (const page of doc.pages) {
    const widget = page.widgets.find((candidate) => candidate.id === id);
    if (widget) return widget;
  }
  return null;
}

/** The read query a table shows, when its data is exactly `{{ someQuery.data }}`. */
export function tableQueryOf(doc: AppDocument, table: TableWidget): AppQuery | null {
  const ast = singleBinding(table.props.data);
  if (!ast || ast.kind !== "member" || ast.property !== "data" || ast.object.kind !== "name") return null;
  const queryId = ast.object.name;
  const query = doc.queries.find((candidate) => candidate.id === queryId);
  return query && query.mode === "read" ? query : null;
}

/** The action a widget binds under this name, with its mapping and the table whose rows it takes (table actions: the widget itself). */
export interface ActionBinding {
  mapping: Readonly<Record<string, string>>;
  /** Table widgets: the widget's own id (mappings use `row`); buttons: none until a key says which table. */
  ownTable: string | null;
  kind: "table" | "button" | "form";
}

/** Every way `widget` binds the action `name` (a table may list one action twice with other mappings). */
export function actionBindingsOf(widget: Widget, name: string): ActionBinding[] {
  if (widget.type === "table") {
    return widget.props.actions.filter((entry) => entry.action === name).map((entry) => ({ mapping: entry.mapping, ownTable: widget.id, kind: "table" as const }));
  }
  if (widget.type === "button" && widget.props.run.kind === "action" && widget.props.run.action === name) {
    return [{ mapping: widget.props.run.mapping, ownTable: null, kind: "button" }];
  }
  if (widget.type === "form" && widget.props.action === name) return [{ mapping: widget.props.defaults, ownTable: null, kind: "form" }];
  return [];
}
