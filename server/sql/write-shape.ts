// What the checkers record about a write for its preview (preview.ts): the target table as the
// user named it, and where its WHERE and FROM/USING clauses sit in the user's text. Positions
// come from the parsers' ASTs (PostgreSQL node locations, sqlparser-rs token spans); clause
// keywords and clause ends are found from them and the lexer's top-level words.
import { isRecord } from "./json";
import type { TextPositions } from "./positions";

/** Offsets (in the user's SQL) of the first and last located token inside a clause. */
export interface PositionRange {
  first: number;
  last: number;
}

export interface WriteShape {
  kind: "insert" | "update" | "delete";
  target: {
    schema: string | null;
    name: string;
    alias: string | null;
    /** PostgreSQL `UPDATE ONLY t` / `DELETE FROM ONLY t`: child tables are left out. */
    only: boolean;
    /** Where the table name starts. */
    position: number | null;
  };
  /** UPDATE/DELETE: the WHERE condition. */
  where: PositionRange | null;
  /** `UPDATE … FROM items` / `DELETE … USING items`. */
  from: PositionRange | null;
  /** The write has its own RETURNING clause. */
  hasReturning: boolean;
}

class RangeBuilder {
  first = Infinity;
  last = -Infinity;

  add(at: number | null): void {
    if (at === null) return;
    if (at < this.first) this.first = at;
    if (at > this.last) this.last = at;
  }

  result(): PositionRange | null {
    return this.first <= this.last ? { first: this.first, last: this.last } : null;
  }
}

/** Range of the libpg-query nodes inside `value` (every node's `location`, in UTF-8 bytes). */
export function locationRange(value: unknown, positions: TextPositions): PositionRange | null {
  const range = new RangeBuilder();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const item of node) walk(item);
      return;
    }
    if (!isRecord(node)) return;
    if (typeof node.location === "number") range.add(positions.fromByteOffset(node.location));
    for (const key in node) if (key !== "location") walk(node[key]);
  };
  walk(value);
  return range.result();
}

/** Range of the sqlparser-rs tokens inside `value` (the start of every `span`, as line/column). */
export function spanRange(value: unknown, positions: TextPositions): PositionRange | null {
  const range = new RangeBuilder();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const item of node) walk(item);
      return;
    }
    if (!isRecord(node)) return;
    const span = node.span;
    if (isRecord(span) && isRecord(span.start)) {
      const { line, column } = span.start;
      if (typeof line === "number" && typeof column === "number") range.add(positions.fromLineColumn(line, column));
    }
    for (const key in node) if (key !== "span") walk(node[key]);
  };
  walk(value);
  return range.result();
}
