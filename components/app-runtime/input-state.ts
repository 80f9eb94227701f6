/**
 * Input widgets' values: their defaults (bindings such as `{{ daysAgo(30) }}`, evaluated once
 * when the app opens so `now()` does not move under the user), the outputs bindings read
 * (`status.value`, `placed.start`), and their encoding in the URL so a link reproduces the view:
 * `?status=paid&placed.start=2026-01-01&placed.end=2026-01-31&search=acme`. Only values that
 * differ from the default are written; an empty value the user chose is written as `key=` so it
 * is not mistaken for "use the default". Pure.
 */
import type { Scope } from "@/lib/bindings";
import type { AppDocument, Widget } from "@/lib/app-document";
import { evaluateProperty } from "./bindings-cache";

export type InputWidget = Extract<Widget, { type: "input" }>;

export interface DateRangeValue {
  start: string | null;
  end: string | null;
}

/** One input's value by kind: text → string, number → number|null, select → string|number|null, toggle → boolean, dateRange → {start, end}. */
export type InputValue = string | number | boolean | null | DateRangeValue;

export interface InputDefault {
  value: InputValue;
  /** The default's binding failed; the input starts empty and says why. */
  error: string | null;
}

/** Every input widget of the app (all pages: an input on another page still feeds its queries). */
export function inputWidgets(document: AppDocument): InputWidget[] {
  return document.pages.flatMap((page) => page.widgets.filter((widget): widget is InputWidget => widget.type === "input"));
}

export function emptyValue(widget: InputWidget): InputValue {
  switch (widget.props.kind) {
    case "text":
      return "";
    case "toggle":
      return false;
    case "dateRange":
      return { start: null, end: null };
    default:
      return null;
  }
}

function asText(value: unknown): string {
  return value === null || value === undefined ? "" : typeof value === "object" ? JSON.stringify(value) : String(value);
}

function asNumber(value: unknown): number | null {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value))) return Number(value);
  return null;
}

function asScalar(value: unknown): string | number | null {
  if (typeof value === "string" || (typeof value === "number" && Number.isFinite(value))) return value;
  if (typeof value === "boolean") return String(value);
  return null;
}

function evaluateDefault(text: string | undefined, scope: Scope): { value: unknown; error: string | null } {
  if (text === undefined) return { value: undefined, error: null };
  const result = evaluateProperty(text, scope);
  return result.ok ? { value: result.value, error: null } : { value: undefined, error: `Default: ${result.error.message}` };
}

/** A widget's default, evaluated against the scope the app opens with (currentUser, functions). */
export function inputDefault(widget: InputWidget, scope: Scope): InputDefault {
  const props = widget.props;
  switch (props.kind) {
    case "text": {
      const { value, error } = evaluateDefault(props.default, scope);
      return { value: asText(value), error };
    }
    case "number": {
      if (typeof props.default === "number") return { value: props.default, error: null };
      const { value, error } = evaluateDefault(props.default, scope);
      return { value: asNumber(value), error };
    }
    case "select": {
      const { value, error } = evaluateDefault(props.default, scope);
      return { value: asScalar(value), error };
    }
    case "toggle":
      return { value: props.default ?? false, error: null };
    case "dateRange": {
      const start = evaluateDefault(props.default?.start, scope);
      const end = evaluateDefault(props.default?.end, scope);
      return { value: { start: dateOrNull(start.value), end: dateOrNull(end.value) }, error: start.error ?? end.error };
    }
  }
}

/**
 * A default date keeps what the binding gave (so `{{ now() }}` is now, today's rows included);
 * dates the user picks are ISO dates (YYYY-MM-DD).
 */
function dateOrNull(value: unknown): string | null {
  return typeof value === "string" && value.trim() !== "" ? value : null;
}

/** The outputs bindings read: `{ value }`, or `{ start, end }` for a date range. */
export function inputOutputs(widget: InputWidget, value: InputValue): Record<string, unknown> {
  if (widget.props.kind === "dateRange") {
    const range = isRange(value) ? value : { start: null, end: null };
    return { start: range.start, end: range.end };
  }
  return { value };
}

function isRange(value: InputValue): value is DateRangeValue {
  return typeof value === "object" && value !== null;
}

/** The date field's text for a value (an ISO date or date-time). */
export function dateFieldText(value: string | null): string {
  return value ? value.slice(0, 10) : "";
}

// ---------------------------------------------------------------------------------------------
// URL encoding

export interface ParamReader {
  get(name: string): string | null;
  has(name: string): boolean;
}

/** An ISO date, or date-time (a default like `{{ now() }}` kept beside a date the user picked). */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/;

function decodeOne(widget: InputWidget, text: string): InputValue | undefined {
  const props = widget.props;
  switch (props.kind) {
    case "text":
      return text;
    case "number":
      return text === "" ? null : asNumber(text) ?? undefined;
    case "toggle":
      return text === "true" ? true : text === "false" ? false : undefined;
    case "select": {
      if (text === "") return null;
      // Static options know their value's type (a number stays a number for the query).
      if (props.options.source === "static") return props.options.items.find((item) => String(item.value) === text)?.value ?? text;
      return text;
    }
    default:
      return undefined;
  }
}

/** The values the URL sets (inputs it does not mention use their defaults). Malformed values are ignored. */
export function decodeInputs(widgets: readonly InputWidget[], params: ParamReader): Record<string, InputValue> {
  const values: Record<string, InputValue> = {};
  for (const widget of widgets) {
    if (widget.props.kind === "dateRange") {
      const start = params.get(`${widget.id}.start`);
      const end = params.get(`${widget.id}.end`);
      if (start === null && end === null) continue;
      const pick = (text: string | null) => (text !== null && ISO_DATE.test(text) ? text : null);
      values[widget.id] = { start: pick(start), end: pick(end) };
      continue;
    }
    const text = params.get(widget.id);
    if (text === null) continue;
    const value = decodeOne(widget, text);
    if (value !== undefined) values[widget.id] = value;
  }
  return values;
}

function sameValue(a: InputValue, b: InputValue): boolean {
  if (isRange(a) && isRange(b)) return a.start === b.start && a.end === b.end;
  return a === b;
}

/**
 * The URL's params for these values: every input's key is rewritten (set when the value is not
 * the default, removed when it is); other params (the page tab…) are kept.
 */
export function encodeInputs(widgets: readonly InputWidget[], values: Readonly<Record<string, InputValue>>, defaults: Readonly<Record<string, InputDefault>>, base: URLSearchParams): URLSearchParams {
  const next = new URLSearchParams(base);
  for (const widget of widgets) {
    const value = values[widget.id];
    const fallback = defaults[widget.id]?.value ?? emptyValue(widget);
    const keys = widget.props.kind === "dateRange" ? [`${widget.id}.start`, `${widget.id}.end`] : [widget.id];
    for (const key of keys) next.delete(key);
    if (value === undefined || sameValue(value, fallback)) continue;
    if (isRange(value)) {
      next.set(`${widget.id}.start`, value.start ?? "");
      next.set(`${widget.id}.end`, value.end ?? "");
    } else {
      next.set(widget.id, value === null ? "" : String(value));
    }
  }
  return next;
}
