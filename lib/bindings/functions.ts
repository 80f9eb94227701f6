// The allowlist of functions a binding may call. Each takes plain values and returns a plain
// value; none can reach the host. They charge the evaluator's step budget per item they touch,
// so a call over a huge list stops instead of freezing the page.
import { readProperty } from "./access";

/** Thrown by a function for a bad argument; the evaluator turns it into an error value at the call. */
export class FunctionError extends Error {}

export interface FunctionContext {
  /** Spends `n` evaluation steps; throws when the budget is used up. */
  charge(n: number): void;
  now(): Date;
}

type BindingFunction = (args: unknown[], ctx: FunctionContext) => unknown;

const DAY_MS = 86_400_000;

export function toNumber(value: unknown, what: string): number {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  // Drivers return DECIMAL/NUMERIC columns as strings; a numeric string counts as a number.
  if (typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value))) return Number(value);
  throw new FunctionError(`${what} must be a number, got ${value === null ? "null" : Array.isArray(value) ? "a list" : typeof value}.`);
}

function toList(value: unknown, name: string, ctx: FunctionContext): unknown[] {
  if (value === null || value === undefined) return [];
  if (!Array.isArray(value)) throw new FunctionError(`${name}() expects a list.`);
  ctx.charge(value.length);
  return value;
}

export function toText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  throw new FunctionError(`Expected text, got ${Array.isArray(value) ? "a list" : "an object"}.`);
}

function arity(name: string, args: unknown[], min: number, max: number): void {
  if (args.length < min || args.length > max) {
    const expected = min === max ? `${min}` : `${min} to ${max}`;
    throw new FunctionError(`${name}() takes ${expected} argument${max === 1 ? "" : "s"}, got ${args.length}.`);
  }
}

/** `(rows, "field")`: a column of a query's rows, the form a Retool or Appsmith builder tries first. */
function isColumnCall(args: unknown[]): boolean {
  return args.length === 2 && Array.isArray(args[0]) && typeof args[1] === "string";
}

/**
 * Numbers of a column of rows (`sum(orders.data, "total")`), of a list (`sum(list)`), or of the
 * arguments themselves (`max(a, b)`); nulls skipped.
 */
function numbers(name: string, args: unknown[], ctx: FunctionContext): number[] {
  const items = isColumnCall(args) ? pluck(args, ctx, name) : args.length === 1 && Array.isArray(args[0]) ? toList(args[0], name, ctx) : args;
  const what = isColumnCall(args) ? `Each "${String(args[1])}" of ${name}()` : `Each value of ${name}()`;
  return items.filter((v) => v !== null && v !== undefined).map((v) => toNumber(v, what));
}

function toDate(value: unknown, name: string): Date {
  const date = typeof value === "string" || typeof value === "number" ? new Date(value) : value instanceof Date ? value : null;
  if (date === null || Number.isNaN(date.getTime())) throw new FunctionError(`${name}() expects an ISO date like "2026-01-31".`);
  return date;
}

function pluck(args: unknown[], ctx: FunctionContext, name: string): unknown[] {
  arity(name, args, 2, 2);
  const field = args[1];
  if (typeof field !== "string") throw new FunctionError(`${name}() takes a field name as text, like ${name}(rows, "id").`);
  return toList(args[0], name, ctx).map((item) => {
    const read = readProperty(item, field);
    if (!read.ok) throw new FunctionError(read.message);
    return read.value === undefined ? null : read.value;
  });
}

