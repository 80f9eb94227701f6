/**
 * executeBatch on real PostgreSQL, MariaDB and an SQLite file: one transaction that commits only
 * when every statement changed exactly its expected rows; mismatches report every count and
 * apply nothing; database errors, timeouts (per statement and for the whole batch), lock waits
 * and cancel roll everything back and leave the pool working. Each driver has a one-connection
 * pool, so a connection left inside a transaction would show up in the next test.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import mysql from "mysql2/promise";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMysqlTestDatabase, createPostgresTestDatabase } from "@/server/testing/external-databases";
import { createDriver } from "./create-driver";
import { connectionFromUrl, expectDriverError } from "./driver-test-support";
import type { BatchStatement, Driver, DriverKind } from "./types";

interface Fixture {
  driver: Driver;
  /** A statement outside the driver (autocommit). */
  exec(sql: string): Promise<void>;
  rows(sql: string): Promise<unknown[][]>;
  /** Holds a write lock on people row 1 until the returned release is called. */
  lockRow(): Promise<() => Promise<void>>;
  cleanup(): Promise<void>;
}

const KINDS: DriverKind[] = ["postgres", "mysql", "sqlite"];
const fixtures = new Map<DriverKind, Fixture>();
const SCHEMA = ["CREATE TABLE people (id INT PRIMARY KEY, name VARCHAR(100) NOT NULL, note TEXT)", `INSERT INTO people (id, name, note) VALUES ${Array.from({ length: 10 }, (_, i) => `(${i + 1}, 'person ${i + 1}', 'none')`).join(", ")}`];

async function postgresFixture(): Promise<Fixture> {
  const database = await createPostgresTestDatabase();
  const admin = new pg.Client({ connectionString: database.url });
  await admin.connect();
  const driver = createDriver(connectionFromUrl("postgres", database.url), { poolSize: 1, connectTimeoutMs: 3_000 });
  return {
    driver,
    exec: async (sql) => void (await admin.query(sql)),
    rows: async (sql) => (await admin.query({ text: sql, rowMode: "array" })).rows as unknown[][],
    lockRow: async () => {
      const locker = new pg.Client({ connectionString: database.url });
      await locker.connect();
      await locker.query("BEGIN; SELECT * FROM people WHERE id = 1 FOR UPDATE");
      return async () => {
        await locker.query("ROLLBACK");
        await locker.end();
      };
    },
    cleanup: async () => {
      await driver.close();
      await admin.end();
      await database.drop();
    },
  };
}

async function mysqlFixture(): Promise<Fixture> {
  const database = await createMysqlTestDatabase();
  const admin = await mysql.createConnection({ uri: database.url });
  const driver = createDriver(connectionFromUrl("mysql", database.url), { poolSize: 1, connectTimeoutMs: 3_000 });
  return {
    driver,
    exec: async (sql) => void (await admin.query(sql)),
    rows: async (sql) => (await admin.query({ sql, rowsAsArray: true }))[0] as unknown[][],
    lockRow: async () => {
      const locker = await mysql.createConnection({ uri: database.url });
      await locker.query("START TRANSACTION");
      await locker.query("SELECT * FROM people WHERE id = 1 FOR UPDATE");
      return async () => {
        await locker.query("ROLLBACK");
        await locker.end();
      };
    },
    cleanup: async () => {
      await driver.close();
      await admin.end();
      await database.drop();
    },
  };
}

