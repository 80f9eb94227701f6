/** SQLite driver on real files in a temp dir: reads, caps, read-only enforcement, runaway queries killed in their worker process, writes, errors. */
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDriver } from "./create-driver";
import { DANGEROUS_VALUES, expectDriverError } from "./driver-test-support";
import type { Driver, ExecuteRequest } from "./types";

let dir: string;
let file: string;
let driver: Driver;

const read = (sql: string, values: unknown[] = [], extra: Partial<ExecuteRequest> = {}) => driver.execute({ sql, values, mode: "read", timeoutMs: 5_000, rowCap: 1_000, ...extra });
const write = (sql: string, values: unknown[] = [], extra: Partial<ExecuteRequest> = {}) => driver.execute({ sql, values, mode: "write", timeoutMs: 5_000, rowCap: 1_000, ...extra });
const RUNAWAY = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 1000000000000) SELECT count(*) AS n FROM c";

/** A hash of every row of every table, read outside the driver. */
function checksum(): string {
  const db = new Database(file, { readonly: true });
  try {
    const hash = createHash("sha256");
    const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").pluck().all() as string[];
    for (const table of tables) hash.update(table).update(JSON.stringify(db.prepare(`SELECT * FROM "${table}" ORDER BY rowid`).raw(true).all()));
    return hash.digest("hex");
  } finally {
    db.close();
  }
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "rowcraft-sqlite-driver-"));
  file = path.join(dir, "app.db");
  const db = new Database(file);
  db.exec(`
    PRAGMA journal_mode = WAL;
    CREATE TABLE people (id INTEGER PRIMARY KEY, name TEXT NOT NULL, note TEXT DEFAULT 'none');
    WITH RECURSIVE seq(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < 1000) INSERT INTO people (id, name) SELECT n, 'person ' || n FROM seq;
    CREATE TABLE orders (id INTEGER PRIMARY KEY, person_id INTEGER NOT NULL REFERENCES people(id), amount NUMERIC);
    CREATE VIEW big_orders AS SELECT * FROM orders WHERE amount > 100;
    CREATE TABLE strings (id INTEGER PRIMARY KEY, v TEXT);
    CREATE TABLE lines (order_id INTEGER REFERENCES orders, line INTEGER, PRIMARY KEY (order_id, line));
  `);
  db.close();
  driver = createDriver({ kind: "sqlite", file });
});

