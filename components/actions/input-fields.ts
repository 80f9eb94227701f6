/**
 * An action's input as the mapping UI sees it: the fields of the JSON Schema `actions.list`
 * serves (zod 4's `z.toJSONSchema`, input side), with their types, constraints and whether they
 * are required; and how one value is checked against a field (`valueProblem`) and how typed
 * text becomes a value of the field's type (`parseFieldText`). Pure, no React.
 */

export type FieldType = "integer" | "number" | "string" | "boolean" | "array" | "object" | "any";
export type Scalar = string | number | boolean;

export interface FieldSpec {
  type: FieldType;
  /** `null` is accepted as well (zod `.nullable()`). */
  nullable: boolean;
  enumValues?: Scalar[];
  minimum?: number;
  exclusiveMinimum?: number;
  maximum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minItems?: number;
  maxItems?: number;
  /** Arrays: the type of each element. */
  items?: FieldSpec;
}

export interface InputField extends FieldSpec {
  name: string;
  /** The field's `.describe()` text; what builders read next to its name. */
  description: string | null;
  required: boolean;
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value);
const num = (value: unknown): number | undefined => (typeof value === "number" && Number.isFinite(value) ? value : undefined);
const SCALAR_TYPES = new Set<FieldType>(["integer", "number", "string", "boolean", "array", "object"]);

/** One schema node as a field spec; `anyOf: [X, {type: "null"}]` and `type: [X, "null"]` become a nullable X. */
export function specOf(schema: unknown): FieldSpec {
  if (!isObject(schema)) return { type: "any", nullable: false };
  const variants = Array.isArray(schema.anyOf) ? schema.anyOf : Array.isArray(schema.oneOf) ? schema.oneOf : null;
  if (variants) {
    const nonNull = variants.filter((variant) => !(isObject(variant) && variant.type === "null"));
    const nullable = nonNull.length < variants.length;
    if (nonNull.length === 1) return { ...specOf({ ...(nonNull[0] as Json), description: schema.description }), nullable };
    return { type: "any", nullable };
  }
  let type: FieldType = "any";
  let nullable = false;
  const declared = Array.isArray(schema.type) ? schema.type : [schema.type];
  for (const entry of declared) {
    if (entry === "null") nullable = true;
    else if (typeof entry === "string" && SCALAR_TYPES.has(entry as FieldType)) type = entry as FieldType;
  }
  const enumValues = Array.isArray(schema.enum) ? schema.enum.filter((value): value is Scalar => ["string", "number", "boolean"].includes(typeof value)) : undefined;
  if (type === "any" && enumValues?.length) type = enumValues.every((value) => typeof value === "string") ? "string" : "any";
  if (schema.const !== undefined && ["string", "number", "boolean"].includes(typeof schema.const)) {
    return { type: typeof schema.const === "string" ? "string" : typeof schema.const === "boolean" ? "boolean" : "number", nullable, enumValues: [schema.const as Scalar] };
  }
  const spec: FieldSpec = { type, nullable };
  if (enumValues?.length) spec.enumValues = enumValues;
  const numeric = { minimum: num(schema.minimum), exclusiveMinimum: num(schema.exclusiveMinimum), maximum: num(schema.maximum), exclusiveMaximum: num(schema.exclusiveMaximum) };
  const lengths = { minLength: num(schema.minLength), maxLength: num(schema.maxLength), minItems: num(schema.minItems), maxItems: num(schema.maxItems) };
  for (const [key, value] of Object.entries({ ...numeric, ...lengths })) if (value !== undefined) spec[key as keyof typeof numeric | keyof typeof lengths] = value;
  if (typeof schema.pattern === "string") spec.pattern = schema.pattern;
  if (type === "array") spec.items = specOf(schema.items);
  return spec;
}

/** The fields of an object schema, in declaration order. */
export function fieldsOfSchema(schema: Json): InputField[] {
  const properties = isObject(schema.properties) ? schema.properties : {};
  const required = new Set(Array.isArray(schema.required) ? schema.required.filter((name): name is string => typeof name === "string") : []);
  return Object.entries(properties).map(([name, node]) => ({
    name,
    description: isObject(node) && typeof node.description === "string" ? node.description : null,
    required: required.has(name),
    ...specOf(node),
  }));
}

const MAX_SAFE = Number.MAX_SAFE_INTEGER;

/** "a whole number", "one of pending, paid", "text" … — what a field needs, for messages. */
export function describeSpec(spec: FieldSpec): string {
  if (spec.enumValues?.length) return `one of ${spec.enumValues.map(String).join(", ")}`;
  switch (spec.type) {
    case "integer":
      return (spec.exclusiveMinimum === 0 || spec.minimum === 1) ? "a whole number above 0" : "a whole number";
    case "number":
      return "a number";
    case "string":
      return "text";
    case "boolean":
      return "true or false";
    case "array":
      return spec.items ? `a list of ${describeSpec(spec.items).replace(/^an? /, "")}` : "a list";
    case "object":
      return "an object (JSON)";
    default:
      return "a value";
  }
}

