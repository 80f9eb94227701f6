/**
 * One person cannot starve everyone, against the real databases with each driver's default pool:
 * while a builder runs several slow statements on a source, an operator's quick query on the same
 * source still finishes at once; the builder's extra statements wait their turn, and a waiting
 * statement gives up at its timeout or on cancel without ever starting.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMysqlTestDatabase, createPostgresTestDatabase, type TestDatabase } from "@/server/testing/external-databases";
import { createDriver } from "./create-driver";
import { connectionFromUrl, expectDriverError } from "./driver-test-support";
import type { Driver, ExecuteRequest } from "./types";

const SLOW = {
  postgres: "SELECT pg_sleep(1.5) AS slept",
  mysql: "SELECT SLEEP(1.5) AS slept",
  // Runs until its timeout kills the worker process.
  sqlite: "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 1000000000000) SELECT count(*) AS n FROM c",
};
type Kind = keyof typeof SLOW;

const drivers: Partial<Record<Kind, Driver>> = {};
const cleanups: (() => Promise<void>)[] = [];

beforeAll(async () => {
  const postgres: TestDatabase = await createPostgresTestDatabase();
  const mysql: TestDatabase = await createMysqlTestDatabase();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rowcraft-fair-"));
  const file = path.join(dir, "app.db");
  new Database(file).close();
  // Default pool sizes: the ones a real source gets.
  drivers.postgres = createDriver(connectionFromUrl("postgres", postgres.url));
  drivers.mysql = createDriver(connectionFromUrl("mysql", mysql.url));
  drivers.sqlite = createDriver({ kind: "sqlite", file });
  cleanups.push(
    () => postgres.drop(),
    () => mysql.drop(),
    () => Promise.resolve(fs.rmSync(dir, { recursive: true, force: true })),
  );
});

afterAll(async () => {
  await Promise.all(Object.values(drivers).map((driver) => driver.close()));
  for (const cleanup of cleanups) await cleanup();
});

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(["postgres", "mysql", "sqlite"] as const)("fair sharing of a %s source", (kind) => {
  const run = (user: string, sql: string, extra: Partial<ExecuteRequest> = {}) => {
    const driver = drivers[kind];
    if (!driver) throw new Error(`${kind} driver missing`);
    return driver.execute({ sql, values: [], mode: "read", timeoutMs: 2_500, rowCap: 10, user, ...extra });
  };

  it("an operator's quick query finishes at once while a builder runs six slow ones", async () => {
    // Warm up: open connections / start worker processes (three people's worth), so the timing
    // below measures waiting for a place, not starting a process on a busy machine.
    await Promise.all(["operator", "operator", "someone"].map((user) => run(user, "SELECT 1 AS one")));
    const builder = Array.from({ length: 6 }, () => run("builder", SLOW[kind]).then(
      () => "done",
      (error: unknown) => (error as { code?: string }).code ?? "error",
    ));
    await pause(300);
    const started = performance.now();
    const quick = await run("operator", "SELECT 2 AS two");
    const took = performance.now() - started;
    expect(quick.rows).toEqual([{ two: 2 }]);
    expect(took).toBeLessThan(1_000);
    // The builder's statements ran at most two at a time; the ones that could not start within
    // their timeout gave up without starting (SQLite's runaway ones are killed at theirs).
    const outcomes = await Promise.all(builder);
    expect(outcomes).toHaveLength(6);
    expect(outcomes.every((outcome) => ["done", "timeout", "pool_exhausted"].includes(outcome))).toBe(true);
    if (kind !== "sqlite") expect(outcomes.filter((outcome) => outcome === "pool_exhausted").length).toBeGreaterThan(0);
  });

  it("a waiting statement gives up at its timeout without starting, and on cancel", async () => {
    const running = [run("builder", SLOW[kind], { timeoutMs: 2_000 }), run("builder", SLOW[kind], { timeoutMs: 2_000 })].map((p) => p.catch(() => null));
    await pause(200);
    const started = performance.now();
    const error = await expectDriverError(run("builder", "SELECT 3 AS three", { timeoutMs: 400 }), "pool_exhausted");
    expect(error.message).toContain("did not start");
    expect(performance.now() - started).toBeLessThan(1_500);
    const controller = new AbortController();
    const cancelled = run("builder", "SELECT 4 AS four", { signal: controller.signal });
    setTimeout(() => controller.abort(), 100);
    await expectDriverError(cancelled, "cancelled");
    await Promise.all(running);
  });
});
