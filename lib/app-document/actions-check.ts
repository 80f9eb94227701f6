// Checks widgets against the engineer-owned actions they run: the action exists, mapped
// fields exist in its input schema, and a button or table action maps every required field.
import type { Problem } from "./problems";
import type { Widget } from "./schema";

export interface ActionInfo {
  /** The action's input as JSON Schema (what `actions.list` serves). */
  inputSchema: unknown;
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
      if (info) checkMapping(a.action, info, Object.keys(a.mapping), `${path}.props.actions[${i}].mapping`, true, problems);
    });
  } else if (widget.type === "button" && widget.props.run.kind === "action") {
    const { action, mapping } = widget.props.run;
    const info = lookup(action, `${path}.props.run.action`);
    if (info) checkMapping(action, info, Object.keys(mapping), `${path}.props.run.mapping`, true, problems);
  } else if (widget.type === "form") {
    const { action, fields, defaults } = widget.props;
    const info = lookup(action, `${path}.props.action`);
    if (info) {
      checkMapping(action, info, fields ?? [], `${path}.props.fields`, false, problems);
      checkMapping(action, info, Object.keys(defaults), `${path}.props.defaults`, false, problems);
    }
  }
}
