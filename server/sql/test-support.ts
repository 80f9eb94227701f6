// Shared table-driven harness for the guard's tests: one case = one query and the verdict we
// expect (an error code or a statement kind), optionally with the exact bound SQL and values,
// the tables reported and the error position. Imported only by *.test.ts files.
import { expect } from "vitest";
import { guardSql } from "./guard";
import type { Dialect, GuardErrorCode, GuardMode, ParamSource, StatementKind, TablePolicy } from "./types";

export interface GuardCase {
  name: string;
  sql: string;
  mode?: GuardMode;
  params?: ParamSource;
  policy?: TablePolicy;
  expect: GuardErrorCode | StatementKind;
  /** Expected error position (0-based offset into `sql`). */
  position?: number;
  bound?: { sql: string; values: unknown[] };
  tables?: { read: string[]; write: string[] };
  /** A fragment the error message must contain. */
  message?: string;
}

const KINDS: ReadonlySet<string> = new Set(["select", "insert", "update", "delete"]);

/** Policy used by write-mode cases unless they bring their own. */
export const WRITE_ALL: TablePolicy = { read: ["*"], write: ["*"] };

export function checkCase(dialect: Dialect, c: GuardCase): void {
  const mode = c.mode ?? "read";
  const policy = c.policy ?? (mode === "write" ? WRITE_ALL : undefined);
  const result = guardSql({ sql: c.sql, dialect, mode, params: c.params ?? {}, policy });
  const summary = JSON.stringify(result, (_key, value: unknown) => (typeof value === "bigint" ? `${value}n` : value));
  if (KINDS.has(c.expect)) {
    expect(result.ok ? result.kind : `refused: ${summary}`, summary).toBe(c.expect);
    if (!result.ok) return;
    if (c.bound) expect({ sql: result.sql, values: result.values }).toEqual(c.bound);
    if (c.tables) expect(result.tables).toEqual(c.tables);
    return;
  }
  expect(result.ok ? `accepted: ${summary}` : result.error.code, summary).toBe(c.expect);
  if (result.ok) return;
  expect(result.error.message.length).toBeGreaterThan(10);
  if (c.position !== undefined) expect(result.error.position, summary).toBe(c.position);
  if (c.message !== undefined) expect(result.error.message).toContain(c.message);
}
