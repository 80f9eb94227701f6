/**
 * The PostgreSQL cost limit trusts the planner only where it has statistics: over a freshly
 * loaded, never-analyzed table (64k rows) an estimate above the limit is a warning that suggests
 * ANALYZE, and the query runs (the timeout and row/byte caps stay the hard stop); once the table
 * is analyzed the same estimate refuses the query.
 */
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPostgresTestDatabase, type TestDatabase } from "@/server/testing/external-databases";
import { createDriver } from "./create-driver";
import { connectionFromUrl, expectDriverError } from "./driver-test-support";
import type { Driver } from "./types";

let database: TestDatabase;
let admin: pg.Client;
let driver: Driver;

beforeAll(async () => {
  database = await createPostgresTestDatabase();
  admin = new pg.Client({ connectionString: database.url });
  await admin.connect();
  // Autovacuum off for this table, so it stays unanalyzed until the test says otherwise.
  await admin.query(`
    CREATE TABLE rentals (id int PRIMARY KEY, film text NOT NULL, customer int NOT NULL) WITH (autovacuum_enabled = false);
    INSERT INTO rentals SELECT g, 'film ' || (g % 1000), g % 599 FROM generate_series(1, 64000) g;
  `);
  driver = createDriver(connectionFromUrl("postgres", database.url), { poolSize: 2, connectTimeoutMs: 3_000 });
});

afterAll(async () => {
  await driver?.close();
  await admin?.end();
  await database?.drop();
});

const SQL = "SELECT r.id, r.film FROM rentals r JOIN rentals s ON s.id = r.id WHERE r.customer < 600";
const read = () => driver.execute({ sql: SQL, values: [], mode: "read", timeoutMs: 10_000, rowCap: 100_000, maxCost: 500 });

describe("PostgreSQL cost limit and missing statistics", () => {
  it("warns, suggests ANALYZE and runs when a table in the plan was never analyzed", async () => {
    const stats = await admin.query<{ reltuples: number }>("SELECT reltuples FROM pg_class WHERE relname = 'rentals'");
    expect(stats.rows[0]?.reltuples).toBe(-1);
    const result = await read();
    expect(result.rowCount).toBe(64_000);
    expect(result.warnings).toEqual([expect.stringMatching(/above this source's limit of 500, but it has no statistics for public\.rentals.*Run ANALYZE public\.rentals;/)]);
  });

  it("refuses the same query once the table has statistics", async () => {
    await admin.query("ANALYZE rentals");
    const error = await expectDriverError(read(), "cost_too_high");
    expect(error.message).toMatch(/above this source's limit of 500\. Narrow it down/);
  });
});
