/**
 * The whole query path — `queries.run` / `queries.cancel` through the real router, the guard,
 * the drivers and the audit log — on real PostgreSQL, MariaDB/MySQL and an SQLite file
 * (fixture: query-test-support.ts). Refusals change nothing, values travel as parameters byte
 * for byte, limits (row cap, timeout, affected rows, EXPLAIN cost) hold, cancel is per user.
 */
import { describe, expect, it } from "vitest";
import { DEFAULT_MAX_AFFECTED_ROWS, DEFAULT_MAX_COST } from "@/lib/schemas/datasources";
import type { QueryResult } from "@/lib/schemas/queries";
import { DANGEROUS_VALUES } from "@/server/datasources/drivers/driver-test-support";
import { contextAs } from "@/server/testing/metadata-db";
import { createCaller } from "@/server/trpc/root";
import { createSourceFixture, KINDS, nextRunId, runAs, saveSource, TEST_POLICY, type RunInput, type SourceKind, fixturesPerKind } from "./query-test-support";

const suite = fixturesPerKind(createSourceFixture);
const fixture = suite.fixture;

const run = (kind: SourceKind, input: Omit<RunInput, "datasourceId">) => runAs(suite.meta, { datasourceId: fixture(kind).id, ...input });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function success(result: QueryResult) {
  if (!result.ok) throw new Error(`query failed: ${JSON.stringify(result.error)}`);
  return result;
}

/** Long enough to hit a 3 s timeout, cheap to plan (PostgreSQL's cost check lets it through). MariaDB caps recursive CTEs at 1,000 rounds by default, so it gets a join instead. */
const SLOW: Record<SourceKind, string> = {
  postgres: "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 1000000000000) SELECT count(*) AS n FROM c",
  mysql: "SELECT count(*) AS n FROM people a, people b, people c, people d, people e, people f",
  sqlite: "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 1000000000000) SELECT count(*) AS n FROM c",
};

const placeholders = (kind: SourceKind, sql: string) => (kind === "postgres" ? sql : sql.replace(/\$\d+/g, "?"));

describe.each(KINDS)("%s: refused statements change nothing", (kind) => {
  const refusals: [string, Omit<RunInput, "datasourceId">, string][] = [
    ["DELETE in read mode", { sql: "DELETE FROM people WHERE id = 1" }, "forbidden_statement"],
    ["a second statement after the first", { sql: "SELECT * FROM people; DROP TABLE people" }, "multiple_statements"],
    ["a table the policy does not let queries read", { sql: "SELECT * FROM secrets" }, "table_not_readable"],
    ["a write to a table the policy does not let queries write", { sql: "UPDATE ledger SET v = 'gone' WHERE id = 1", mode: "write" }, "table_not_writable"],
    ["a previewed write to a table that is not writable", { sql: "DELETE FROM ledger WHERE id = 1", mode: "write", preview: true }, "table_not_writable"],
    ["UPDATE without WHERE", { sql: "UPDATE people SET note = 'all'", mode: "write" }, "missing_where"],
    ["a value template standing for a table name", { sql: "SELECT * FROM {{ table }}", params: { table: "secrets" } }, "identifier_template"],
  ];

  it.each(refusals)("refuses %s", async (_name, input, code) => {
    const before = await fixture(kind).snapshot();
    const result = await run(kind, input);
    expect(result).toMatchObject({ ok: false, error: { source: "guard", code } });
    expect(await fixture(kind).snapshot()).toBe(before);
  });

  it("refuses every write on a read-only source, and audits the refusal", async () => {
    const f = fixture(kind);
    const before = await f.snapshot();
    const result = await runAs(suite.meta, { datasourceId: f.readOnlyId, sql: "UPDATE people SET note = {{ note }} WHERE id = 1", mode: "write", params: { note: "nope" } });
    expect(result).toMatchObject({ ok: false, error: { source: "guard", code: "table_not_writable" } });
    expect(await f.snapshot()).toBe(before);
    const denied = await suite.meta.db.auditEvent.findFirst({ where: { action: "query.write", outcome: "denied", targetId: f.readOnlyId } });
    expect(JSON.parse(denied?.detail ?? "{}")).toMatchObject({ code: "table_not_writable" });
  });
});

