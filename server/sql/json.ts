// Small narrowing helpers for walking the parsers' JSON ASTs without `any`.

export type JsonRecord = Record<string, unknown>;

export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function asString(value: unknown): string | null {
  return typeof value === "string" ? value : null;
}

/** True for null/undefined, empty arrays and empty objects: "this clause is not used". */
export function isEmpty(value: unknown): boolean {
  if (value === null || value === undefined || value === false) return true;
  if (Array.isArray(value)) return value.length === 0;
  if (isRecord(value)) return Object.keys(value).length === 0;
  return false;
}

/** `{ Tag: body }` → [Tag, body] for externally tagged nodes (both parsers use this shape). */
export function tagged(value: unknown): [string, unknown] | null {
  if (!isRecord(value)) return null;
  const keys = Object.keys(value);
  if (keys.length !== 1) return null;
  const key = keys[0] as string;
  return [key, value[key]];
}

/** libpg-query's `{ String: { sval } }` → the string, else null. */
export function stringNode(value: unknown): string | null {
  const node = tagged(value);
  return node && node[0] === "String" && isRecord(node[1]) ? asString(node[1].sval) : null;
}
