/**
 * Fixture for the query integration tests (imported only by *.int.test.ts): the same small
 * schema on a real PostgreSQL database, a real MariaDB/MySQL database and an SQLite file, each
 * registered as a Rowcraft data source through the admin API, plus raw admin connections to
 * look behind Rowcraft's back (snapshots of every table, direct inserts).
 *
 * Tables: people (50 rows, PK), notes (empty, PK), ledger (readable, not writable), secrets
 * (writable, not readable), keyless (no primary key, 3 rows).
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import mysql from "mysql2/promise";
import pg from "pg";
import type { Connection, Policy, SaveDatasourceInput } from "@/lib/schemas/datasources";
import { DEFAULT_POLICY } from "@/lib/schemas/datasources";
import type { RunQueryInput } from "@/lib/schemas/queries";
import { connectionFromUrl } from "@/server/datasources/drivers/driver-test-support";
import { afterAll, beforeAll } from "vitest";
import { closeAllDrivers } from "@/server/datasources/drivers/registry";
import { contextAs, createTestMetadataDb, type TestMetadataDb } from "@/server/testing/metadata-db";
import { createMysqlTestDatabase, createPostgresTestDatabase, type TestDatabase } from "@/server/testing/external-databases";
import { createCaller } from "@/server/trpc/root";

export type SourceKind = "postgres" | "mysql" | "sqlite";
export const KINDS: readonly SourceKind[] = ["postgres", "mysql", "sqlite"];

export const TEST_POLICY: Policy = {
  ...DEFAULT_POLICY,
  read: ["people", "notes", "ledger", "keyless"],
  write: ["people", "notes", "keyless", "secrets"],
  statementTimeoutMs: 3_000,
  rowCap: 25,
  maxAffectedRows: 30,
};

const TABLES = ["people", "notes", "ledger", "secrets", "keyless"];

function schemaSql(): string[] {
  const people = Array.from({ length: 50 }, (_, i) => `(${i + 1}, 'person ${i + 1}', 'none')`).join(", ");
  return [
    `CREATE TABLE people (id INT PRIMARY KEY, name VARCHAR(100) NOT NULL, note TEXT)`,
    `INSERT INTO people (id, name, note) VALUES ${people}`,
    `CREATE TABLE notes (id INT PRIMARY KEY, body TEXT)`,
    `CREATE TABLE ledger (id INT PRIMARY KEY, v TEXT)`,
    "INSERT INTO ledger (id, v) VALUES (1, 'opening balance')",
    `CREATE TABLE secrets (id INT PRIMARY KEY, v TEXT)`,
    "INSERT INTO secrets (id, v) VALUES (1, 'hunter2')",
    `CREATE TABLE keyless (a INT, b TEXT)`,
    "INSERT INTO keyless (a, b) VALUES (1, 'x'), (1, 'y'), (2, 'z')",
  ];
}

/** Raw access to one source's database, outside Rowcraft. */
export interface RawDatabase {
  exec(sql: string): Promise<void>;
  rows(sql: string): Promise<unknown[][]>;
  close(): Promise<void>;
}

async function rawPostgres(url: string): Promise<RawDatabase> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return {
    exec: async (sql) => void (await client.query(sql)),
    rows: async (sql) => (await client.query({ text: sql, rowMode: "array" })).rows as unknown[][],
    close: () => client.end(),
  };
}

async function rawMysql(url: string): Promise<RawDatabase> {
  const connection = await mysql.createConnection({ uri: url, dateStrings: true, supportBigNumbers: true, bigNumberStrings: true });
  return {
    exec: async (sql) => void (await connection.query(sql)),
    rows: async (sql) => (await connection.query({ sql, rowsAsArray: true }))[0] as unknown[][],
    close: () => connection.end(),
  };
}

function rawSqlite(file: string): RawDatabase {
  const db = new Database(file);
  return {
    exec: async (sql) => void db.exec(sql),
    rows: async (sql) => db.prepare(sql).raw(true).all() as unknown[][],
    close: async () => void db.close(),
  };
}

