// What a binding field's autocomplete offers: every name the app's bindings may use with its
// outputs (`orders.data`, `ordersTable.selectedRows`, `currentUser.email`), the binding
// functions, and in table action mappings `row`. Pure, so the candidate list is tested apart
// from CodeMirror.
import { availableNames, type AppDocument } from "@/lib/app-document";
import { FUNCTION_DOCS, FUNCTION_NAMES, type FunctionName } from "@/lib/bindings";

export interface BindingCandidate {
  label: string;
  type: "variable" | "property" | "function";
  detail: string;
  /** Text inserted instead of the label (functions get their opening parenthesis). */
  apply?: string;
  /** A longer description shown beside the list: a function's one-line summary and example. */
  info?: string;
}

export function bindingCandidates(doc: AppDocument, options: { row?: boolean } = {}): BindingCandidate[] {
  const candidates: BindingCandidate[] = [];
  for (const [name, info] of availableNames(doc)) {
    const detail = info.kind === "widget" ? `${info.widgetType ?? "widget"} widget` : info.kind;
    candidates.push({ label: name, type: "variable", detail });
    for (const field of info.fields ?? []) candidates.push({ label: `${name}.${field}`, type: "property", detail });
  }
  if (options.row) candidates.push({ label: "row", type: "variable", detail: "each selected row the action runs for" });
  for (const name of [...FUNCTION_NAMES].sort()) {
    const doc = FUNCTION_DOCS[name as FunctionName];
    candidates.push({ label: name, type: "function", detail: doc.signature, info: `${doc.summary} Example: ${doc.example}`, apply: `${name}(` });
  }
  return candidates;
}

/** Where the word being typed starts, when the cursor is inside `{{ … }}`; null outside bindings. */
export function bindingWordAt(text: string, pos: number): { from: number; prefix: string } | null {
  const before = text.slice(0, pos);
  const open = before.lastIndexOf("{{");
  if (open < 0 || before.indexOf("}}", open) >= 0) return null;
  const inside = before.slice(open + 2);
  // Inside a string literal nothing is a name.
  const quotes = (inside.match(/['"]/g) ?? []).length;
  if (quotes % 2 === 1) return null;
  const prefix = /[A-Za-z_][\w.]*$/.exec(inside)?.[0] ?? "";
  return { from: pos - prefix.length, prefix };
}

/** The candidates for the cursor at `pos` in `text`, or null when it is not in a binding. */
export function completeBinding(text: string, pos: number, candidates: readonly BindingCandidate[]): { from: number; options: BindingCandidate[] } | null {
  const word = bindingWordAt(text, pos);
  if (word === null) return null;
  const prefix = word.prefix.toLowerCase();
  const options = candidates.filter((candidate) => {
    const label = candidate.label.toLowerCase();
    if (!label.startsWith(prefix)) return false;
    // After "orders." offer its fields, not unrelated names; functions only where a name starts.
    return !(candidate.type === "function" && prefix.includes("."));
  });
  return { from: word.from, options };
}
