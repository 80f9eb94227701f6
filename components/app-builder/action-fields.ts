// Reads an action's input fields from its JSON Schema (as actions.list serves it), for the
// mapping editors and form field pickers.
import { targetLabel } from "@/components/actions/run-format";
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


/** Where an action may be picked: on a table's rows (its query's source), or somewhere that names no rows (a form). */
export type ActionPlace = { rowsFrom: string | null } | { noRows: true } | null;

export function fitsPlace(action: ActionSummary, place: ActionPlace): boolean {
  if (place === null) return true;
  if ("noRows" in place) return action.target.table === null;
  return action.target.table !== null && action.target.datasource !== null && action.target.datasource === place.rowsFrom;
}

/**
 * Options of an action picker: the actions that fit the place, each with what it changes, plus
 * the current name if it is unknown or does not fit (so it still shows, and its problem with it).
 */
export function actionOptions(actions: readonly ActionSummary[], current: string, place: ActionPlace = null): { value: string; label: string }[] {
  // Remote actions say which service runs them: builders should know a button calls another team's service.
  const label = (action: ActionSummary) => `${action.title ? `${action.title} (${action.name})` : action.name} — ${targetLabel(action)}${action.service ? ` · runs in the ${action.service} service` : ""}`;
  const options = actions.filter((action) => fitsPlace(action, place) || action.name === current).map((action) => ({ value: action.name, label: fitsPlace(action, place) ? label(action) : `${label(action)} — does not fit here` }));
  if (!actions.some((action) => action.name === current)) options.unshift({ value: current, label: current ? `${current} — not found, pick one` : "Pick an action" });
  return options;
}
