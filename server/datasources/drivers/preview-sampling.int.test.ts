/**
 * Previewed writes with samples at the driver level, on the machine's real PostgreSQL and
 * MariaDB and an SQLite file: one transaction, always rolled back; a sample that fails is noted
 * and the preview goes on; MariaDB re-selects UPDATEd rows by primary key.
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
import { connectionFromUrl } from "./driver-test-support";
import type { Driver, ExecuteRequest, PreviewSampling } from "./types";

type Kind = "postgres" | "mysql" | "sqlite";
interface Target {
  driver: Driver;
  /** All rows of t, read outside the driver. */
  rows: () => Promise<unknown[]>;
  close: () => Promise<void>;
}

const targets = new Map<Kind, Target>();
const SETUP = ["CREATE TABLE t (id INT PRIMARY KEY, v TEXT)", "INSERT INTO t (id, v) VALUES (1, 'a'), (2, 'b'), (3, 'c')"];

async function postgres(): Promise<Target> {
  const database: TestDatabase = await createPostgresTestDatabase();
  const admin = new pg.Client({ connectionString: database.url });
  await admin.connect();
  for (const sql of SETUP) await admin.query(sql);
  const driver = createDriver(connectionFromUrl("postgres", database.url));
  return { driver, rows: async () => (await admin.query("SELECT * FROM t ORDER BY id")).rows, close: async () => (await driver.close(), await admin.end(), await database.drop()) };
}

async function mariadb(): Promise<Target> {
  const database: TestDatabase = await createMysqlTestDatabase();
  const admin = await mysql.createConnection(database.url);
  for (const sql of SETUP) await admin.query(sql);
  const driver = createDriver(connectionFromUrl("mysql", database.url));
  return { driver, rows: async () => (await admin.query("SELECT * FROM t ORDER BY id"))[0] as unknown[], close: async () => (await driver.close(), await admin.end(), await database.drop()) };
}

function sqlite(): Target {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rowcraft-preview-"));
  const file = path.join(dir, "t.db");
  const db = new Database(file);
  for (const sql of SETUP) db.exec(sql);
  const driver = createDriver({ kind: "sqlite", file });
  return { driver, rows: async () => db.prepare("SELECT * FROM t ORDER BY id").all(), close: async () => (await driver.close(), db.close(), fs.rmSync(dir, { recursive: true, force: true })) };
}

beforeAll(async () => {
  targets.set("postgres", await postgres());
  targets.set("mysql", await mariadb());
  targets.set("sqlite", sqlite());
});

afterAll(async () => {
  for (const target of targets.values()) await target.close();
});

function target(kind: Kind): Target {
  const found = targets.get(kind);
  if (!found) throw new Error(`no ${kind} target`);
  return found;
}

const p = (kind: Kind, n: number) => (kind === "postgres" ? `$${n}` : "?");

function previewRequest(kind: Kind, sampling: Partial<PreviewSampling>): ExecuteRequest {
  return {
    sql: `UPDATE t SET v = ${p(kind, 1)} WHERE id <= ${p(kind, 2)}`,
    values: ["new", 2],
    mode: "write",
    timeoutMs: 5_000,
    rowCap: 100,
    preview: true,
    sampling: { kind: "update", sampleSize: 20, before: null, returning: null, hasReturning: false, reselect: null, notes: [], ...sampling },
  };
}

describe.each(["postgres", "mysql", "sqlite"] as const)("%s driver: previews with samples", (kind) => {
  it("notes a sample that fails and still previews the write, changing nothing", async () => {
    const t = target(kind);
    const before = await t.rows();
    const result = await t.driver.execute(previewRequest(kind, { before: { sql: "SELECT no_such_column FROM t", values: [] } }));
    expect(result.affectedRows).toBe(2);
    expect(result.preview?.before).toBeNull();
    expect(result.preview?.notes[0]).toMatch(/^No sample of the rows before the change: .*no_such_column/);
    expect(await t.rows()).toEqual(before);
  });

  it("samples before and after in the same transaction, then rolls back", async () => {
    const t = target(kind);
    const before = await t.rows();
    const returning = kind === "mysql" ? null : { sql: `UPDATE t SET v = ${p(kind, 1)} WHERE id <= ${p(kind, 2)} RETURNING *`, values: ["new", 2] };
    const result = await t.driver.execute(
      previewRequest(kind, {
        before: { sql: `SELECT * FROM t WHERE id <= ${p(kind, 1)} ORDER BY id LIMIT 20`, values: [2] },
        returning,
        reselect: kind === "mysql" ? { table: "`t`", primaryKey: ["id"] } : null,
      }),
    );
    expect(result).toMatchObject({ affectedRows: 2, rows: [] });
    expect(result.preview?.before?.rows).toEqual([
      { id: 1, v: "a" },
      { id: 2, v: "b" },
    ]);
    expect([...(result.preview?.after?.rows ?? [])].sort((a, b) => Number(a.id) - Number(b.id))).toEqual([
      { id: 1, v: "new" },
      { id: 2, v: "new" },
    ]);
    expect(await t.rows()).toEqual(before);
  });
});
