// The names a binding in an app may use — query ids, widget ids with their outputs, and
// currentUser — and a small static type inference used to check SQL parameters. The builder's
// autocomplete reads availableNames too.
import type { Node } from "@/lib/bindings";
import type { AppDocument, Widget } from "./schema";

export const QUERY_OUTPUTS = ["data", "isLoading", "error"] as const;
export const CURRENT_USER_FIELDS = ["id", "email", "name", "role"] as const;

export interface NameInfo {
  kind: "query" | "widget" | "currentUser" | "row";
  /** What a binding may read on it: `orders.data`, `ordersTable.selectedRows`; null: any field. */
  fields: readonly string[] | null;
  /** Widget type, for widgets. */
  widgetType?: Widget["type"];
}

/** Outputs a widget exposes to bindings. */
export function widgetOutputs(widget: Widget): readonly string[] {
  switch (widget.type) {
    case "table":
      return ["selectedRows", "selectedRow"];
    case "input":
      return widget.props.kind === "dateRange" ? ["start", "end"] : ["value"];
    default:
      return [];
  }
}

/** In a table action's mapping, `row` is each selected row the action runs for. */
export const ROW_NAME: NameInfo = { kind: "row", fields: null };

export function availableNames(doc: AppDocument): Map<string, NameInfo> {
  const names = new Map<string, NameInfo>();
  names.set("currentUser", { kind: "currentUser", fields: CURRENT_USER_FIELDS });
  // The first holder of a name keeps it; validation reports the duplicates separately.
  const add = (name: string, info: NameInfo): void => {
    if (!names.has(name)) names.set(name, info);
  };
  for (const query of doc.queries) add(query.id, { kind: "query", fields: QUERY_OUTPUTS });
  for (const page of doc.pages) {
    for (const widget of page.widgets) add(widget.id, { kind: "widget", fields: widgetOutputs(widget), widgetType: widget.type });
  }
  return names;
}

/**
 * Coarse static type of an expression, enough to tell whether it fits a SQL parameter:
 * `namespace` (a query, widget or currentUser itself), `rows` (query data, selectedRows),
 * `row` (one row: selectedRow, rows[0]), `list` (of plain values: pluck(), [1, 2]),
 * `value` (anything else, including what cannot be known statically).
 */
export type StaticType = "namespace" | "rows" | "row" | "list" | "value";

export function staticType(node: Node, names: ReadonlyMap<string, NameInfo>): StaticType {
  switch (node.kind) {
    case "name":
      return names.has(node.name) ? "namespace" : "value";
    case "member": {
      if (node.object.kind !== "name") return "value";
      const info = names.get(node.object.name);
      if (info?.kind === "query" && node.property === "data") return "rows";
      if (info?.widgetType === "table" && node.property === "selectedRows") return "rows";
      if (info?.widgetType === "table" && node.property === "selectedRow") return "row";
      return "value";
    }
    case "index":
      return staticType(node.object, names) === "rows" ? "row" : "value";
    case "array":
      return "list";
    case "call":
      if (node.callee === "map" || node.callee === "pluck") return "list";
      if (node.callee === "concat" && node.args.length > 0) {
        const types = node.args.map((arg) => staticType(arg, names));
        if (types.every((t) => t === "list")) return "list";
        if (types.every((t) => t === "rows" || t === "list")) return "rows";
      }
      return "value";
    case "conditional": {
      const a = staticType(node.consequent, names);
      return a === staticType(node.alternate, names) ? a : "value";
    }
    default:
      return "value";
  }
}