async function sqliteFixture(): Promise<Fixture> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rowcraft-batch-"));
  const file = path.join(dir, "app.db");
  const admin = new Database(file);
  admin.pragma("journal_mode = WAL");
  const driver = createDriver({ kind: "sqlite", file }, { poolSize: 1 });
  return {
    driver,
    exec: async (sql) => void admin.exec(sql),
    rows: async (sql) => admin.prepare(sql).raw(true).all() as unknown[][],
    // SQLite locks the whole database for writing: a second writer waits for it.
    lockRow: async () => {
      const locker = new Database(file);
      locker.exec("BEGIN IMMEDIATE");
      return async () => {
        locker.exec("ROLLBACK");
        locker.close();
      };
    },
    cleanup: async () => {
      await driver.close();
      admin.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

beforeAll(async () => {
  fixtures.set("postgres", await postgresFixture());
  fixtures.set("mysql", await mysqlFixture());
  fixtures.set("sqlite", await sqliteFixture());
  for (const f of fixtures.values()) for (const sql of SCHEMA) await f.exec(sql);
});

afterAll(async () => {
  for (const f of fixtures.values()) await f.cleanup();
});

function fixture(kind: DriverKind): Fixture {
  const found = fixtures.get(kind);
  if (!found) throw new Error(`no ${kind} fixture`);
  return found;
}

/** `$1`-style SQL in the kind's placeholder style. */
const sqlFor = (kind: DriverKind, sql: string) => (kind === "postgres" ? sql : sql.replace(/\$\d+/g, "?"));
const statement = (kind: DriverKind, sql: string, values: unknown[], expectedAffected = 1): BatchStatement => ({ sql: sqlFor(kind, sql), values, expectedAffected });
/** The optimistic update the table editor sends: set a note only if the name still is what was read. */
const setNote = (kind: DriverKind, id: number, note: string, nameRead: string) => statement(kind, "UPDATE people SET note = $1 WHERE id = $2 AND name = $3", [note, id, nameRead]);

async function checksum(kind: DriverKind): Promise<string> {
  return createHash("sha256")
    .update(JSON.stringify(await fixture(kind).rows("SELECT id, name, note FROM people ORDER BY id")))
    .digest("hex");
}

async function noteOf(kind: DriverKind, id: number): Promise<unknown> {
  return (await fixture(kind).rows(`SELECT note FROM people WHERE id = ${id}`))[0]?.[0];
}

/** A statement that runs well past a short timeout and would change row 1 if it finished. */
const SLOW_UPDATE: Record<DriverKind, string> = {
  postgres: "UPDATE people SET note = 'slow' WHERE id = 1 AND pg_sleep(3) IS NOT NULL",
  mysql: "UPDATE people SET note = 'slow' WHERE id = 1 AND SLEEP(3) = 0",
  sqlite: "UPDATE people SET note = 'slow' WHERE id = 1 AND (WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 1000000000000) SELECT count(*) FROM c) > 0",
};

describe.each(KINDS)("%s: executeBatch", (kind) => {
  const driver = () => fixture(kind).driver;

  it("applies every statement and commits when each count matches", async () => {
    const result = await driver().executeBatch({
      timeoutMs: 5_000,
      statements: [
        setNote(kind, 1, "first", "person 1"),
        setNote(kind, 2, "second", "person 2"),
        statement(kind, "INSERT INTO people (id, name, note) VALUES ($1, $2, $3)", [11, "person 11", "new"]),
        statement(kind, "DELETE FROM people WHERE id = $1", [11]),
        statement(kind, "UPDATE people SET note = $1 WHERE id IN (3, 4)", ["pair"], 2),
      ],
    });
    expect(result).toMatchObject({ committed: true, affected: [1, 1, 1, 1, 2] });
    expect(result.durationMs).toBeGreaterThanOrEqual(0);
    expect(await fixture(kind).rows("SELECT id, note FROM people WHERE id <= 4 OR id = 11 ORDER BY id")).toEqual([
      [1, "first"],
      [2, "second"],
      [3, "pair"],
      [4, "pair"],
    ]);
  });

  it("returns the rows of a read inside the transaction, counted as rows returned", async () => {
    const read = { ...statement(kind, "SELECT id, note FROM people WHERE id IN ($1, $2) ORDER BY id", [9, 10], 2), returnRows: true };
    const result = await driver().executeBatch({ timeoutMs: 5_000, statements: [read, setNote(kind, 9, "after the read", "person 9"), { ...read, expectedAffected: 2 }] });
    expect(result).toMatchObject({ committed: true, affected: [2, 1, 2] });
    expect(result.rows[0]).toEqual([
      { id: 9, note: "none" },
      { id: 10, note: "none" },
    ]);
    expect(result.rows[1]).toEqual([]);
    // The second read sees the batch's own update: same transaction.
    expect(result.rows[2]?.[0]).toMatchObject({ id: 9, note: "after the read" });
    const missing = await driver().executeBatch({ timeoutMs: 5_000, statements: [setNote(kind, 10, "lost", "person 10"), { ...read, expectedAffected: 3 }] });
    expect(missing).toMatchObject({ committed: false, affected: [1, 2] });
    expect(await noteOf(kind, 10)).not.toBe("lost");
  });

  it("a row changed meanwhile (the optimistic WHERE matches nothing) applies nothing and reports every count", async () => {
    await fixture(kind).exec("UPDATE people SET name = 'renamed elsewhere' WHERE id = 6");
    const before = await checksum(kind);
    const result = await driver().executeBatch({
      timeoutMs: 5_000,
      statements: [
        setNote(kind, 5, "mine", "person 5"),
        setNote(kind, 6, "mine", "person 6"), // stale: matches 0 rows
        setNote(kind, 7, "mine", "person 7"),
        statement(kind, "UPDATE people SET note = $1 WHERE id IN (8, 9)", ["mine"], 1), // matches 2, expected 1
        statement(kind, "DELETE FROM people WHERE id = $1", [404]), // already gone: 0
      ],
    });
    expect(result).toMatchObject({ committed: false, affected: [1, 0, 1, 2, 0] });
    expect(await checksum(kind)).toBe(before);
  });

  it("counts an UPDATE that sets the values a row already holds as 1, so optimistic checks do not misfire", async () => {
    const before = await checksum(kind);
    const result = await driver().executeBatch({
      timeoutMs: 5_000,
      statements: [statement(kind, "UPDATE people SET name = $1, note = $2 WHERE id = $3 AND name = $4", ["person 10", "none", 10, "person 10"])],
    });
    expect(result).toMatchObject({ committed: true, affected: [1] });
    expect(await checksum(kind)).toBe(before);
  });

  it("a database error mid-batch rolls back, throws the usual mapped error, and the pool keeps working", async () => {
    const failing = statement(kind, "UPDATE people SET name = NULL WHERE id = $1", [3]);
    const alone = await expectDriverError(driver().execute({ sql: failing.sql, values: failing.values, mode: "write", timeoutMs: 5_000, rowCap: 10 }), "database_error");
    const before = await checksum(kind);
    const error = await expectDriverError(
      driver().executeBatch({ timeoutMs: 5_000, statements: [setNote(kind, 1, "lost", "person 1"), failing, setNote(kind, 2, "never ran", "person 2")] }),
      "database_error",
    );
    expect(error.message).toBe(alone.message);
    expect(error.message).toMatch(/null/i);
    expect(await checksum(kind)).toBe(before);
    const next = await driver().executeBatch({ timeoutMs: 5_000, statements: [setNote(kind, 1, "after the error", "person 1")] });
    expect(next).toMatchObject({ committed: true, affected: [1] });
    expect(await noteOf(kind, 1)).toBe("after the error");
  });

  it("stops a statement that runs past the timeout, applies nothing, and the pool keeps working", async () => {
    const before = await checksum(kind);
    const started = performance.now();
    await expectDriverError(driver().executeBatch({ timeoutMs: 500, statements: [setNote(kind, 2, "lost", "person 2"), statement(kind, SLOW_UPDATE[kind], [])] }), "timeout");
    expect(performance.now() - started).toBeLessThan(2_500);
    expect(await checksum(kind)).toBe(before);
    expect(await driver().executeBatch({ timeoutMs: 5_000, statements: [setNote(kind, 2, "after the timeout", "person 2")] })).toMatchObject({ committed: true });
  });

  it("gives up waiting for a row another transaction holds, at the timeout, and applies nothing", async () => {
    const before = await checksum(kind);
    const release = await fixture(kind).lockRow();
    try {
      const started = performance.now();
      await expectDriverError(driver().executeBatch({ timeoutMs: 700, statements: [setNote(kind, 3, "lost", "person 3"), setNote(kind, 1, "blocked", "person 1")] }), "timeout");
      expect(performance.now() - started).toBeLessThan(3_000);
    } finally {
      await release();
    }
    expect(await checksum(kind)).toBe(before);
    expect(await driver().executeBatch({ timeoutMs: 5_000, statements: [setNote(kind, 1, "unblocked", "person 1")] })).toMatchObject({ committed: true });
  });

  it("cancels a running batch on the server when the signal aborts", async () => {
    const before = await checksum(kind);
    const controller = new AbortController();
    const running = driver().executeBatch({ timeoutMs: 10_000, signal: controller.signal, statements: [setNote(kind, 4, "lost", "person 4"), statement(kind, SLOW_UPDATE[kind], [])] });
    setTimeout(() => controller.abort(), 300);
    const started = performance.now();
    await expectDriverError(running, "cancelled");
    expect(performance.now() - started).toBeLessThan(2_500);
    expect(await checksum(kind)).toBe(before);
    expect(await driver().executeBatch({ timeoutMs: 5_000, statements: [setNote(kind, 4, "after the cancel", "person 4")] })).toMatchObject({ committed: true });
  });

  it("an empty batch commits nothing; a request no caller should send is refused before it runs", async () => {
    expect(await driver().executeBatch({ timeoutMs: 5_000, statements: [] })).toMatchObject({ committed: true, affected: [] });
    await expectDriverError(driver().executeBatch({ timeoutMs: 5_000, statements: [{ ...setNote(kind, 1, "x", "person 1"), expectedAffected: -1 }] }), "database_error");
    await expectDriverError(driver().executeBatch({ timeoutMs: 0, statements: [setNote(kind, 1, "x", "person 1")] }), "database_error");
    await expectDriverError(driver().executeBatch({ timeoutMs: 5_000, statements: [statement(kind, "  ", [])] }), "syntax_error");
  });
});

/** SQLite's whole batch runs in one worker call that is killed at the deadline, so this only concerns the network drivers. */
describe.each(["postgres", "mysql"] as const)("%s: the timeout covers the whole batch", (kind) => {
  it("stops a batch of statements that each finish in time but together run too long", async () => {
    const before = await checksum(kind);
    const sleepy = (id: number) => statement(kind, kind === "postgres" ? "UPDATE people SET note = 'slow' WHERE id = $1 AND pg_sleep(0.4) IS NOT NULL" : "UPDATE people SET note = 'slow' WHERE id = $1 AND SLEEP(0.4) = 0", [id]);
    const started = performance.now();
    const error = await expectDriverError(fixture(kind).driver.executeBatch({ timeoutMs: 1_000, statements: [sleepy(5), sleepy(6), sleepy(7), sleepy(8), sleepy(9)] }), "timeout");
    expect(error.message).toMatch(/1 s/);
    expect(performance.now() - started).toBeLessThan(1_800);
    expect(await checksum(kind)).toBe(before);
  });
});
