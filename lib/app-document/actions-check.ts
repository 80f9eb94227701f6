// Checks widgets against the engineer-owned actions they run: the action exists, mapped
// fields exist in its input schema, a button or table action maps every required field, and a
// row action takes its rows from a table whose query is on the action's target source.
import type { ActionTargetSummary } from "@/lib/schemas/actions";
import { findWidget, rowReferenceOf, tableQueryOf } from "./action-rows";
import type { Problem } from "./problems";
import type { AppDocument, Widget } from "./schema";

export interface ActionInfo {
  /** The action's input as JSON Schema (what `actions.list` serves). */
  inputSchema: unknown;
  mode?: "perRow" | "batch";
  /** What it acts on; absent in documents checked without a Rowcraft (then only fields are checked). */
  target?: ActionTargetSummary;
}

type BindingKind = "table" | "button" | "form";

/** The row action's key fields must name rows of its target table that a table of this app shows, from its source. */
function checkTarget(doc: AppDocument, action: string, info: ActionInfo, binding: { kind: BindingKind; ownTable: string | null; mapping: Readonly<Record<string, string>>; actionPath: string; mappingPath: string }, problems: Problem[]): void {
  const target = info.target;
  if (!target) return;
  const { kind, actionPath } = binding;
  if (target.table === null) {
    if (kind === "table") problems.push({ code: "action_target", path: actionPath, message: `"${action}" acts on no rows; run it from a button or a form, not on a table's rows.` });
    return;
  }
  if (kind === "form") {
    problems.push({ code: "action_target", path: actionPath, message: `"${action}" changes rows of ${target.table}, and a form cannot say which rows; put it on the table that shows them, or on a button that runs it on a table's selected rows.` });
    return;
  }
  if (target.datasource === null) {
    problems.push({ code: "action_target", path: actionPath, message: target.unresolved ?? `No data source is connected for "${target.source}".` });
    return;
  }
  const batch = info.mode === "batch";
  for (const [column, field] of Object.entries(target.key)) {
    const text = binding.mapping[field];
    const path = `${binding.mappingPath}.${field}`;
    const ref = text === undefined ? null : rowReferenceOf(text, binding.ownTable);
    const expected = kind === "table" ? `{{ row.${column} }}` : batch ? `{{ pluck(<table>.selectedRows, "${column}") }}` : `{{ <table>.selectedRow.${column} }}`;
    if (!ref || (kind === "button" && batch !== (ref.form === "pluck"))) {
      const oneOfMany = text !== undefined && /selectedRows\s*\[|first\s*\(/.test(text) ? " It takes one row of a multi-row selection: the action must run on every selected row." : "";
      problems.push({ code: "action_rows", path, message: `${field} says which row of ${target.table} "${action}" changes, so it must come from the rows a table shows: ${expected}.${oneOfMany}` });
      continue;
    }
    const table = findWidget(doc, ref.table);
    if (!table || table.type !== "table") {
      problems.push({ code: "action_rows", path, message: `"${ref.table}" is not a table of this app; ${field} must come from a table's selected rows.` });
      continue;
    }
    const query = tableQueryOf(doc, table);
    if (!query) {
      problems.push({ code: "action_rows", path, message: `${ref.table} shows computed data, so its rows cannot be checked; set its data to {{ query.data }} of a read query on "${target.datasource}".` });
    } else if (query.datasource !== target.datasource) {
      problems.push({ code: "action_target", path, message: `"${action}" changes rows of ${target.table} in "${target.datasource}", but ${ref.table} shows rows from "${query.datasource}" (query ${query.id}); choose an action for that data source.` });
    }
  }
}

interface Fields {
  /** null when the schema does not list properties (then any field name is accepted). */
  names: string[] | null;
  required: string[];
}

function schemaFields(schema: unknown): Fields {
  if (schema === null || typeof schema !== "object") return { names: null, required: [] };
  const properties: unknown = Reflect.get(schema, "properties");
  const required: unknown = Reflect.get(schema, "required");
  return {
    names: properties !== null && typeof properties === "object" ? Object.keys(properties) : null,
    required: Array.isArray(required) ? required.filter((r): r is string => typeof r === "string") : [],
  };
}

function checkMapping(
  action: string,
  info: ActionInfo,
  keys: string[],
  path: string,
  requireAll: boolean,
  problems: Problem[],
): void {
  const fields = schemaFields(info.inputSchema);
  if (fields.names !== null) {
    for (const key of keys) {
      if (!fields.names.includes(key)) {
        problems.push({
          code: "unknown_field",
          path: `${path}.${key}`,
          message: `Action "${action}" has no input field "${key}"; its fields are ${fields.names.join(", ") || "none"}.`,
        });
      }
    }
  }
  if (requireAll) {
    const missing = fields.required.filter((field) => !keys.includes(field));
    if (missing.length > 0) {
      problems.push({ code: "missing_field", path, message: `Action "${action}" needs ${missing.join(", ")}; map ${missing.length === 1 ? "it" : "them"} to a value.` });
    }
  }
}

export function checkWidgetActions(
  widget: Widget,
  path: string,
  actions: Readonly<Record<string, ActionInfo>>,
  problems: Problem[],
  doc: AppDocument,
): void {
  const lookup = (name: string, at: string): ActionInfo | null => {
    const info = Object.prototype.hasOwnProperty.call(actions, name) ? actions[name] : undefined;
    if (info === undefined) {
      problems.push({ code: "unknown_action", path: at, message: `There is no action named "${name}"; pick one from the list of actions.` });
      return null;
    }
    return info;
  };
  if (widget.type === "table") {
    widget.props.actions.forEach((a, i) => {
      const info = lookup(a.action, `${path}.props.actions[${i}].action`);
      if (!info) return;
      checkMapping(a.action, info, Object.keys(a.mapping), `${path}.props.actions[${i}].mapping`, true, problems);
      checkTarget(doc, a.action, info, { kind: "table", ownTable: widget.id, mapping: a.mapping, actionPath: `${path}.props.actions[${i}].action`, mappingPath: `${path}.props.actions[${i}].mapping` }, problems);
    });
  } else if (widget.type === "button" && widget.props.run.kind === "action") {
    const { action, mapping } = widget.props.run;
    const info = lookup(action, `${path}.props.run.action`);
    if (!info) return;
    checkMapping(action, info, Object.keys(mapping), `${path}.props.run.mapping`, true, problems);
    checkTarget(doc, action, info, { kind: "button", ownTable: null, mapping, actionPath: `${path}.props.run.action`, mappingPath: `${path}.props.run.mapping` }, problems);
  } else if (widget.type === "form") {
    const { action, fields, defaults } = widget.props;
    const info = lookup(action, `${path}.props.action`);
    if (info) {
      checkMapping(action, info, fields ?? [], `${path}.props.fields`, false, problems);
      checkMapping(action, info, Object.keys(defaults), `${path}.props.defaults`, false, problems);
      checkTarget(doc, action, info, { kind: "form", ownTable: null, mapping: defaults, actionPath: `${path}.props.action`, mappingPath: `${path}.props.defaults` }, problems);
    }
  }
}
