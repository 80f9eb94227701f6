// Reads an action's input fields from its JSON Schema (as actions.list serves it), for the
// mapping editors and form field pickers.
import type { ActionSummary } from "@/lib/schemas/actions";

export interface ActionField {
  name: string;
  required: boolean;
  /** JSON Schema type, for the hint ("integer", "array"); "" when not stated. */
  type: string;
  description: string;
}

export function actionFields(action: ActionSummary | undefined): ActionField[] {
  if (!action) return [];
  const { properties, required } = action.inputSchema as { properties?: unknown; required?: unknown };
  if (properties === null || typeof properties !== "object") return [];
  const requiredNames = Array.isArray(required) ? required.filter((name): name is string => typeof name === "string") : [];
  return Object.entries(properties as Record<string, unknown>).map(([name, schema]) => {
    const fieldSchema = (schema !== null && typeof schema === "object" ? schema : {}) as { type?: unknown; description?: unknown };
    return {
      name,
      required: requiredNames.includes(name),
      type: typeof fieldSchema.type === "string" ? fieldSchema.type : "",
      description: typeof fieldSchema.description === "string" ? fieldSchema.description : "",
    };
  });
}

/** Options of an action picker: every action, plus the current name if it is unknown (so it still shows). */
export function actionOptions(actions: readonly ActionSummary[], current: string): { value: string; label: string }[] {
  const options = actions.map((action) => ({ value: action.name, label: action.title ? `${action.title} (${action.name})` : action.name }));
  if (!actions.some((action) => action.name === current)) options.unshift({ value: current, label: current ? `${current} — not found, pick one` : "Pick an action" });
  return options;
}