afterAll(async () => {
  await driver?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("SQLite driver: reads", () => {
  it("returns rows and declared column types, with values bound", async () => {
    const result = await read("SELECT id, name, note, id * 2 AS twice FROM people WHERE id <= ? ORDER BY id", [3]);
    expect(result.columns).toEqual([
      { name: "id", dataType: "INTEGER" },
      { name: "name", dataType: "TEXT" },
      { name: "note", dataType: "TEXT" },
      { name: "twice", dataType: "INTEGER" },
    ]);
    expect(result.rows).toEqual([1, 2, 3].map((id) => ({ id, name: `person ${id}`, note: "none", twice: id * 2 })));
    expect(result).toMatchObject({ rowCount: 3, truncated: false, affectedRows: null });
  });

  it("caps rows at rowCap and stops iterating there", async () => {
    const capped = await read("SELECT id FROM people ORDER BY id", [], { rowCap: 10 });
    expect(capped).toMatchObject({ rowCount: 10, truncated: true });
    expect((await read("SELECT id FROM people", [], { rowCap: 1000 })).truncated).toBe(false);
    const started = performance.now();
    const endless = await read(RUNAWAY.replace("SELECT count(*) AS n FROM c", "SELECT x FROM c"), [], { rowCap: 5 });
    expect(endless.rows.map((r) => r.x)).toEqual([1, 2, 3, 4, 5]);
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it("turns values JSON-safe", async () => {
    const result = await read("SELECT 9007199254740993 AS big, 42 AS small, 1.5 AS real, x'DEADBEEF' AS bytes, NULL AS empty, ? AS flag, 1 AS dup, 2 AS dup", [true]);
    expect(result.rows[0]).toEqual({ big: "9007199254740993", small: 42, real: 1.5, bytes: Buffer.from("deadbeef", "hex").toString("base64"), empty: null, flag: 1, dup: 1, dup_2: 2 });
    expect(result.columns.map((c) => c.dataType)).toEqual(["INTEGER", "INTEGER", "REAL", "BLOB", "", "INTEGER", "INTEGER", "INTEGER"]);
  });

  it("stores and matches dangerous values byte for byte (including NUL)", async () => {
    const values = [...DANGEROUS_VALUES, "nul \u0000 inside"];
    for (const value of values) await write("INSERT INTO strings (v) VALUES (?)", [value]);
    expect((await read("SELECT v FROM strings ORDER BY id")).rows.map((r) => r.v)).toEqual(values);
    for (const value of values.filter((v) => v !== null)) {
      expect((await read("SELECT count(*) AS n FROM strings WHERE v = ?", [value])).rows[0]?.n).toBe(1);
    }
  });
});

describe("SQLite driver: read mode refuses every kind of write", () => {
  it.each([
    "UPDATE people SET name = 'hacked'",
    "INSERT INTO people (id, name) VALUES (5000, 'x') RETURNING id",
    "DELETE FROM people",
    "DROP TABLE people",
    "CREATE TEMP TRIGGER t AFTER INSERT ON people BEGIN SELECT 1; END",
    "PRAGMA query_only = 0",
    "BEGIN",
  ])("refuses %s and changes nothing", async (sql) => {
    const before = checksum();
    await expectDriverError(read(sql), "read_only_violation");
    expect(checksum()).toBe(before);
  });

  it("refuses ATTACH and VACUUM INTO (which readonly alone does not stop)", async () => {
    await expectDriverError(read(`ATTACH DATABASE '${path.join(dir, "other.db")}' AS other`), "read_only_violation");
    await expectDriverError(read(`VACUUM INTO '${path.join(dir, "copy.db")}'`), "read_only_violation");
    expect(fs.existsSync(path.join(dir, "other.db"))).toBe(false);
    expect(fs.existsSync(path.join(dir, "copy.db"))).toBe(false);
  });

  it("refuses multiple statements and reports syntax errors", async () => {
    const before = checksum();
    await expectDriverError(read("SELECT 1; DELETE FROM people"), "syntax_error");
    await expectDriverError(write("SELECT 1; DELETE FROM people"), "syntax_error");
    await expectDriverError(read("SELECT * FROM people WHERE"), "syntax_error");
    expect(checksum()).toBe(before);
  });
});

describe("SQLite driver: runaway queries, timeouts and cancel", () => {
  it("kills a runaway recursive CTE at the timeout without blocking the event loop, then keeps working", async () => {
    let ticks = 0;
    const ticker = setInterval(() => (ticks += 1), 20);
    const started = performance.now();
    const error = await expectDriverError(read(RUNAWAY, [], { timeoutMs: 300 }), "timeout");
    clearInterval(ticker);
    expect(error.message).toBe("The query ran longer than 0.3 s and was stopped.");
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(ticks).toBeGreaterThan(5); // the event loop ran the whole time
    expect((await read("SELECT count(*) AS n FROM people")).rows).toEqual([{ n: 1000 }]);
  });

  it("cancels a running query when the signal aborts", async () => {
    const controller = new AbortController();
    const started = performance.now();
    const running = read(RUNAWAY, [], { signal: controller.signal, timeoutMs: 30_000 });
    setTimeout(() => controller.abort(), 200);
    await expectDriverError(running, "cancelled");
    expect(performance.now() - started).toBeLessThan(1_000);
    expect((await read("SELECT 1 AS ok")).rows).toEqual([{ ok: 1 }]);
  });

  it("a killed write leaves nothing behind and the next write works", async () => {
    const before = checksum();
    await expectDriverError(write(`UPDATE people SET note = (${RUNAWAY}) WHERE id = 1`, [], { timeoutMs: 300 }), "timeout");
    expect(checksum()).toBe(before);
    expect((await write("UPDATE people SET note = ? WHERE id = 1", ["after kill"])).affectedRows).toBe(1);
    await write("UPDATE people SET note = 'none' WHERE id = 1");
  });
});

describe("SQLite driver: writes", () => {
  it("commits a write and reports affected rows", async () => {
    expect((await write("UPDATE people SET note = ? WHERE id BETWEEN ? AND ?", ["edited", 1, 4])).affectedRows).toBe(4);
    expect((await read("SELECT count(*) AS n FROM people WHERE note = 'edited'")).rows[0]?.n).toBe(4);
  });

  it("rolls back when more rows than maxAffectedRows would change", async () => {
    const before = checksum();
    const error = await expectDriverError(write("UPDATE people SET note = 'mass edit'", [], { maxAffectedRows: 10 }), "too_many_rows_affected");
    expect(error.message).toMatch(/1,000 rows/);
    expect(checksum()).toBe(before);
  });

  it("previews a write with RETURNING rows and the count, then rolls it back", async () => {
    const before = checksum();
    const preview = await write("UPDATE people SET note = ? WHERE id <= 3 RETURNING id, note", ["preview"], { preview: true });
    expect(preview).toMatchObject({ affectedRows: 3, rows: [1, 2, 3].map((id) => ({ id, note: "preview" })) });
    expect((await write("DELETE FROM people WHERE id > 500", [], { preview: true })).affectedRows).toBe(500);
    const many = await write("DELETE FROM people WHERE id > 500 RETURNING id", [], { preview: true, rowCap: 10 });
    expect(many).toMatchObject({ affectedRows: 500, rowCount: 10, truncated: true });
    expect(checksum()).toBe(before);
  });
});

describe("SQLite driver: introspection and test()", () => {
  it("introspects tables, views, columns, primary and foreign keys", async () => {
    const schema = await driver.introspect();
    const byName = new Map(schema.tables.map((t) => [t.name, t]));
    expect([...byName.keys()].sort()).toEqual(["big_orders", "lines", "orders", "people", "strings"]);
    expect(byName.get("big_orders")).toMatchObject({ kind: "view", schema: null });
    const people = byName.get("people");
    expect(people?.primaryKey).toEqual(["id"]);
    expect(people?.columns.find((c) => c.name === "note")).toEqual({ name: "note", dataType: "TEXT", nullable: true, isPrimaryKey: false, default: "'none'" });
    expect(byName.get("orders")?.foreignKeys).toEqual([{ columns: ["person_id"], references: { schema: null, table: "people", columns: ["id"] } }]);
    const lines = byName.get("lines");
    expect(lines?.primaryKey).toEqual(["order_id", "line"]);
    expect(lines?.foreignKeys).toEqual([{ columns: ["order_id"], references: { schema: null, table: "orders", columns: ["id"] } }]);
  });

  it("test() reports the SQLite version; a missing file is file_missing", async () => {
    expect(await driver.test()).toMatchObject({ ok: true, serverVersion: expect.stringMatching(/^SQLite 3\./) });
    const missing = createDriver({ kind: "sqlite", file: path.join(dir, "nope.db") });
    try {
      await expectDriverError(missing.test(), "file_missing");
      await expectDriverError(missing.execute({ sql: "SELECT 1", values: [], mode: "read", timeoutMs: 1_000, rowCap: 1 }), "file_missing");
    } finally {
      await missing.close();
    }
    expect(fs.existsSync(path.join(dir, "nope.db"))).toBe(false);
  });

  it("test() on a file that is not a database fails clearly", async () => {
    const junk = path.join(dir, "junk.db");
    fs.writeFileSync(junk, "this is not a database, just text padded out ".repeat(50));
    const broken = createDriver({ kind: "sqlite", file: junk });
    try {
      const error = await expectDriverError(broken.test(), "database_error");
      expect(error.message).toMatch(/not a database/);
    } finally {
      await broken.close();
    }
  });
});

describe("SQLite driver: column names after another connection changed the schema", () => {
  it("reports the names the rows were read with", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rowcraft-sqlite-rename-"));
    const file = path.join(dir, "db.sqlite");
    const setup = new Database(file);
    setup.exec("CREATE TABLE t (a INTEGER, b TEXT); INSERT INTO t VALUES (1, 'x')");
    const driver = createDriver({ kind: "sqlite", file }, { poolSize: 1 });
    try {
      const request = { sql: "SELECT * FROM t", values: [], mode: "read" as const, timeoutMs: 5_000, rowCap: 10 };
      expect((await driver.execute(request)).columns.map((column) => column.name)).toEqual(["a", "b"]);
      setup.exec("ALTER TABLE t RENAME COLUMN b TO renamed");
      const after = await driver.execute(request);
      expect(after.columns.map((column) => column.name)).toEqual(["a", "renamed"]);
      expect(after.rows).toEqual([{ a: 1, renamed: "x" }]);
    } finally {
      await driver.close();
      setup.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
