/** PostgreSQL driver against the machine's real PostgreSQL: reads, caps, guards the database itself enforces, timeouts, cancel, writes, errors. */
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPostgresTestDatabase, type TestDatabase } from "@/server/testing/external-databases";
import { createDriver } from "./create-driver";
import { connectionFromUrl, DANGEROUS_VALUES, expectDriverError } from "./driver-test-support";
import type { Driver, ExecuteRequest } from "./types";

let database: TestDatabase;
let admin: pg.Client;
let driver: Driver;

const read = (sql: string, values: unknown[] = [], extra: Partial<ExecuteRequest> = {}) => driver.execute({ sql, values, mode: "read", timeoutMs: 5_000, rowCap: 1_000, ...extra });
const write = (sql: string, values: unknown[] = [], extra: Partial<ExecuteRequest> = {}) => driver.execute({ sql, values, mode: "write", timeoutMs: 5_000, rowCap: 1_000, ...extra });

async function checksum(table = "people"): Promise<string> {
  const result = await admin.query<{ sum: string }>(`SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS sum FROM ${table} t`);
  return result.rows[0]?.sum ?? "";
}

async function backendsRunning(pattern: string): Promise<number> {
  const result = await admin.query<{ n: string }>("SELECT count(*) AS n FROM pg_stat_activity WHERE datname = $1 AND state = 'active' AND query LIKE $2", [database.name, pattern]);
  return Number(result.rows[0]?.n ?? 0);
}

beforeAll(async () => {
  database = await createPostgresTestDatabase();
  admin = new pg.Client({ connectionString: database.url });
  await admin.connect();
  await admin.query(`
    CREATE TABLE people (id int PRIMARY KEY, name text NOT NULL, note text DEFAULT 'none');
    INSERT INTO people SELECT g, 'person ' || g FROM generate_series(1, 1000) g;
    CREATE TABLE orders (id serial PRIMARY KEY, person_id int NOT NULL REFERENCES people(id), amount numeric(10,2), created_at timestamptz DEFAULT now());
    CREATE VIEW big_orders AS SELECT * FROM orders WHERE amount > 100;
    CREATE TABLE strings (id serial PRIMARY KEY, v text);
    CREATE SCHEMA sales;
    CREATE TABLE sales.lines (order_id int, line int, PRIMARY KEY (order_id, line), FOREIGN KEY (order_id) REFERENCES orders(id));
  `);
  driver = createDriver(connectionFromUrl("postgres", database.url), { poolSize: 3, connectTimeoutMs: 3_000 });
});

afterAll(async () => {
  await driver?.close();
  await admin?.end();
  await database?.drop();
});

