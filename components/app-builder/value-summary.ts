// A short description of what a binding evaluates to right now, shown under binding fields so
// the builder sees "List of 20 rows" or the error before looking at the canvas.
import { evaluateTemplate, hasBindings, type Scope } from "@/lib/bindings";

const MAX_TEXT = 80;

function describe(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (Array.isArray(value)) {
    const [first] = value as unknown[];
    const rows = first !== null && typeof first === "object" && !Array.isArray(first);
    return `List of ${value.length} ${rows ? (value.length === 1 ? "row" : "rows") : value.length === 1 ? "item" : "items"}${rows ? ` (${Object.keys(first).slice(0, 6).join(", ")}${Object.keys(first).length > 6 ? ", …" : ""})` : ""}`;
  }
  if (typeof value === "object") return `Object with ${Object.keys(value).slice(0, 6).join(", ") || "no fields"}`;
  if (typeof value === "string") return JSON.stringify(value.length > MAX_TEXT ? `${value.slice(0, MAX_TEXT)}…` : value);
  return String(value);
}

export type ValueSummary = { ok: true; text: string } | { ok: false; text: string } | null;

/** null when the text has no bindings (it is shown as it is). */
export function summarizeBinding(text: string, scope: Scope, now?: () => Date): ValueSummary {
  if (!hasBindings(text)) return null;
  const result = evaluateTemplate(text, scope, now ? { now } : {});
  return result.ok ? { ok: true, text: describe(result.value) } : { ok: false, text: result.error.message };
}
