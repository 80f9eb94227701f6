/**
 * Sources must not hold each other up: a slow query on one source leaves another's pool free,
 * a saturated pool fails fast with pool_exhausted, and the registry hands out one shared driver
 * per source, replacing it when the settings change.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMysqlTestDatabase, createPostgresTestDatabase, type TestDatabase } from "@/server/testing/external-databases";
import { createDriver } from "./create-driver";
import { connectionFromUrl, expectDriverError } from "./driver-test-support";
import { closeAllDrivers, closeDriver, getDriver } from "./registry";
import type { Driver } from "./types";

let postgres: TestDatabase;
let mysqlDb: TestDatabase;
let dir: string;
let sqliteFile: string;

beforeAll(async () => {
  postgres = await createPostgresTestDatabase();
  mysqlDb = await createMysqlTestDatabase();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "rowcraft-isolation-"));
  sqliteFile = path.join(dir, "b.db");
  const db = new Database(sqliteFile);
  db.exec("CREATE TABLE t (id INTEGER PRIMARY KEY)");
  db.close();
});

afterAll(async () => {
  await closeAllDrivers();
  await postgres?.drop();
  await mysqlDb?.drop();
  fs.rmSync(dir, { recursive: true, force: true });
});

const quick = (driver: Driver) => driver.execute({ sql: "SELECT 1 AS one", values: [], mode: "read", timeoutMs: 5_000, rowCap: 10 });

describe("source isolation", () => {
  it("a slow query on source A does not delay queries on sources B, C and D", async () => {
    const slowSource = createDriver(connectionFromUrl("postgres", postgres.url), { poolSize: 1 });
    const others = [
      createDriver(connectionFromUrl("postgres", postgres.url), { poolSize: 1 }),
      createDriver(connectionFromUrl("mysql", mysqlDb.url), { poolSize: 1 }),
      createDriver({ kind: "sqlite", file: sqliteFile }, { poolSize: 1 }),
    ];
    try {
      await Promise.all(others.map(quick)); // warm: connect / spawn outside the measurement
      const slow = slowSource.execute({ sql: "SELECT pg_sleep(2)", values: [], mode: "read", timeoutMs: 5_000, rowCap: 1 });
      await new Promise((resolve) => setTimeout(resolve, 100));
      for (const other of others) {
        const started = performance.now();
        expect((await quick(other)).rows).toEqual([{ one: 1 }]);
        expect(performance.now() - started).toBeLessThan(500);
      }
      await slow;
    } finally {
      await Promise.all([slowSource, ...others].map((d) => d.close()));
    }
  });

  it.each(["postgres", "mysql", "sqlite"] as const)("a saturated %s pool fails fast with pool_exhausted", async (kind) => {
    const connection =
      kind === "postgres" ? connectionFromUrl("postgres", postgres.url) : kind === "mysql" ? connectionFromUrl("mysql", mysqlDb.url) : { kind: "sqlite" as const, file: sqliteFile };
    const sleep =
      kind === "postgres"
        ? "SELECT pg_sleep(1.5)"
        : kind === "mysql"
          ? "SELECT SLEEP(1.5)"
          : "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 1000000000000) SELECT count(*) FROM c";
    const driver = createDriver(connection, { poolSize: 1, connectTimeoutMs: 300 });
    try {
      await quick(driver);
      const busy = driver.execute({ sql: sleep, values: [], mode: "read", timeoutMs: 1_500, rowCap: 1 }).catch(() => null);
      await new Promise((resolve) => setTimeout(resolve, 100));
      const started = performance.now();
      const error = await expectDriverError(quick(driver), "pool_exhausted");
      expect(error.message).toMatch(/stayed busy/);
      expect(performance.now() - started).toBeLessThan(800);
      await busy;
      expect((await quick(driver)).rows).toEqual([{ one: 1 }]);
    } finally {
      await driver.close();
    }
  });
});

describe("driver registry", () => {
  it("shares one driver per source and replaces it when the settings change", async () => {
    const connection = { kind: "sqlite" as const, file: sqliteFile };
    const updatedAt = new Date("2024-01-01T00:00:00Z");
    const first = getDriver("source-1", connection, updatedAt);
    expect(getDriver("source-1", connection, new Date(updatedAt))).toBe(first);
    expect((await quick(first)).rows).toEqual([{ one: 1 }]);
    const changed = getDriver("source-1", connection, new Date("2024-01-02T00:00:00Z"));
    expect(changed).not.toBe(first);
    await expectDriverError(quick(first), "database_error"); // the old one was closed
    const otherFile = getDriver("source-1", { kind: "sqlite", file: path.join(dir, "other.db") }, new Date("2024-01-02T00:00:00Z"));
    expect(otherFile).not.toBe(changed);
    await closeDriver("source-1");
    expect(getDriver("source-1", connection, updatedAt)).not.toBe(first);
  });
});
