// What the palette offers and the widget each entry creates: sensible props and size, so a
// new widget renders something (or says what to bind) the moment it lands on the canvas.
import type { AppDocument, Layout, Widget } from "@/lib/app-document";

export type PaletteKind =
  | "table"
  | "chart"
  | "stat"
  | "text"
  | "textInput"
  | "numberInput"
  | "select"
  | "dateRange"
  | "toggle"
  | "button"
  | "form";

export interface PaletteEntry {
  kind: PaletteKind;
  /** Shown on the palette button ("Add table"). */
  label: string;
  /** The id base: `table` → table1, table2. */
  idBase: string;
  size: { w: number; h: number };
}

export const PALETTE: readonly PaletteEntry[] = [
  { kind: "table", label: "table", idBase: "table", size: { w: 12, h: 6 } },
  { kind: "chart", label: "chart", idBase: "chart", size: { w: 6, h: 5 } },
  { kind: "stat", label: "stat", idBase: "stat", size: { w: 3, h: 2 } },
  { kind: "text", label: "text", idBase: "text", size: { w: 6, h: 1 } },
  { kind: "textInput", label: "text input", idBase: "textInput", size: { w: 4, h: 1 } },
  { kind: "numberInput", label: "number input", idBase: "numberInput", size: { w: 3, h: 1 } },
  { kind: "select", label: "select", idBase: "select", size: { w: 3, h: 1 } },
  { kind: "dateRange", label: "date range", idBase: "dateRange", size: { w: 4, h: 1 } },
  { kind: "toggle", label: "toggle", idBase: "toggle", size: { w: 2, h: 1 } },
  { kind: "button", label: "button", idBase: "button", size: { w: 3, h: 1 } },
  { kind: "form", label: "form", idBase: "form", size: { w: 6, h: 6 } },
];

export function paletteEntry(kind: PaletteKind): PaletteEntry {
  const entry = PALETTE.find((candidate) => candidate.kind === kind);
  if (!entry) throw new Error(`Unknown palette kind ${kind}`);
  return entry;
}

/** Stands in for an action until one is picked; validation reports it as unknown, with the fix. */
export const PICK_ACTION = "pick-an-action";

/** The first query's data, or "" — a new table or chart shows that query right away. */
function firstQueryData(doc: AppDocument): string {
  const [query] = doc.queries;
  return query ? `{{ ${query.id}.data }}` : "";
}

/** A new widget of `kind` with id `id` at `layout`. `actionName`: the first action the user may bind. */
export function createWidget(kind: PaletteKind, id: string, layout: Layout, doc: AppDocument, actionName: string | null): Widget {
  const base = { id, layout };
  switch (kind) {
    case "table":
      return { ...base, type: "table", props: { data: firstQueryData(doc), columns: [], editable: false, actions: [] } };
    case "chart":
      return { ...base, type: "chart", props: { kind: "bar", title: "", data: firstQueryData(doc), x: "x", y: ["y"] } };
    case "stat":
      return { ...base, type: "stat", props: { label: "Total", value: "0", format: "number" } };
    case "text":
      return { ...base, type: "text", props: { markdown: "Text" } };
    case "textInput":
      return { ...base, type: "input", props: { kind: "text", label: "Search", placeholder: "" } };
    case "numberInput":
      return { ...base, type: "input", props: { kind: "number", label: "Number" } };
    case "select":
      return { ...base, type: "input", props: { kind: "select", label: "Choose", options: { source: "static", items: [{ value: "a", label: "Option A" }, { value: "b", label: "Option B" }] } } };
    case "dateRange":
      return { ...base, type: "input", props: { kind: "dateRange", label: "Period", default: { start: "{{ daysAgo(30) }}", end: "{{ now() }}" } } };
    case "toggle":
      return { ...base, type: "input", props: { kind: "toggle", label: "Enabled", default: false } };
    case "button": {
      const [query] = doc.queries;
      // Without actions, a button that runs the first query is still a valid document.
      const run = actionName === null && query ? { kind: "query" as const, query: query.id } : { kind: "action" as const, action: actionName ?? PICK_ACTION, mapping: {} };
      return { ...base, type: "button", props: { label: "Run", run } };
    }
    case "form":
      return { ...base, type: "form", props: { action: actionName ?? PICK_ACTION, title: "", submitLabel: "Submit", defaults: {} } };
  }
}

/** Default props of an input kind, keeping the label (switching kind in the inspector). */
export function inputPropsOfKind(kind: Extract<Widget, { type: "input" }>["props"]["kind"], label: string): Extract<Widget, { type: "input" }>["props"] {
  switch (kind) {
    case "text":
      return { kind, label, placeholder: "" };
    case "number":
      return { kind, label };
    case "select":
      return { kind, label, options: { source: "static", items: [] } };
    case "dateRange":
      return { kind, label, default: { start: "{{ daysAgo(30) }}", end: "{{ now() }}" } };
    case "toggle":
      return { kind, label, default: false };
  }
}