export interface SourceFixture {
  kind: SourceKind;
  /** The writable source. */
  id: string;
  /** The same database registered again with `readOnly: true`. */
  readOnlyId: string;
  connection: Connection;
  raw: RawDatabase;
  /** A hash of every row of every test table, read directly from the database. */
  snapshot(): Promise<string>;
  cleanup(): Promise<void>;
}

async function openDatabase(kind: SourceKind): Promise<{ connection: Connection; raw: RawDatabase; drop: () => Promise<void> }> {
  if (kind === "sqlite") {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rowcraft-queries-"));
    const file = path.join(dir, "app.db");
    new Database(file).close();
    return { connection: { kind, file }, raw: rawSqlite(file), drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
  }
  const database: TestDatabase = kind === "postgres" ? await createPostgresTestDatabase() : await createMysqlTestDatabase();
  const raw = kind === "postgres" ? await rawPostgres(database.url) : await rawMysql(database.url);
  return { connection: connectionFromUrl(kind, database.url), raw, drop: database.drop };
}

export async function saveSource(meta: TestMetadataDb, input: Omit<SaveDatasourceInput, "policy"> & { policy: Policy }): Promise<string> {
  const admin = createCaller(await contextAs(meta.db, "admin"));
  return (await admin.datasources.save(input)).id;
}

export async function createSourceFixture(meta: TestMetadataDb, kind: SourceKind): Promise<SourceFixture> {
  const { connection, raw, drop } = await openDatabase(kind);
  for (const statement of schemaSql()) await raw.exec(statement);
  const id = await saveSource(meta, { name: `Test ${kind}`, connection, policy: TEST_POLICY });
  const readOnlyId = await saveSource(meta, { name: `Test ${kind} (read-only)`, connection, policy: { ...TEST_POLICY, readOnly: true } });
  return {
    kind,
    id,
    readOnlyId,
    connection,
    raw,
    snapshot: async () => {
      const hash = createHash("sha256");
      for (const table of TABLES) hash.update(table).update(JSON.stringify(await raw.rows(`SELECT * FROM ${table} ORDER BY 1, 2`)));
      return hash.digest("hex");
    },
    cleanup: async () => {
      await raw.close().catch(() => undefined);
      await drop();
    },
  };
}

let runCounter = 0;

/** A unique run id per call (the API wants 8–64 characters). */
export function nextRunId(): string {
  runCounter += 1;
  return `test-run-${Date.now().toString(36)}-${runCounter}`;
}

export type RunInput = Omit<RunQueryInput, "runId" | "mode" | "params" | "preview"> & Partial<Pick<RunQueryInput, "runId" | "mode" | "params" | "preview">>;

/** `queries.run` as the demo builder (or another role's demo user). */
export async function runAs(meta: TestMetadataDb, input: RunInput, role: "builder" | "admin" = "builder") {
  const caller = createCaller(await contextAs(meta.db, role));
  return caller.queries.run({ mode: "read", params: {}, preview: false, runId: nextRunId(), ...input });
}

/**
 * One migrated metadata database and one fixture per database kind for a whole test file,
 * created before its tests and cleaned up (drivers closed) after them.
 */
export function fixturesPerKind<F extends { cleanup(): Promise<void> }>(create: (meta: TestMetadataDb, kind: SourceKind) => Promise<F>) {
  let meta: TestMetadataDb | undefined;
  const fixtures = new Map<SourceKind, F>();
  beforeAll(async () => {
    meta = await createTestMetadataDb();
    for (const kind of KINDS) fixtures.set(kind, await create(meta, kind));
  });
  afterAll(async () => {
    await closeAllDrivers();
    for (const fixture of fixtures.values()) await fixture.cleanup();
    await meta?.cleanup();
  });
  return {
    get meta(): TestMetadataDb {
      if (!meta) throw new Error("the metadata database is created in beforeAll");
      return meta;
    },
    fixture(kind: SourceKind): F {
      const found = fixtures.get(kind);
      if (!found) throw new Error(`no ${kind} fixture`);
      return found;
    },
  };
}