const FUNCTIONS = {
  len(args, ctx) {
    arity("len", args, 1, 1);
    const [value] = args;
    if (typeof value === "string") return [...value].length;
    return toList(value, "len", ctx).length;
  },
  sum(args, ctx) {
    return numbers("sum", args, ctx).reduce((a, b) => a + b, 0);
  },
  count(args, ctx) {
    arity("count", args, 1, 2);
    if (args.length === 1) return toList(args[0], "count", ctx).length;
    return pluck(args, ctx, "count").filter((value) => value !== null && value !== undefined).length;
  },
  avg(args, ctx) {
    const values = numbers("avg", args, ctx);
    return values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;
  },
  min(args, ctx) {
    const values = numbers("min", args, ctx);
    return values.length === 0 ? null : values.reduce((a, b) => Math.min(a, b));
  },
  max(args, ctx) {
    const values = numbers("max", args, ctx);
    return values.length === 0 ? null : values.reduce((a, b) => Math.max(a, b));
  },
  round(args) {
    arity("round", args, 1, 2);
    const value = toNumber(args[0], "The value to round");
    const digits = args[1] === undefined ? 0 : toNumber(args[1], "The number of digits");
    if (!Number.isInteger(digits) || digits < 0 || digits > 10) throw new FunctionError("round() keeps 0 to 10 digits.");
    const factor = 10 ** digits;
    const rounded = Math.round(value * factor) / factor;
    // Past about 1e15 every double is already whole; scaling could overflow to Infinity.
    return Number.isFinite(rounded) ? rounded : value;
  },
  lower(args) {
    arity("lower", args, 1, 1);
    return toText(args[0]).toLowerCase();
  },
  upper(args) {
    arity("upper", args, 1, 1);
    return toText(args[0]).toUpperCase();
  },
  trim(args) {
    arity("trim", args, 1, 1);
    return toText(args[0]).trim();
  },
  concat(args, ctx) {
    ctx.charge(args.length);
    if (args.length > 0 && args.every(Array.isArray)) return args.flatMap((list) => toList(list, "concat", ctx));
    return args.map(toText).join("");
  },
  join(args, ctx) {
    arity("join", args, 1, 2);
    const separator = args[1] === undefined ? ", " : toText(args[1]);
    return toList(args[0], "join", ctx).map(toText).join(separator);
  },
  map: (args, ctx) => pluck(args, ctx, "map"),
  pluck: (args, ctx) => pluck(args, ctx, "pluck"),
  formatMoney(args) {
    arity("formatMoney", args, 1, 2);
    if (args[0] === null || args[0] === undefined) return "";
    const currency = args[1] === undefined ? "USD" : toText(args[1]);
    if (!/^[A-Z]{3}$/.test(currency)) throw new FunctionError('formatMoney() takes a currency code like "EUR".');
    const cents = toNumber(args[0], "formatMoney()'s amount in cents");
    return new Intl.NumberFormat("en-US", { style: "currency", currency }).format(cents / 100);
  },
  formatDate(args) {
    arity("formatDate", args, 1, 2);
    if (args[0] === null || args[0] === undefined) return "";
    const iso = toDate(args[0], "formatDate").toISOString();
    const style = args[1] === undefined ? "date" : args[1];
    if (style === "date") return iso.slice(0, 10);
    if (style === "datetime") return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
    throw new FunctionError('formatDate() styles are "date" and "datetime".');
  },
  now(args, ctx) {
    arity("now", args, 0, 0);
    return ctx.now().toISOString();
  },
  daysAgo(args, ctx) {
    arity("daysAgo", args, 1, 1);
    const days = toNumber(args[0], "daysAgo()'s number of days");
    const date = new Date(ctx.now().getTime() - days * DAY_MS);
    if (Number.isNaN(date.getTime())) throw new FunctionError("daysAgo() goes past the dates a calendar can show; use fewer days.");
    return date.toISOString().slice(0, 10);
  },
  coalesce(args) {
    return args.find((v) => v !== null && v !== undefined) ?? null;
  },
} satisfies Record<string, BindingFunction>;

export type FunctionName = keyof typeof FUNCTIONS;

export const FUNCTION_NAMES: ReadonlySet<string> = new Set(Object.keys(FUNCTIONS));

export function callFunction(name: string, args: unknown[], ctx: FunctionContext): unknown {
  // Own-property lookup: "toString" or "constructor" are not functions of the language.
  const fn: BindingFunction | undefined = Object.prototype.hasOwnProperty.call(FUNCTIONS, name) ? FUNCTIONS[name as FunctionName] : undefined;
  if (fn === undefined) throw new FunctionError(`Unknown function "${name}".`);
  return fn(args, ctx);
}