describe("PostgreSQL driver: reads", () => {
  it("returns rows and typed columns, with values bound as parameters", async () => {
    const result = await read("SELECT id, name, note FROM people WHERE id <= $1 ORDER BY id", [3]);
    expect(result.columns).toEqual([
      { name: "id", dataType: "int4" },
      { name: "name", dataType: "text" },
      { name: "note", dataType: "text" },
    ]);
    expect(result.rows).toEqual([1, 2, 3].map((id) => ({ id, name: `person ${id}`, note: "none" })));
    expect(result).toMatchObject({ rowCount: 3, truncated: false, affectedRows: null });
  });

  it("caps rows at rowCap and says so; exactly rowCap rows is not truncated", async () => {
    const capped = await read("SELECT id FROM people ORDER BY id", [], { rowCap: 10 });
    expect(capped.rows.map((r) => r.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(capped).toMatchObject({ rowCount: 10, truncated: true });
    const exact = await read("SELECT id FROM people", [], { rowCap: 1000 });
    expect(exact).toMatchObject({ rowCount: 1000, truncated: false });
  });

  it("stops the server producing rows at the cap (portal row limit), even for a billion-row query", async () => {
    const started = performance.now();
    // (A set-returning function in FROM is materialized by PostgreSQL itself, so a join it is.)
    const result = await read("SELECT a.id FROM people a CROSS JOIN people b CROSS JOIN people c", [], { rowCap: 5, timeoutMs: 10_000 });
    expect(result.rows).toHaveLength(5);
    expect(result.truncated).toBe(true);
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it("turns values JSON-safe and keeps them exact", async () => {
    const result = await read(
      `SELECT 9007199254740993::int8 AS big, 42::int8 AS small, 1.10::numeric(5,2) AS num, 'NaN'::float8 AS nan,
        '2024-02-03 04:05:06.123456+00'::timestamptz AS tstz, '2024-02-03 04:05:06.123456'::timestamp AS ts, '2024-02-03'::date AS d,
        'infinity'::timestamptz AS inf, '\\xdeadbeef'::bytea AS bytes, '{"a":[1,2]}'::jsonb AS doc, true AS flag, '1 day 02:00'::interval AS span,
        ARRAY[1,2]::int8[] AS ids, 1 AS dup, 2 AS dup`,
    );
    expect(result.rows[0]).toEqual({
      big: "9007199254740993",
      small: 42,
      num: "1.10",
      nan: "NaN",
      tstz: expect.stringMatching(/^2024-02-03 0\d:05:06\.123456/),
      ts: "2024-02-03 04:05:06.123456",
      d: "2024-02-03",
      inf: "infinity",
      bytes: Buffer.from("deadbeef", "hex").toString("base64"),
      doc: { a: [1, 2] },
      flag: true,
      span: "1 day 02:00:00",
      ids: [1, 2],
      dup: 1,
      dup_2: 2,
    });
    expect(result.columns.map((c) => c.dataType)).toEqual(["int8", "int8", "numeric", "float8", "timestamptz", "timestamp", "date", "timestamptz", "bytea", "jsonb", "bool", "interval", "_int8", "int4", "int4"]);
    JSON.stringify(result); // must not throw
  });

  it("stores and matches dangerous values byte for byte", async () => {
    for (const value of DANGEROUS_VALUES) {
      await write("INSERT INTO strings (v) VALUES ($1)", [value]);
    }
    const stored = await read("SELECT v FROM strings ORDER BY id");
    expect(stored.rows.map((r) => r.v)).toEqual(DANGEROUS_VALUES);
    for (const value of DANGEROUS_VALUES.filter((v) => v !== null)) {
      const found = await read("SELECT count(*)::int AS n FROM strings WHERE v = $1", [value]);
      expect(found.rows[0]?.n).toBe(1);
    }
    expect((await read("SELECT count(*)::int AS n FROM people")).rows[0]?.n).toBe(1000);
  });
});

describe("PostgreSQL driver: the database itself refuses what the guard should have", () => {
  it("refuses writes in read mode inside the read-only transaction, changing nothing", async () => {
    const before = await checksum();
    await expectDriverError(read("UPDATE people SET name = 'hacked'"), "read_only_violation");
    await expectDriverError(read("WITH gone AS (DELETE FROM people RETURNING id) SELECT count(*) FROM gone"), "read_only_violation");
    await expectDriverError(read("SELECT * FROM people FOR UPDATE"), "read_only_violation");
    await expectDriverError(read("CREATE TABLE sneaky (id int)"), "read_only_violation");
    expect(await checksum()).toBe(before);
  });

  it("refuses multiple statements, even without values (extended protocol)", async () => {
    const before = await checksum();
    await expectDriverError(read("SELECT 1; SELECT 2", []), "syntax_error");
    await expectDriverError(write("SELECT 1; UPDATE people SET name = 'hacked'", []), "syntax_error");
    await expectDriverError(read("COMMIT; UPDATE people SET name = 'hacked'", []), "syntax_error");
    expect(await checksum()).toBe(before);
  });

  it("does not let session settings from one use leak into the next", async () => {
    const one = createDriver(connectionFromUrl("postgres", database.url), { poolSize: 1 });
    try {
      await one.execute({ sql: "SELECT set_config('search_path', 'sales', false)", values: [], mode: "read", timeoutMs: 5_000, rowCap: 10 });
      const after = await one.execute({ sql: "SELECT current_setting('search_path') AS path", values: [], mode: "read", timeoutMs: 5_000, rowCap: 10 });
      expect(after.rows[0]?.path).toBe("pg_catalog, public, pg_temp");
    } finally {
      await one.close();
    }
  });
});

describe("PostgreSQL driver: timeouts and cancel", () => {
  it("stops a statement at the timeout and the pool keeps working", async () => {
    const started = performance.now();
    const error = await expectDriverError(read("SELECT pg_sleep(5)", [], { timeoutMs: 300 }), "timeout");
    expect(error.message).toBe("The query ran longer than 0.3 s and was stopped.");
    expect(performance.now() - started).toBeLessThan(1_500);
    // More queries than the pool has connections: every connection came back usable.
    const results = await Promise.all(Array.from({ length: 6 }, (_, i) => read("SELECT $1::int AS n", [i])));
    expect(results.map((r) => r.rows[0]?.n)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it("cancels a running statement on the server when the signal aborts", async () => {
    const controller = new AbortController();
    const started = performance.now();
    const running = read("SELECT pg_sleep(10) /* cancel-me */", [], { signal: controller.signal, timeoutMs: 20_000 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await backendsRunning("%cancel-me%")).toBe(1);
    controller.abort();
    await expectDriverError(running, "cancelled");
    expect(performance.now() - started).toBeLessThan(2_000);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await backendsRunning("%cancel-me%")).toBe(0);
    expect((await read("SELECT 1 AS ok")).rows).toEqual([{ ok: 1 }]);
  });

  it("refuses a query whose EXPLAIN cost is above maxCost, and lets cheap ones and SHOW through", async () => {
    const error = await expectDriverError(read("SELECT count(*) FROM generate_series(1, 1e12::bigint)", [], { maxCost: 1_000_000 }), "cost_too_high");
    expect(error.message).toMatch(/cost units/);
    expect((await read("SELECT name FROM people WHERE id = $1", [7], { maxCost: 1_000 })).rows).toEqual([{ name: "person 7" }]);
    expect((await read("SHOW server_version", [], { maxCost: 1_000 })).rowCount).toBe(1);
  });
});

describe("PostgreSQL driver: writes", () => {
  it("commits a write and reports affected rows", async () => {
    const result = await write("UPDATE people SET note = $1 WHERE id BETWEEN $2 AND $3", ["edited", 1, 4]);
    expect(result.affectedRows).toBe(4);
    expect((await read("SELECT count(*)::int AS n FROM people WHERE note = 'edited'")).rows[0]?.n).toBe(4);
  });

  it("rolls back when more rows than maxAffectedRows would change", async () => {
    const before = await checksum();
    const error = await expectDriverError(write("UPDATE people SET note = 'mass edit'", [], { maxAffectedRows: 10 }), "too_many_rows_affected");
    expect(error.message).toMatch(/1,000 rows/);
    expect(await checksum()).toBe(before);
  });

  it("previews a write with RETURNING rows and the count, then rolls it back", async () => {
    const before = await checksum();
    const preview = await write("UPDATE people SET note = $1 WHERE id <= 3 RETURNING id, note", ["preview"], { preview: true });
    expect(preview.affectedRows).toBe(3);
    expect(preview.rows).toEqual([1, 2, 3].map((id) => ({ id, note: "preview" })));
    const deletion = await write("DELETE FROM people WHERE id > 500", [], { preview: true });
    expect(deletion.affectedRows).toBe(500);
    const many = await write("DELETE FROM people WHERE id > 500 RETURNING id", [], { preview: true, rowCap: 10 });
    expect(many).toMatchObject({ affectedRows: 500, rowCount: 10, truncated: true });
    expect(await checksum()).toBe(before);
  });

  it("reports syntax errors and other errors with 0-based positions; the connection stays usable", async () => {
    const syntax = await expectDriverError(read("SELECT * FROM people WHERE"), "syntax_error");
    expect(syntax.position).toBe("SELECT * FROM people WHERE".length);
    const column = await expectDriverError(read("SELECT nope FROM people"), "database_error");
    expect(column.position).toBe(7);
    const astral = await expectDriverError(read("SELECT '🚀', nope FROM people"), "database_error");
    expect(astral.position).toBe("SELECT '🚀', ".length);
    expect((await read("SELECT 2 AS two")).rows).toEqual([{ two: 2 }]);
  });
});

describe("PostgreSQL driver: one connection survives every kind of failure", () => {
  it("reuses its single pooled connection after each error", async () => {
    const one = createDriver(connectionFromUrl("postgres", database.url), { poolSize: 1, connectTimeoutMs: 2_000 });
    const run = (sql: string, extra: Partial<ExecuteRequest> = {}) => one.execute({ sql, values: [], mode: "read", timeoutMs: 5_000, rowCap: 10, ...extra });
    try {
      await expectDriverError(run("SELECT FROM WHERE"), "syntax_error");
      await expectDriverError(run("SELECT * FROM missing_table"), "database_error");
      await expectDriverError(run("SELECT 1; SELECT 2"), "syntax_error");
      await expectDriverError(run("UPDATE people SET name = 'x'"), "read_only_violation");
      await expectDriverError(run("SELECT pg_sleep(2)", { timeoutMs: 200 }), "timeout");
      await expectDriverError(run("SELECT count(*) FROM generate_series(1, 1e12::bigint)", { maxCost: 10 }), "cost_too_high");
      await expectDriverError(run("UPDATE people SET note = note", { mode: "write", maxAffectedRows: 1 }), "too_many_rows_affected");
      await expectDriverError(run("SELECT 1/0 AS boom"), "database_error");
      const after = await run("SELECT id FROM people ORDER BY id", { rowCap: 2 });
      expect(after).toMatchObject({ rowCount: 2, truncated: true });
      expect((await run("SELECT current_setting('transaction_read_only') AS ro")).rows).toEqual([{ ro: "on" }]);
    } finally {
      await one.close();
    }
  });
});

describe("PostgreSQL driver: introspection and test()", () => {
  it("introspects tables, views, columns, primary and foreign keys", async () => {
    const schema = await driver.introspect();
    const byName = new Map(schema.tables.map((t) => [`${t.schema}.${t.name}`, t]));
    expect([...byName.keys()].sort()).toEqual(["public.big_orders", "public.orders", "public.people", "public.strings", "sales.lines"]);
    expect(byName.get("public.big_orders")?.kind).toBe("view");
    const orders = byName.get("public.orders");
    expect(orders?.primaryKey).toEqual(["id"]);
    expect(orders?.columns.find((c) => c.name === "person_id")).toEqual({ name: "person_id", dataType: "integer", nullable: false, isPrimaryKey: false, default: null });
    expect(orders?.columns.find((c) => c.name === "id")?.default).toMatch(/^nextval/);
    expect(orders?.foreignKeys).toEqual([{ columns: ["person_id"], references: { schema: "public", table: "people", columns: ["id"] } }]);
    const lines = byName.get("sales.lines");
    expect(lines?.primaryKey).toEqual(["order_id", "line"]);
    expect(lines?.foreignKeys[0]?.references).toEqual({ schema: "public", table: "orders", columns: ["id"] });
  });

  it("test() reports the server version", async () => {
    const result = await driver.test();
    expect(result).toMatchObject({ ok: true, serverVersion: expect.stringMatching(/^PostgreSQL \d+/) });
  });

  it.each([
    ["wrong port", { port: 1 }, "connection_refused"],
    ["unknown host", { host: "nonexistent.invalid" }, "dns"],
    ["missing database", { database: "rowcraft_no_such_database" }, "database_missing"],
    ["unknown role", { user: "rowcraft_no_such_role" }, "auth_failed"],
    ["TLS required by us, not offered by the server", { sslMode: "require" }, "tls"],
  ] as const)("test() fails clearly: %s", async (_label, overrides, code) => {
    const broken = createDriver(connectionFromUrl("postgres", database.url, overrides), { poolSize: 1, connectTimeoutMs: 3_000 });
    try {
      await expectDriverError(broken.test(), code);
    } finally {
      await broken.close();
    }
  });

  it("sslMode prefer falls back to plain when the server has no TLS", async () => {
    const preferring = createDriver(connectionFromUrl("postgres", database.url, { sslMode: "prefer" }), { poolSize: 1 });
    try {
      expect((await preferring.test()).ok).toBe(true);
    } finally {
      await preferring.close();
    }
  });
});
