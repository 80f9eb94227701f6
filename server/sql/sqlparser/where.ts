// The write-mode rules that look at column references in sqlparser-rs ASTs: UPDATE/DELETE need a
// WHERE that names a column of the target (a seatbelt against `WHERE 1=1`, not a proof the
// filter is selective), and RETURNING may only show the target's own columns.
import type { TableRef } from "../policy";
import { fail } from "../errors";
import { asArray, isRecord } from "../json";

export interface WriteTarget {
  /** Lower-cased table name and alias, as they may qualify columns. */
  names: ReadonlySet<string>;
  display: string;
  position: number | null;
  ref: TableRef;
  /** The alias as written, if any. */
  alias: string | null;
}

const looksLikeQuery = (v: Record<string, unknown>): boolean => ("body" in v && "locks" in v) || ("projection" in v && "from" in v);

function identValue(value: unknown): string | null {
  return isRecord(value) && typeof value.value === "string" ? value.value : null;
}

function referencesTarget(value: unknown, names: ReadonlySet<string>, insideSubquery: boolean): boolean {
  if (Array.isArray(value)) return value.some((v) => referencesTarget(v, names, insideSubquery));
  if (!isRecord(value)) return false;
  const nested = insideSubquery || looksLikeQuery(value);
  for (const key in value) {
    const child = value[key];
    if (key === "Identifier") {
      // Unqualified names count only at the top level: inside a subquery they belong to its own FROM.
      const name = identValue(child);
      if (!nested && name !== null && !name.startsWith("@")) return true;
      continue;
    }
    if (key === "CompoundIdentifier") {
      const parts = asArray(child).map(identValue);
      const qualifier = parts.length >= 2 ? parts[parts.length - 2] : null;
      if (qualifier && names.has(qualifier.toLowerCase())) return true;
      continue;
    }
    if (key !== "span" && typeof child === "object" && child !== null && referencesTarget(child, names, nested)) return true;
  }
  return false;
}

export function requireWhere(
  selection: unknown,
  target: WriteTarget,
  verb: "UPDATE" | "DELETE",
  firstPosition: (value: unknown) => number | null,
): void {
  const action = verb === "UPDATE" ? "change" : "delete";
  if (selection === null || selection === undefined) {
    fail("missing_where", `${verb} without WHERE would ${action} every row of ${target.display}; add a WHERE clause on its columns.`, target.position);
  }
  if (!referencesTarget(selection, target.names, false)) {
    fail(
      "missing_where",
      `The WHERE clause of this ${verb} does not mention any column of ${target.display}, so it would ${action} every row or none; compare a column of ${target.display}.`,
      firstPosition(selection) ?? target.position,
    );
  }
}

/** null when RETURNING only lists the target's columns; otherwise the message to show. */
export function returningRefusal(items: unknown, names: ReadonlySet<string>): string | null {
  const allowed = new Set(names);
  const walk = (value: unknown): string | null => {
    if (Array.isArray(value)) {
      for (const item of value) {
        const found = walk(item);
        if (found) return found;
      }
      return null;
    }
    if (!isRecord(value)) return null;
    if (looksLikeQuery(value)) return "RETURNING may only list columns of the table being changed; subqueries are not allowed there.";
    for (const key in value) {
      const child = value[key];
      if (key === "CompoundIdentifier") {
        const parts = asArray(child).map(identValue);
        const qualifier = parts.length >= 2 ? parts[parts.length - 2] : null;
        if (qualifier && !allowed.has(qualifier.toLowerCase())) {
          return `RETURNING may only list columns of the table being changed, not of ${qualifier}.`;
        }
        continue;
      }
      if (key === "QualifiedWildcard") {
        const parts = asArray(isRecord(child) ? Object.values(child)[0] : child);
        const qualifier = parts.map((p) => identValue(isRecord(p) ? (p.Identifier ?? p) : p)).pop();
        if (qualifier && !allowed.has(qualifier.toLowerCase())) {
          return `RETURNING may only list columns of the table being changed, not of ${qualifier}.`;
        }
        continue;
      }
      if (key !== "span" && typeof child === "object" && child !== null) {
        const found = walk(child);
        if (found) return found;
      }
    }
    return null;
  };
  return walk(items);
}
