/**
 * The result byte cap, alongside the row cap, on every driver against the real databases: a
 * result of long padded strings far under the row cap but over the byte cap fails with a clear
 * error while it streams (the server is stopped, not drained), a write whose RETURNING rows are
 * too large is rolled back, and ROWCRAFT_MAX_RESULT_BYTES sets the default.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import mysql from "mysql2/promise";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMysqlTestDatabase, createPostgresTestDatabase, type TestDatabase } from "@/server/testing/external-databases";
import { createDriver } from "./create-driver";
import { connectionFromUrl, expectDriverError } from "./driver-test-support";
import type { Driver, ExecuteRequest } from "./types";

const MB = 1024 * 1024;
const CAP_MESSAGE = "The result is larger than 1 MB; select fewer columns or rows.";
/** 20,000 rows of 100,000 characters: 2 GB if it were all read. */
const HUGE = {
  postgres: "SELECT g AS id, repeat('x', 100000) AS padded FROM generate_series(1, 20000) g",
  mysql: "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000) SELECT i AS id, REPEAT('x', 100000) AS padded FROM n",
  sqlite: "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000) SELECT i AS id, hex(zeroblob(50000)) AS padded FROM n",
};
/** 60 rows of 50,000 characters each (3 MB; MySQL's TEXT holds 64 KB). */
const SETUP = [
  "CREATE TABLE big (id INT PRIMARY KEY, v TEXT)",
  "INSERT INTO big (id, v) VALUES " + Array.from({ length: 60 }, (_, i) => `(${i + 1}, '${"y".repeat(50_000)}')`).join(", "),
];

type Kind = keyof typeof HUGE;
interface Setup {
  driver: Driver;
  remaining: () => Promise<number>;
  close: () => Promise<void>;
}

async function setUpPostgres(): Promise<Setup> {
  const database: TestDatabase = await createPostgresTestDatabase();
  const admin = new pg.Client({ connectionString: database.url });
  await admin.connect();
  for (const sql of SETUP) await admin.query(sql);
  const driver = createDriver(connectionFromUrl("postgres", database.url), { poolSize: 2 });
  return {
    driver,
    remaining: async () => Number((await admin.query<{ n: string }>("SELECT count(*) AS n FROM big")).rows[0]?.n),
    close: async () => {
      await driver.close();
      await admin.end();
      await database.drop();
    },
  };
}

async function setUpMysql(): Promise<Setup> {
  const database = await createMysqlTestDatabase();
  const admin = await mysql.createConnection({ uri: database.url });
  for (const sql of SETUP) await admin.query(sql);
  const driver = createDriver(connectionFromUrl("mysql", database.url), { poolSize: 2 });
  return {
    driver,
    remaining: async () => Number(((await admin.query("SELECT count(*) AS n FROM big"))[0] as { n: number }[])[0]?.n),
    close: async () => {
      await driver.close();
      await admin.end();
      await database.drop();
    },
  };
}

function setUpSqlite(): Setup {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rowcraft-result-bytes-"));
  const file = path.join(dir, "big.db");
  const db = new Database(file);
  for (const sql of SETUP) db.exec(sql);
  db.close();
  const driver = createDriver({ kind: "sqlite", file });
  return {
    driver,
    remaining: () => {
      const reader = new Database(file, { readonly: true });
      try {
        return Promise.resolve(Number(reader.prepare("SELECT count(*) FROM big").pluck().get()));
      } finally {
        reader.close();
      }
    },
    close: async () => {
      await driver.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

const setups: Partial<Record<Kind, Setup>> = {};

beforeAll(async () => {
  setups.postgres = await setUpPostgres();
  setups.mysql = await setUpMysql();
  setups.sqlite = setUpSqlite();
});

afterAll(async () => {
  delete process.env.ROWCRAFT_MAX_RESULT_BYTES;
  await Promise.all(Object.values(setups).map((setup) => setup.close()));
});

describe.each(["postgres", "mysql", "sqlite"] as const)("result byte cap on %s", (kind) => {
  const driverOf = () => {
    const setup = setups[kind];
    if (!setup) throw new Error(`${kind} fixture missing`);
    return setup.driver;
  };
  const run = (sql: string, extra: Partial<ExecuteRequest> = {}) => driverOf().execute({ sql, values: [], mode: "read", timeoutMs: 8_000, rowCap: 1_000_000, ...extra });

  it("stops a 2 GB result of padded strings at the byte cap with a clear error, long before the row cap or the timeout", async () => {
    const started = performance.now();
    const error = await expectDriverError(run(HUGE[kind], { maxResultBytes: MB }), "result_too_large");
    expect(error.message).toBe(CAP_MESSAGE);
    expect(performance.now() - started).toBeLessThan(4_000);
    // The source keeps working afterwards.
    expect((await run("SELECT 1 AS one")).rows).toEqual([{ one: 1 }]);
  });

  it("returns results under the cap unchanged", async () => {
    const result = await run("SELECT id, v FROM big WHERE id <= 5 ORDER BY id", { maxResultBytes: MB });
    expect(result.rows).toHaveLength(5);
  });

  it("takes the default from ROWCRAFT_MAX_RESULT_BYTES", async () => {
    process.env.ROWCRAFT_MAX_RESULT_BYTES = String(MB);
    try {
      const error = await expectDriverError(run("SELECT id, v FROM big"), "result_too_large");
      expect(error.message).toBe(CAP_MESSAGE);
    } finally {
      delete process.env.ROWCRAFT_MAX_RESULT_BYTES;
    }
    expect((await run("SELECT id, v FROM big")).rows).toHaveLength(60);
  });

  it("rolls back a write whose RETURNING rows are over the cap", async () => {
    // DELETE … RETURNING: the one RETURNING all three servers have (MariaDB since 10.0).
    const error = await expectDriverError(
      driverOf().execute({ sql: "DELETE FROM big WHERE id > 0 RETURNING v", values: [], mode: "write", timeoutMs: 8_000, rowCap: 1_000, maxResultBytes: MB }),
      "result_too_large",
    );
    expect(error.message).toBe(CAP_MESSAGE);
    expect(await setups[kind]?.remaining()).toBe(60);
  });
});
