/** Checks shared by widgets that show rows: the data binding must give a list of objects. Pure. */
export type Rows = Record<string, unknown>[];

const isRow = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

function describe(value: unknown): string {
  if (value === null || value === undefined) return "nothing (null)";
  if (Array.isArray(value)) return "a list of plain values";
  return typeof value === "object" ? "one object, not a list" : `a ${typeof value}`;
}

/** The rows, or why the value is not rows. An empty list is rows. */
export function asRows(value: unknown): { ok: true; rows: Rows } | { ok: false; message: string } {
  if (Array.isArray(value) && value.every(isRow)) return { ok: true, rows: value };
  return { ok: false, message: `Data must be a list of rows (objects), like {{ query.data }}; it is ${describe(value)}.` };
}

/** Column names of rows in first-seen order (rows of a computed list may differ in keys). */
export function rowKeys(rows: Rows, sample = 200): string[] {
  const keys = new Set<string>();
  for (const row of rows.slice(0, sample)) for (const key of Object.keys(row)) keys.add(key);
  return [...keys];
}
