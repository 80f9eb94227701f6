// Resource limits: inputs built to make the parsers (or our walkers) recurse too deeply must be
// refused cleanly, and must not poison the WASM parsers for the queries that come after them
// (sqlparser-rs traps at ~750 chained operators and stays broken; see depth.ts).
import { beforeAll, describe, expect, it } from "vitest";
import { guardSql, initGuard } from "./guard";
import { MAX_EXPRESSION_DEPTH } from "./depth";
import type { Dialect } from "./types";

beforeAll(async () => {
  await initGuard();
});

const chain = (n: number, item: string, op: string) => Array(n).fill(item).join(op);

const hostile: { name: string; sql: string }[] = [
  { name: "1+1+… ×1000", sql: `SELECT ${chain(1000, "1", "+")}` },
  { name: "OR chain ×1000", sql: `SELECT * FROM t WHERE ${chain(1000, "a = 1", " OR ")}` },
  { name: "cast chain ×1000", sql: `SELECT x${"::int".repeat(1000)} FROM t` },
  { name: "JSON arrow chain ×1000", sql: `SELECT x${"->'a'".repeat(1000)} FROM t` },
  { name: "string concatenation ×1000", sql: `SELECT ${chain(1000, "'a'", " || ")}` },
  { name: "IS NULL chain ×1000", sql: `SELECT x${" IS NULL".repeat(1000)} FROM t` },
  { name: "nested parentheses ×5000", sql: `SELECT ${"(".repeat(5000)}1${")".repeat(5000)}` },
  { name: "chains inside nested groups", sql: `SELECT ${"(".repeat(10)}1${`+${chain(100, "1", "+")})`.repeat(10)}` },
  { name: "chain continued around CASE … END", sql: `SELECT ${chain(500, "CASE WHEN a THEN 1 END", " + ")} FROM t` },
  { name: "nested function calls ×2000", sql: `SELECT ${"lower(".repeat(2000)}'a'${")".repeat(2000)}` },
  { name: "UNION chain ×3000", sql: chain(3000, "SELECT 1", " UNION ALL ") },
  { name: "nested subqueries ×300", sql: `${"SELECT * FROM (".repeat(300)}SELECT 1${") x".repeat(300)}` },
];

const fine: { name: string; sql: string }[] = [
  { name: "IN list with 5,000 items", sql: `SELECT * FROM t WHERE id IN (${Array.from({ length: 5000 }, (_, i) => i).join(", ")})` },
  { name: "100 AND-ed conditions", sql: `SELECT * FROM t WHERE ${Array.from({ length: 100 }, (_, i) => `c${i} = ${i}`).join(" AND ")}` },
  { name: "CASE with 300 branches", sql: `SELECT CASE ${Array.from({ length: 300 }, (_, i) => `WHEN a = ${i} THEN ${i}`).join(" ")} END FROM t` },
  { name: "2,000 rows of VALUES", sql: `VALUES ${Array.from({ length: 2000 }, (_, i) => `(${i}, 'x')`).join(", ")}` },
];

const dialects: Dialect[] = ["postgres", "mysql", "sqlite"];
const cases = dialects.flatMap((dialect) => hostile.map((c) => ({ ...c, dialect })));
const fineCases = dialects.flatMap((dialect) => fine.map((c) => ({ ...c, dialect })));

describe("resource limits", () => {
  it.each(cases)("$dialect: refuses or survives $name, and the parser still works", ({ sql, dialect }) => {
    // Any refusal will do (SQLite reads "::int" as a :int placeholder); it must not throw.
    const result = guardSql({ sql, dialect, mode: "read", params: {} });
    if (!result.ok) expect(["syntax_error", "manual_placeholder"]).toContain(result.error.code);
    expect(guardSql({ sql: "SELECT 1", dialect, mode: "read", params: {} }).ok).toBe(true);
  });

  it.each(fineCases)("$dialect: accepts $name", ({ sql, dialect }) => {
    const result = guardSql({ sql, dialect, mode: "read", params: {} });
    expect(result.ok ? "select" : result.error.message).toBe("select");
  });

  it("names the limit in the message", () => {
    const result = guardSql({ sql: `SELECT ${chain(1000, "1", "+")}`, dialect: "mysql", mode: "read", params: {} });
    expect(result).toMatchObject({ ok: false, error: { code: "syntax_error", message: expect.stringContaining(String(MAX_EXPRESSION_DEPTH)) } });
  });
});
