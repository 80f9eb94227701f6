// A problem found in an app document: what kind, where (a path like
// "pages[0].widgets[2].props.data"), a message a builder can act on, and for bindings the
// offsets inside that string.
export type ProblemCode =
  | "schema"
  | "binding_syntax"
  | "unknown_name"
  | "unknown_datasource"
  | "unknown_action"
  | "unknown_field"
  | "unknown_column"
  | "missing_field"
  | "unknown_query"
  | "duplicate_id"
  | "layout_out_of_grid"
  | "layout_overlap"
  | "parameter_type"
  | "mixed_binding"
  | "editable_columns"
  | "write_query_trigger"
  | "action_target"
  | "action_rows";

export interface Problem {
  code: ProblemCode;
  path: string;
  message: string;
  /** Offsets in the string at `path` (bindings only). */
  start?: number;
  end?: number;
}

/** `["pages", 0, "widgets", 2]` → `pages[0].widgets[2]`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let text = "";
  for (const part of path) {
    if (typeof part === "number") text += `[${part}]`;
    else text += text === "" ? String(part) : `.${String(part)}`;
  }
  return text;
}