describe.each(KINDS)("%s: values are bound, never spliced", (kind) => {
  it("stores dangerous values with a write and matches them byte for byte with a read", async () => {
    const f = fixture(kind);
    for (const [i, value] of DANGEROUS_VALUES.entries()) {
      const id = 100 + i;
      const written = await run(kind, { sql: "INSERT INTO notes (id, body) VALUES ({{ id }}, {{ body }})", mode: "write", params: { id, body: value } });
      expect(success(written).affectedRows).toBe(1);
      const read = success(await run(kind, { sql: "SELECT body FROM notes WHERE id = {{ id }}", params: { id } }));
      expect(read.rows).toEqual([{ body: value }]);
      if (value !== null) {
        const matched = success(await run(kind, { sql: "SELECT id FROM notes WHERE body = {{ body }}", params: { body: value } }));
        expect(matched.rows).toEqual([{ id }]);
      }
    }
    // Behind Rowcraft's back: the database holds exactly these strings, and every table survived.
    const stored = await f.raw.rows("SELECT body FROM notes ORDER BY id");
    expect(stored.map((row) => row[0])).toEqual(DANGEROUS_VALUES);
    expect(success(await run(kind, { sql: "SELECT count(*) AS n FROM people" })).rows).toEqual([{ n: 50 }]);
    await f.raw.exec("DELETE FROM notes");
  });
});

describe.each(KINDS)("%s: limits", (kind) => {
  it("caps rows at the source's row cap and says so", async () => {
    const result = success(await run(kind, { sql: "SELECT id FROM people ORDER BY id" }));
    expect(result).toMatchObject({ rowCount: TEST_POLICY.rowCap, truncated: true, rowCap: TEST_POLICY.rowCap });
    expect(result.rows[0]).toEqual({ id: 1 });
    expect(success(await run(kind, { sql: "SELECT id FROM people WHERE id <= {{ n }}", params: { n: 25 } })).truncated).toBe(false);
  });

  it("stops a query at the statement timeout, and the next query on the source works", async () => {
    const started = performance.now();
    const result = await run(kind, { sql: SLOW[kind] });
    expect(result).toMatchObject({ ok: false, error: { source: "database", code: "timeout" } });
    expect(performance.now() - started).toBeLessThan(TEST_POLICY.statementTimeoutMs + 5_000);
    expect(success(await run(kind, { sql: "SELECT count(*) AS n FROM people" })).rows).toEqual([{ n: 50 }]);
  });

  it("cancels a running query for the user who started it, not for anyone else", async () => {
    const runId = nextRunId();
    const started = performance.now();
    const running = run(kind, { sql: SLOW[kind], runId });
    await sleep(500);
    const other = createCaller(await contextAs(suite.meta.db, "admin"));
    expect(await other.queries.cancel({ runId })).toEqual({ cancelled: false });
    // Still registered, so the owner's cancel finds it (a stopped run would be gone).
    const owner = createCaller(await contextAs(suite.meta.db, "builder"));
    expect(await owner.queries.cancel({ runId })).toEqual({ cancelled: true });
    expect(await running).toMatchObject({ ok: false, error: { source: "database", code: "cancelled" } });
    expect(performance.now() - started).toBeLessThan(TEST_POLICY.statementTimeoutMs);
    expect(success(await run(kind, { sql: "SELECT count(*) AS n FROM people" })).rows).toEqual([{ n: 50 }]);
  });

  it("rolls back a write over the source's affected-rows limit, with a message", async () => {
    const f = fixture(kind);
    const before = await f.snapshot();
    const result = await run(kind, { sql: "UPDATE people SET note = {{ note }} WHERE id > {{ min }}", mode: "write", params: { note: "bulk", min: 0 } });
    expect(result).toMatchObject({ ok: false, error: { source: "database", code: "too_many_rows_affected" } });
    expect(result.ok ? "" : result.error.message).toContain("50 rows, more than the limit of 30; nothing was changed");
    expect(await f.snapshot()).toBe(before);
    const failed = await suite.meta.db.auditEvent.findMany({ where: { action: "query.write", outcome: "error", targetId: f.id } });
    expect(failed.map((e) => JSON.parse(e.detail) as { code: string }).some((d) => d.code === "too_many_rows_affected")).toBe(true);
  });

  it("records writes in the audit log with the SQL, the values and the affected rows", async () => {
    const f = fixture(kind);
    const result = success(await run(kind, { sql: "UPDATE people SET note = {{ note }} WHERE id <= {{ max }}", mode: "write", params: { note: "audited", max: 2 } }));
    expect(result).toMatchObject({ kind: "update", affectedRows: 2, preview: null });
    expect(await f.raw.rows("SELECT id, note FROM people WHERE note = 'audited' ORDER BY id")).toEqual([
      [1, "audited"],
      [2, "audited"],
    ]);
    const events = await suite.meta.db.auditEvent.findMany({ where: { action: "query.write", outcome: "ok", targetId: f.id } });
    const details = events.map((e) => JSON.parse(e.detail) as { values?: unknown[] });
    expect(details.find((d) => d.values?.[0] === "audited")).toEqual({
      sql: placeholders(kind, "UPDATE people SET note = $1 WHERE id <= $2"),
      values: ["audited", 2],
      tables: [kind === "postgres" ? "public.people" : "people"],
      affectedRows: 2,
    });
    await f.raw.exec("UPDATE people SET note = 'none'");
  });
});

