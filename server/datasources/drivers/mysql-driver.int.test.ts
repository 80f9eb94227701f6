/** MySQL/MariaDB driver against the machine's real MariaDB: reads, caps, read-only enforcement by the server, timeouts, cancel, writes, errors. */
import mysql from "mysql2/promise";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMysqlTestDatabase, TEST_MYSQL_URL, type TestDatabase } from "@/server/testing/external-databases";
import { createDriver } from "./create-driver";
import { connectionFromUrl, DANGEROUS_VALUES, expectDriverError } from "./driver-test-support";
import type { Driver, ExecuteRequest } from "./types";

let database: TestDatabase;
let admin: mysql.Connection;
let driver: Driver;

const read = (sql: string, values: unknown[] = [], extra: Partial<ExecuteRequest> = {}) => driver.execute({ sql, values, mode: "read", timeoutMs: 5_000, rowCap: 1_000, ...extra });
const write = (sql: string, values: unknown[] = [], extra: Partial<ExecuteRequest> = {}) => driver.execute({ sql, values, mode: "write", timeoutMs: 5_000, rowCap: 1_000, ...extra });

async function checksum(table = "people"): Promise<string> {
  const [rows] = await admin.query(`CHECKSUM TABLE \`${table}\``);
  return String((rows as { Checksum: unknown }[])[0]?.Checksum);
}

async function tables(): Promise<string[]> {
  const [rows] = await admin.query("SHOW TABLES");
  return (rows as Record<string, string>[]).map((row) => Object.values(row)[0] ?? "").sort();
}

async function processesRunning(pattern: string): Promise<number> {
  const [rows] = await admin.query("SELECT COUNT(*) AS n FROM information_schema.PROCESSLIST WHERE COMMAND IN ('Execute', 'Query') AND INFO LIKE ? AND INFO NOT LIKE '%PROCESSLIST%'", [pattern]);
  return Number((rows as { n: unknown }[])[0]?.n ?? 0);
}

beforeAll(async () => {
  database = await createMysqlTestDatabase();
  admin = await mysql.createConnection({ uri: database.url, multipleStatements: true });
  await admin.query(`
    CREATE TABLE people (id INT PRIMARY KEY, name VARCHAR(100) NOT NULL, note TEXT);
    INSERT INTO people (id, name) WITH RECURSIVE seq(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < 1000) SELECT n, CONCAT('person ', n) FROM seq;
    CREATE TABLE orders (id INT AUTO_INCREMENT PRIMARY KEY, person_id INT NOT NULL, amount DECIMAL(10,2) DEFAULT 0.00, FOREIGN KEY (person_id) REFERENCES people(id));
    CREATE VIEW big_orders AS SELECT * FROM orders WHERE amount > 100;
    CREATE TABLE strings (id INT AUTO_INCREMENT PRIMARY KEY, v LONGTEXT);
    CREATE TABLE order_lines (order_id INT, line INT, PRIMARY KEY (order_id, line), FOREIGN KEY (order_id) REFERENCES orders(id));
  `);
  driver = createDriver(connectionFromUrl("mysql", database.url), { poolSize: 3, connectTimeoutMs: 3_000 });
});

afterAll(async () => {
  await driver?.close();
  await admin?.end();
  await database?.drop();
});