function show(value: unknown): string {
  return typeof value === "string" ? `"${value}"` : JSON.stringify(value) ?? String(value);
}

/** Why `value` does not fit `spec`, or null when it does. `value` is already of the intended JS type (see parseFieldText / fromCell). */
export function valueProblem(spec: FieldSpec, value: unknown): string | null {
  if (value === null || value === undefined) return spec.nullable ? null : "is empty";
  if (spec.enumValues?.length && !spec.enumValues.includes(value as Scalar)) return `${show(value)} is not ${describeSpec(spec)}`;
  switch (spec.type) {
    case "integer":
    case "number": {
      if (typeof value !== "number" || !Number.isFinite(value)) return `${show(value)} is not ${spec.type === "integer" ? "a whole number" : "a number"}`;
      if (spec.type === "integer" && !Number.isInteger(value)) return `${value} is not a whole number`;
      if (spec.exclusiveMinimum !== undefined && !(value > spec.exclusiveMinimum)) return `${value} is not above ${spec.exclusiveMinimum}`;
      if (spec.minimum !== undefined && value < spec.minimum) return `${value} is below ${spec.minimum}`;
      if (spec.exclusiveMaximum !== undefined && !(value < spec.exclusiveMaximum)) return `${value} is not below ${spec.exclusiveMaximum}`;
      if (spec.maximum !== undefined && spec.maximum < MAX_SAFE && value > spec.maximum) return `${value} is above ${spec.maximum}`;
      return null;
    }
    case "string": {
      if (typeof value !== "string") return `${show(value)} is not text`;
      if (spec.minLength !== undefined && value.trim().length < spec.minLength) return spec.minLength === 1 ? "is empty" : `is shorter than ${spec.minLength} characters`;
      if (spec.maxLength !== undefined && value.length > spec.maxLength) return `is longer than ${spec.maxLength} characters`;
      if (spec.pattern !== undefined && !safeRegExp(spec.pattern)?.test(value)) return `${show(value)} does not have the expected format`;
      return null;
    }
    case "boolean":
      return typeof value === "boolean" ? null : `${show(value)} is not true or false`;
    case "array": {
      if (!Array.isArray(value)) return `${show(value)} is not a list`;
      if (spec.minItems !== undefined && value.length < spec.minItems) return `has ${value.length} items; at least ${spec.minItems} are needed`;
      if (spec.maxItems !== undefined && value.length > spec.maxItems) return `has ${value.length} items; at most ${spec.maxItems} are allowed`;
      if (spec.items) for (const item of value) {
        const problem = valueProblem(spec.items, item);
        if (problem) return `an item ${problem}`;
      }
      return null;
    }
    case "object":
      return typeof value === "object" && !Array.isArray(value) ? null : `${show(value)} is not an object`;
    default:
      return null;
  }
}

function safeRegExp(pattern: string): RegExp | null {
  try {
    return new RegExp(pattern, "u");
  } catch {
    return null;
  }
}

export type ParsedText = { ok: true; value: unknown } | { ok: false; message: string };

/** Typed text (a constant, or a value typed at run time) as a value of the field's type. "" is "no value". */
export function parseFieldText(spec: FieldSpec, text: string): ParsedText {
  const trimmed = text.trim();
  if (trimmed === "") return { ok: true, value: undefined };
  switch (spec.type) {
    case "integer":
    case "number": {
      const plain = trimmed.replace(/[\s,_]/g, "");
      const value = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(plain) ? Number(plain) : Number.NaN;
      if (!Number.isFinite(value)) return { ok: false, message: `"${trimmed}" is not ${spec.type === "integer" ? "a whole number" : "a number"}` };
      if (spec.type === "integer" && !Number.isSafeInteger(value)) return { ok: false, message: `"${trimmed}" is not a whole number` };
      return { ok: true, value };
    }
    case "boolean": {
      const word = trimmed.toLowerCase();
      if (["true", "yes", "1"].includes(word)) return { ok: true, value: true };
      if (["false", "no", "0"].includes(word)) return { ok: true, value: false };
      return { ok: false, message: `"${trimmed}" is not true or false` };
    }
    case "array":
    case "object":
    case "any":
      try {
        return { ok: true, value: JSON.parse(trimmed) as unknown };
      } catch {
        if (spec.type === "any") return { ok: true, value: text };
        return { ok: false, message: `"${trimmed}" is not JSON (${spec.type === "array" ? "[1, 2]" : '{"key": "value"}'})` };
      }
    default:
      return { ok: true, value: text };
  }
}
