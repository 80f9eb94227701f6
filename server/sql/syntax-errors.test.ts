// A typo is a syntax error at its position with the parser's hint, never "forbidden statement"
// (which reads like a permission problem). Real statements that are not allowed stay forbidden.
import { beforeAll, describe, expect, it } from "vitest";
import { guardSql, initGuard } from "./guard";
import type { Dialect } from "./types";

beforeAll(async () => {
  await initGuard();
});

const dialects: Dialect[] = ["postgres", "mysql", "sqlite"];

describe.each(dialects)("%s: syntax errors", (dialect) => {
  const check = (sql: string, mode: "read" | "write" = "read") => {
    const result = guardSql({ sql, dialect, mode, params: {} });
    if (result.ok) throw new Error(`accepted: ${sql}`);
    return result.error;
  };

  it("says a misspelt first keyword is a syntax error, where, and what was meant", () => {
    const error = check("SELEC title FROM film");
    expect(error.code).toBe("syntax_error");
    expect(error.position).toBe(0);
    expect(error.message).toMatch(/^Syntax error at line 1, column 1: .+\. "SELEC" does not start any SQL statement: did you mean SELECT\? Fix the SQL there and run it again\.$/);
    expect(error.message).not.toMatch(/not allowed/);
    expect(check("  UPDTE film SET title = 'x'", "write")).toMatchObject({ code: "syntax_error", position: 2, message: expect.stringContaining("did you mean UPDATE?") as unknown });
  });

  it("points at a typo further in, on its line and column", () => {
    const error = check("SELECT title\nFORM film");
    expect(error.code).toBe("syntax_error");
    expect(error.message).toMatch(/^Syntax error at line 2, column \d+: /);
    expect(error.message).not.toContain("did you mean");
    expect(error.position).toBeGreaterThanOrEqual("SELECT title\n".length);
  });

  it("still refuses real statements that are not allowed", () => {
    expect(check("DROP TABLE film")).toMatchObject({ code: "forbidden_statement" });
    expect(check("VACUUM")).toMatchObject({ code: "forbidden_statement" });
  });
});