describe("MySQL driver: reads", () => {
  it("returns rows and typed columns, with values bound by the server", async () => {
    const result = await read("SELECT id, name, note FROM people WHERE id <= ? ORDER BY id LIMIT ?", [3, 10]);
    expect(result.columns).toEqual([
      { name: "id", dataType: "int" },
      { name: "name", dataType: "varchar" },
      { name: "note", dataType: "text" },
    ]);
    expect(result.rows).toEqual([1, 2, 3].map((id) => ({ id, name: `person ${id}`, note: null })));
    expect(result).toMatchObject({ rowCount: 3, truncated: false, affectedRows: null });
  });

  it("caps rows at rowCap and the pool survives the stopped stream", async () => {
    const capped = await read("SELECT id FROM people ORDER BY id", [], { rowCap: 10 });
    expect(capped.rows.map((r) => r.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(capped).toMatchObject({ rowCount: 10, truncated: true });
    const exact = await read("SELECT id FROM people", [], { rowCap: 1000 });
    expect(exact).toMatchObject({ rowCount: 1000, truncated: false });
    const started = performance.now();
    const huge = await read("SELECT a.id FROM people a, people b, people c", [], { rowCap: 5, timeoutMs: 10_000 });
    expect(huge).toMatchObject({ rowCount: 5, truncated: true });
    expect(performance.now() - started).toBeLessThan(1_000);
    // The stopped connection is reset, not half-closed: the server stops producing the result.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await processesRunning("%people a, people b%")).toBe(0);
    const again = await Promise.all(Array.from({ length: 5 }, (_, i) => read("SELECT ? AS n", [i])));
    expect(again.map((r) => r.rows[0]?.n)).toEqual([0, 1, 2, 3, 4]);
  });

  it("turns values JSON-safe and binds booleans, bigints and nulls", async () => {
    const result = await read(
      "SELECT CAST(9007199254740993 AS SIGNED) AS big, CAST(42 AS SIGNED) AS small, CAST(1.10 AS DECIMAL(5,2)) AS num, DATE('2024-02-03') AS d, CAST('2024-02-03 04:05:06.123456' AS DATETIME(6)) AS ts, UNHEX('DEADBEEF') AS bytes, ? AS yes, ? AS no, ? AS nothing, ? AS bigparam, 1 AS dup, 2 AS dup",
      [true, false, null, 9007199254740993n],
    );
    expect(result.rows[0]).toEqual({
      big: "9007199254740993",
      small: 42,
      num: "1.10",
      d: "2024-02-03",
      ts: "2024-02-03 04:05:06.123456",
      bytes: Buffer.from("deadbeef", "hex").toString("base64"),
      yes: 1,
      no: 0,
      nothing: null,
      bigparam: "9007199254740993",
      dup: 1,
      dup_2: 2,
    });
    expect(result.columns.slice(0, 6).map((c) => c.dataType)).toEqual(["bigint", "int", "decimal", "date", "datetime", "varbinary"]);
  });

  it("stores and matches dangerous values byte for byte", async () => {
    const values = [...DANGEROUS_VALUES, "trailing backslash \\"];
    for (const value of values) await write("INSERT INTO strings (v) VALUES (?)", [value]);
    const stored = await read("SELECT v FROM strings ORDER BY id");
    expect(stored.rows.map((r) => r.v)).toEqual(values);
    for (const value of values.filter((v) => v !== null)) {
      const found = await read("SELECT COUNT(*) AS n FROM strings WHERE v = ?", [value]);
      expect(found.rows[0]?.n).toBe(1);
    }
    expect(await tables()).toContain("people");
  });
});

describe("MySQL driver: the server itself refuses what the guard should have", () => {
  it("refuses writes (and DDL, despite its implicit commit) in read mode, changing nothing", async () => {
    const before = await checksum();
    const tablesBefore = await tables();
    await expectDriverError(read("UPDATE people SET name = 'hacked'"), "read_only_violation");
    await expectDriverError(read("DELETE FROM people"), "read_only_violation");
    await expectDriverError(read("DROP TABLE people"), "read_only_violation");
    await expectDriverError(read("CREATE TABLE sneaky (id INT)"), "read_only_violation");
    expect(await checksum()).toBe(before);
    expect(await tables()).toEqual(tablesBefore);
  });

  it("refuses multiple statements", async () => {
    const before = await checksum();
    await expectDriverError(read("SELECT 1; SELECT 2"), "syntax_error");
    await expectDriverError(write("SELECT 1; UPDATE people SET name = 'hacked'"), "syntax_error");
    expect(await checksum()).toBe(before);
  });

  it("reports a syntax error with its position", async () => {
    const error = await expectDriverError(read("SELECT id FROM people WHERE id = = 1"), "syntax_error");
    expect(error.position).toBe("SELECT id FROM people WHERE id = ".length);
  });

  it("does not let session state from one use leak into the next", async () => {
    const one = createDriver(connectionFromUrl("mysql", database.url), { poolSize: 1 });
    const run = (sql: string) => one.execute({ sql, values: [], mode: "read", timeoutMs: 5_000, rowCap: 10 });
    try {
      await run("SELECT @secret := 'from user A' AS s");
      await run("SET SESSION sql_mode = ''");
      expect((await run("SELECT @secret AS s, @@session.sql_mode = @@global.sql_mode AS same")).rows).toEqual([{ s: null, same: 1 }]);
    } finally {
      await one.close();
    }
  });
});

describe("MySQL driver: timeouts and cancel", () => {
  it("stops a statement at the timeout and the pool keeps working", async () => {
    const started = performance.now();
    const error = await expectDriverError(read("SELECT SLEEP(5)", [], { timeoutMs: 300 }), "timeout");
    expect(error.message).toBe("The query ran longer than 0.3 s and was stopped.");
    expect(performance.now() - started).toBeLessThan(1_500);
    const results = await Promise.all(Array.from({ length: 5 }, (_, i) => read("SELECT ? AS n", [i])));
    expect(results.map((r) => r.rows[0]?.n)).toEqual([0, 1, 2, 3, 4]);
  });

  it("times out writes too (they get no SELECT-only limit)", async () => {
    const error = await expectDriverError(write("UPDATE people SET note = SLEEP(5) WHERE id = 1", [], { timeoutMs: 300 }), "timeout");
    expect(error.code).toBe("timeout");
    expect((await read("SELECT note FROM people WHERE id = 1")).rows).toEqual([{ note: null }]);
  });

  it("cancels a running statement on the server when the signal aborts", async () => {
    const controller = new AbortController();
    const started = performance.now();
    const running = read("SELECT SLEEP(10) AS cancel_me", [], { signal: controller.signal, timeoutMs: 20_000 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await processesRunning("%cancel_me%")).toBe(1);
    controller.abort();
    await expectDriverError(running, "cancelled");
    expect(performance.now() - started).toBeLessThan(2_000);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await processesRunning("%cancel_me%")).toBe(0);
    expect((await read("SELECT 1 AS ok")).rows).toEqual([{ ok: 1 }]);
  });
});

describe("MySQL driver: writes", () => {
  it("commits a write and reports affected rows", async () => {
    const result = await write("UPDATE people SET note = ? WHERE id BETWEEN ? AND ?", ["edited", 1, 4]);
    expect(result.affectedRows).toBe(4);
    expect((await read("SELECT COUNT(*) AS n FROM people WHERE note = 'edited'")).rows[0]?.n).toBe(4);
  });

  it("rolls back when more rows than maxAffectedRows would change", async () => {
    const before = await checksum();
    const error = await expectDriverError(write("UPDATE people SET note = 'mass edit'", [], { maxAffectedRows: 10 }), "too_many_rows_affected");
    expect(error.message).toMatch(/1,000 rows/);
    expect(await checksum()).toBe(before);
  });

  it("previews writes (with RETURNING rows where MariaDB has it) and rolls them back", async () => {
    const before = await checksum();
    const update = await write("UPDATE people SET note = ? WHERE id <= 3", ["preview"], { preview: true });
    expect(update.affectedRows).toBe(3);
    const deletion = await write("DELETE FROM people WHERE id > ? RETURNING id", [997], { preview: true });
    expect(deletion.affectedRows).toBe(3);
    expect(deletion.rows).toEqual([{ id: 998 }, { id: 999 }, { id: 1000 }]);
    const many = await write("DELETE FROM people WHERE id > 500 RETURNING id", [], { preview: true, rowCap: 10 });
    expect(many).toMatchObject({ affectedRows: 500, rowCount: 10, truncated: true });
    expect(await checksum()).toBe(before);
  });
});

describe("MySQL driver: what a preview cannot undo", () => {
  it("reports that a previewed DDL statement committed implicitly instead of claiming a rollback", async () => {
    const error = await expectDriverError(write("CREATE TABLE preview_probe (id INT)", [], { preview: true }), "database_error");
    expect(error.message).toMatch(/committed implicitly/);
    expect(await tables()).toContain("preview_probe");
    await admin.query("DROP TABLE preview_probe");
  });
});

describe("MySQL driver: one connection survives every kind of failure", () => {
  it("keeps working after each error with a single-connection pool", async () => {
    const one = createDriver(connectionFromUrl("mysql", database.url), { poolSize: 1, connectTimeoutMs: 2_000 });
    const run = (sql: string, extra: Partial<ExecuteRequest> = {}) => one.execute({ sql, values: [], mode: "read", timeoutMs: 5_000, rowCap: 10, ...extra });
    try {
      await expectDriverError(run("SELECT FROM WHERE"), "syntax_error");
      await expectDriverError(run("SELECT * FROM missing_table"), "database_error");
      await expectDriverError(run("SELECT 1; SELECT 2"), "syntax_error");
      await expectDriverError(run("UPDATE people SET name = 'x'"), "read_only_violation");
      await expectDriverError(run("SELECT SLEEP(2)", { timeoutMs: 200 }), "timeout");
      await expectDriverError(run("UPDATE people SET note = 'x'", { mode: "write", maxAffectedRows: 1 }), "too_many_rows_affected");
      expect(await run("SELECT id FROM people ORDER BY id", { rowCap: 2 })).toMatchObject({ rowCount: 2, truncated: true });
      // Writes still work after read-only uses of the same session, and reads are read-only again after.
      expect((await run("UPDATE people SET note = NULL WHERE id = 1", { mode: "write" })).affectedRows).toBe(1);
      await expectDriverError(run("UPDATE people SET note = NULL WHERE id = 1"), "read_only_violation");
    } finally {
      await one.close();
    }
  });
});

describe("MySQL driver: introspection and test()", () => {
  it("introspects tables, views, columns, primary and foreign keys", async () => {
    const schema = await driver.introspect();
    const byName = new Map(schema.tables.map((t) => [t.name, t]));
    expect([...byName.keys()].sort()).toEqual(["big_orders", "order_lines", "orders", "people", "strings"]);
    expect(byName.get("big_orders")?.kind).toBe("view");
    const orders = byName.get("orders");
    expect(orders?.schema).toBe(database.name);
    expect(orders?.primaryKey).toEqual(["id"]);
    expect(orders?.columns.find((c) => c.name === "amount")).toEqual({ name: "amount", dataType: "decimal(10,2)", nullable: true, isPrimaryKey: false, default: "0.00" });
    expect(orders?.foreignKeys).toEqual([{ columns: ["person_id"], references: { schema: database.name, table: "people", columns: ["id"] } }]);
    expect(byName.get("order_lines")?.primaryKey).toEqual(["order_id", "line"]);
    expect(byName.get("people")?.columns.find((c) => c.name === "note")?.default).toBeNull();
  });

  it("test() reports the server version", async () => {
    expect(await driver.test()).toMatchObject({ ok: true, serverVersion: expect.stringMatching(/^(MariaDB|MySQL) \d+/) });
  });

  it.each([
    ["wrong port", { port: 1 }, "connection_refused"],
    ["unknown host", { host: "nonexistent.invalid" }, "dns"],
    ["missing database", { database: "rowcraft_no_such_database" }, "database_missing"],
    ["TLS required by us, not offered by the server", { sslMode: "require" }, "tls"],
  ] as const)("test() fails clearly: %s", async (_label, overrides, code) => {
    const broken = createDriver(connectionFromUrl("mysql", database.url, overrides), { poolSize: 1, connectTimeoutMs: 3_000 });
    try {
      await expectDriverError(broken.test(), code);
    } finally {
      await broken.close();
    }
  });

  it("test() fails with auth_failed on a wrong password (a user created for the test)", async () => {
    const user = `rc_${database.name.slice(-8)}`;
    const root = await mysql.createConnection(TEST_MYSQL_URL);
    try {
      await root.query(`CREATE USER '${user}'@'%' IDENTIFIED BY 'right-password'`);
      await root.query(`CREATE USER '${user}'@'localhost' IDENTIFIED BY 'right-password'`);
      await root.query(`GRANT SELECT ON \`${database.name}\`.* TO '${user}'@'%'`);
      await root.query(`GRANT SELECT ON \`${database.name}\`.* TO '${user}'@'localhost'`);
      for (const [password, expected] of [["wrong-password", "auth_failed"], ["right-password", "ok"]] as const) {
        const candidate = createDriver(connectionFromUrl("mysql", database.url, { user, password }), { poolSize: 1, connectTimeoutMs: 3_000 });
        try {
          if (expected === "ok") expect((await candidate.test()).ok).toBe(true);
          else await expectDriverError(candidate.test(), expected);
        } finally {
          await candidate.close();
        }
      }
    } finally {
      await root.query(`DROP USER IF EXISTS '${user}'@'%'`);
      await root.query(`DROP USER IF EXISTS '${user}'@'localhost'`);
      await root.end();
    }
  });

  it("sslMode prefer falls back to plain when the server has no TLS", async () => {
    const preferring = createDriver(connectionFromUrl("mysql", database.url, { sslMode: "prefer" }), { poolSize: 1 });
    try {
      expect((await preferring.test()).ok).toBe(true);
    } finally {
      await preferring.close();
    }
  });
});
