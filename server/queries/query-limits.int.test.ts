/**
 * Issue 10's limits through `queries.run` (router, guard, drivers) on real PostgreSQL, MariaDB
 * and SQLite: a builder's oversized result fails with a clear error, one person's slow queries do
 * not hold up another person's quick one, and on PostgreSQL an allowlisted name overloaded in
 * public is refused by the database layer.
 */
import { afterEach, describe, expect, it } from "vitest";
import { createSourceFixture, fixturesPerKind, KINDS, runAs, type SourceKind } from "./query-test-support";

const suite = fixturesPerKind(createSourceFixture);
const run = (kind: SourceKind, sql: string, role: "builder" | "admin" = "builder") => runAs(suite.meta, { datasourceId: suite.fixture(kind).id, sql }, role);

/** 50 rows of 100,000 characters: 5 MB. */
const PADDED: Record<SourceKind, string> = {
  postgres: "SELECT id, repeat('x', 100000) AS padded FROM people",
  mysql: "SELECT id, REPEAT('x', 100000) AS padded FROM people",
  sqlite: "SELECT id, printf('%.*c', 100000, 'x') AS padded FROM people",
};

/** Runs into the fixture's 3 s timeout (MariaDB caps recursive CTEs at 1,000 rounds, so a join). */
const SLOW: Record<SourceKind, string> = {
  postgres: "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 1000000000000) SELECT count(*) AS n FROM c",
  mysql: "SELECT count(*) AS n FROM people a, people b, people c, people d, people e, people f",
  sqlite: "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 1000000000000) SELECT count(*) AS n FROM c",
};

afterEach(() => {
  delete process.env.ROWCRAFT_MAX_RESULT_BYTES;
});

describe.each(KINDS)("%s: limits through queries.run", (kind) => {
  it("a result over the byte cap fails with a clear error (the row cap alone would let it through)", async () => {
    process.env.ROWCRAFT_MAX_RESULT_BYTES = String(1024 * 1024);
    const result = await run(kind, PADDED[kind]);
    expect(result).toEqual({ ok: false, error: { source: "database", code: "result_too_large", message: "The result is larger than 1 MB; select fewer columns or rows.", position: null } });
    delete process.env.ROWCRAFT_MAX_RESULT_BYTES;
    expect(await run(kind, PADDED[kind])).toMatchObject({ ok: true, rowCount: 25, truncated: true });
  });

  it("another person's quick query stays fast while a builder runs six slow ones", async () => {
    // Warm up every connection / SQLite worker process (three people's worth), so the timing
    // below measures waiting for a place, not starting a process on a busy 2-core machine.
    await Promise.all([run(kind, "SELECT 1 AS one", "admin"), run(kind, "SELECT 1 AS one", "admin"), run(kind, "SELECT 1 AS one")]);
    const slow = Array.from({ length: 6 }, () => run(kind, SLOW[kind]));
    await new Promise((resolve) => setTimeout(resolve, 300));
    const started = performance.now();
    const quick = await run(kind, "SELECT 2 AS two", "admin");
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(quick).toMatchObject({ ok: true, rows: [{ two: 2 }] });
    const outcomes = await Promise.all(slow);
    // At most two ran at once, into their timeout; the rest waited their turn and gave up unstarted.
    const codes = outcomes.map((outcome) => (outcome.ok ? "ok" : outcome.error.code));
    expect(codes.every((code) => code === "timeout" || code === "pool_exhausted")).toBe(true);
    expect(codes.filter((code) => code === "pool_exhausted").length).toBeGreaterThanOrEqual(2);
  });
});

describe("postgres: names resolve to built-ins", () => {
  it("refuses an allowlisted call that a function in public overloads", async () => {
    const raw = suite.fixture("postgres").raw;
    await raw.exec("CREATE FUNCTION public.lower(integer) RETURNS text LANGUAGE sql AS $$ SELECT v FROM public.secrets LIMIT 1 $$");
    try {
      const result = await run("postgres", "SELECT lower(1) AS v");
      expect(result).toMatchObject({ ok: false, error: { source: "database", code: "forbidden_function" } });
      expect(await run("postgres", "SELECT lower('ABC') AS v")).toMatchObject({ ok: false, error: { code: "forbidden_function" } });
    } finally {
      await raw.exec("DROP FUNCTION public.lower(integer)");
    }
    expect(await run("postgres", "SELECT lower('ABC') AS v")).toMatchObject({ ok: true, rows: [{ v: "abc" }] });
  });
});
