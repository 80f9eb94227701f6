/**
 * A form widget's fields from its action's input JSON Schema: text, number, checkbox, a select
 * for enums, comma-separated text for lists of plain values and JSON text for anything else;
 * and the typed values turned into the action's input with an error per field. Pure.
 */
import { describeSpec, fieldsOfSchema, parseFieldText, valueProblem, type InputField } from "@/components/actions/input-fields";
import { fieldLabel } from "./chart-data";

export type FormControl = "text" | "number" | "checkbox" | "select" | "list" | "json";

export interface FormField {
  name: string;
  label: string;
  control: FormControl;
  required: boolean;
  /** Enum choices (select). */
  options?: { value: string; label: string }[];
  hint: string | null;
  spec: InputField;
}

/** What the user typed, per field: text, or a checkbox's state. */
export type FormValues = Record<string, string | boolean>;

function controlOf(field: InputField): FormControl {
  if (field.enumValues?.length) return "select";
  switch (field.type) {
    case "string":
      return "text";
    case "integer":
    case "number":
      return "number";
    case "boolean":
      return "checkbox";
    case "array":
      return field.items && ["integer", "number", "string"].includes(field.items.type) ? "list" : "json";
    default:
      return "json";
  }
}

/** The fields to show: `only` (in its order, unknown names skipped) or every field of the schema. */
export function formFields(schema: Record<string, unknown>, only?: readonly string[]): FormField[] {
  const all = fieldsOfSchema(schema);
  const chosen = only ? only.flatMap((name) => all.filter((field) => field.name === name)) : all;
  return chosen.map((field) => {
    const control = controlOf(field);
    const hint = field.description ?? (control === "list" ? `Separate values with commas (${describeSpec(field)}).` : control === "json" ? `JSON: ${describeSpec(field)}.` : null);
    return {
      name: field.name,
      label: fieldLabel(field.name),
      control,
      required: field.required,
      ...(control === "select" ? { options: (field.enumValues ?? []).map((value) => ({ value: String(value), label: String(value) })) } : {}),
      hint,
      spec: field,
    };
  });
}

/** A default (already evaluated) as the control's initial text or state. */
export function initialValue(field: FormField, value: unknown): string | boolean {
  if (field.control === "checkbox") return value === true || value === "true";
  if (value === null || value === undefined) return "";
  if (field.control === "list" && Array.isArray(value)) return value.map(String).join(", ");
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}

export type FormParse = { ok: true; input: Record<string, unknown> } | { ok: false; errors: Record<string, string> };

function parseOne(field: FormField, raw: string | boolean): { ok: true; value: unknown } | { ok: false; message: string } {
  if (field.control === "checkbox") return { ok: true, value: raw === true };
  const text = typeof raw === "string" ? raw : "";
  if (field.control === "select") return text === "" ? { ok: true, value: undefined } : { ok: true, value: field.spec.enumValues?.find((option) => String(option) === text) ?? text };
  if (field.control === "list") {
    const pieces = text.split(",").map((piece) => piece.trim()).filter(Boolean);
    if (pieces.length === 0) return { ok: true, value: undefined };
    const items = field.spec.items ?? { type: "string" as const, nullable: false };
    const values: unknown[] = [];
    for (const piece of pieces) {
      const parsed = parseFieldText(items, piece);
      if (!parsed.ok) return { ok: false, message: `${parsed.message}.` };
      values.push(parsed.value);
    }
    return { ok: true, value: values };
  }
  // Text fields keep what was typed (spaces included); "" is "no value".
  if (field.control === "text") return { ok: true, value: text === "" ? undefined : text };
  const parsed = parseFieldText(field.spec, text);
  return parsed.ok ? parsed : { ok: false, message: `${parsed.message}.` };
}

export function parseForm(fields: readonly FormField[], values: Readonly<FormValues>): FormParse {
  const input: Record<string, unknown> = {};
  const errors: Record<string, string> = {};
  for (const field of fields) {
    const parsed = parseOne(field, values[field.name] ?? (field.control === "checkbox" ? false : ""));
    if (!parsed.ok) {
      errors[field.name] = parsed.message;
      continue;
    }
    if (parsed.value === undefined) {
      if (field.required) errors[field.name] = "Required.";
      continue;
    }
    const problem = valueProblem(field.spec, parsed.value);
    if (problem) errors[field.name] = `This value ${problem}.`;
    else input[field.name] = parsed.value;
  }
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, input };
}