describe("PostgreSQL EXPLAIN cost limit", () => {
  // No table in the plan: a never-analyzed table would only make the estimate a warning (postgres-cost.int.test.ts).
  const CROSS = "SELECT count(*) AS n FROM generate_series(1, 50) a CROSS JOIN generate_series(1, 50) b";
  const resave = (maxCost: number | null) => {
    const f = fixture("postgres");
    return saveSource(suite.meta, { id: f.id, name: "Test postgres", connection: f.connection, policy: { ...TEST_POLICY, maxCost } });
  };

  it("refuses a read estimated above the default limit before it runs, showing the estimate and the limit", async () => {
    expect(TEST_POLICY.maxCost).toBe(DEFAULT_MAX_COST);
    const started = performance.now();
    const result = await run("postgres", { sql: "SELECT count(*) AS n FROM generate_series(1, 1000000000000) AS g" });
    expect(result).toMatchObject({ ok: false, error: { source: "database", code: "cost_too_high" } });
    const message = result.ok ? "" : result.error.message;
    expect(message).toContain("estimates this query at 12,500,000,000 cost units");
    expect(message).toContain("limit of 100,000,000");
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it("uses the admin's limit, and none when it is blank", async () => {
    try {
      await resave(10);
      const refused = await run("postgres", { sql: CROSS });
      expect(refused).toMatchObject({ ok: false, error: { code: "cost_too_high" } });
      expect(refused.ok ? "" : refused.error.message).toMatch(/estimates this query at [\d,]+ cost units, above this source's limit of 10\b/);
      await resave(null);
      expect(success(await run("postgres", { sql: CROSS })).rows).toEqual([{ n: 2500 }]);
    } finally {
      await resave(DEFAULT_MAX_COST);
    }
  });

  it("is not applied to MySQL or SQLite reads", async () => {
    for (const kind of ["mysql", "sqlite"] as const) {
      expect(success(await run(kind, { sql: "SELECT count(*) AS n FROM people a CROSS JOIN people b" })).rows).toEqual([{ n: 2500 }]);
    }
  });
});

describe("policies stored before the cost and affected-rows limits existed", () => {
  it("still parse, with the defaults", async () => {
    const f = fixture("sqlite");
    const legacy = { readOnly: false, read: ["*"], write: [], allowSystemCatalogs: false, statementTimeoutMs: 10_000, rowCap: 100_000 };
    const id = await saveSource(suite.meta, { name: "Legacy policy", connection: f.connection, policy: TEST_POLICY });
    await suite.meta.db.dataSource.update({ where: { id }, data: { policy: JSON.stringify(legacy) } });
    const admin = createCaller(await contextAs(suite.meta.db, "admin"));
    const listed = (await admin.datasources.list()).find((source) => source.id === id);
    expect(listed?.policy).toEqual({ ...legacy, maxCost: DEFAULT_MAX_COST, maxAffectedRows: DEFAULT_MAX_AFFECTED_ROWS });
    expect(success(await runAs(suite.meta, { datasourceId: id, sql: "SELECT count(*) AS n FROM people" })).rows).toEqual([{ n: 50 }]);
  });
});
