// Checks and normalises the values bound to templates. Only plain scalars travel as parameters
// (and flat arrays on PostgreSQL, for `= ANY({{ ids }})`): anything else would be serialised by
// the driver in a driver-specific way, which is how "a value" turns back into SQL text.
import { fail } from "./errors";
import type { Template } from "./lexer";
import type { Dialect, ParamSource } from "./types";

function describe(value: unknown): string {
  if (value === undefined) return "undefined";
  if (typeof value === "number") return String(value);
  if (typeof value === "function") return "a function";
  if (typeof value === "symbol") return "a symbol";
  if (Array.isArray(value)) return "a list";
  return "an object";
}

function allowedKinds(dialect: Dialect): string {
  return dialect === "postgres"
    ? "text, numbers, booleans, null, dates and lists of these"
    : "text, numbers, booleans, null and dates";
}

function scalar(value: unknown): { ok: true; value: unknown } | { ok: false } {
  if (value === null || typeof value === "string" || typeof value === "boolean" || typeof value === "bigint") {
    return { ok: true, value };
  }
  if (typeof value === "number") return Number.isFinite(value) ? { ok: true, value } : { ok: false };
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? { ok: false } : { ok: true, value: value.toISOString() };
  return { ok: false };
}

export function normaliseValue(value: unknown, template: Template, dialect: Dialect): unknown {
  const name = `{{ ${template.expression} }}`;
  if (value === undefined) {
    fail("bad_parameter_value", `No value was provided for ${name}; give it a value (null is allowed).`, template.start);
  }
  const single = scalar(value);
  if (single.ok) return single.value;
  if (Array.isArray(value) && dialect === "postgres") {
    return value.map((item: unknown, i) => {
      const element = scalar(item);
      if (!element.ok) {
        fail(
          "bad_parameter_value",
          `Item ${i + 1} of the list for ${name} is ${describe(item)}; list items must be text, numbers, booleans, null or dates.`,
          template.start,
        );
      }
      return element.value;
    });
  }
  if (value instanceof Date) fail("bad_parameter_value", `The value for ${name} is an invalid date.`, template.start);
  fail(
    "bad_parameter_value",
    `The value for ${name} is ${describe(value)}; only ${allowedKinds(dialect)} can be bound.`,
    template.start,
  );
}

export function lookupValue(params: ParamSource, template: Template): unknown {
  if (typeof params === "function") {
    try {
      return params(template.expression);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      fail("bad_parameter_value", `Evaluating {{ ${template.expression} }} failed: ${reason}`, template.start);
    }
  }
  // Own properties only: "{{ constructor }}" must not find Object.prototype.constructor.
  return Object.prototype.hasOwnProperty.call(params, template.expression) ? params[template.expression] : undefined;
}

export function bindValues(params: ParamSource, templates: readonly Template[], dialect: Dialect): unknown[] {
  return templates.map((t) => normaliseValue(lookupValue(params, t), t, dialect));
}
