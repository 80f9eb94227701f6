/**
 * The engineer-side database handles on real PostgreSQL, MariaDB and SQLite: bound parameters,
 * commit and rollback, affected rows, the idempotency table created on first use, exactly-once
 * under concurrent invocations with one key, and the action timeout reaching the server.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import type { Connection } from "@/lib/schemas/datasources";
import { connectionFromUrl } from "@/server/datasources/drivers/driver-test-support";
import { createMysqlTestDatabase, createPostgresTestDatabase, type TestDatabase } from "@/server/testing/external-databases";
import { testUser } from "@/server/actions/testing/action-testbed";
import { defineAction } from "@/server/actions/define-action";
import { invokeAction } from "@/server/actions/invoke-action";
import { createSharedActionDatabase } from "./action-databases";
import type { SharedActionDatabase } from "./types";

type Kind = Connection["kind"];

async function openTarget(kind: Kind): Promise<{ connection: Connection; drop: () => Promise<void> }> {
  if (kind === "sqlite") {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rowcraft-action-db-"));
    const file = path.join(dir, "target.db");
    new Database(file).close();
    return { connection: { kind, file }, drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
  }
  const database: TestDatabase = kind === "postgres" ? await createPostgresTestDatabase() : await createMysqlTestDatabase();
  return { connection: connectionFromUrl(kind, database.url), drop: database.drop };
}

describe.each(["postgres", "mysql", "sqlite"] as const)("action database on %s", (kind) => {
  let target: { connection: Connection; drop: () => Promise<void> };
  let shared: SharedActionDatabase;
  const mark = (n: number) => (kind === "postgres" ? `$${n}` : "?");
  const options = () => ({ signal: new AbortController().signal, timeoutMs: 5_000 });
  const count = async () => Number((await shared.transaction((tx) => tx.query("SELECT count(*) AS n FROM items"), options())).rows[0]?.n);

  const insertOnce = defineAction({
    name: "insert-once",
    title: "Insert once",
    description: "Test action: one row per key.",
    target: { source: "target", table: "items", key: { id: "id" } },
    input: z.object({ id: z.number().int() }),
    minRole: "operator",
    timeoutMs: 10_000,
    mode: "perRow",
    run: async (input, ctx) =>
      ctx.idempotent(await ctx.datasource("target"), async (tx) => {
        await tx.query(`INSERT INTO items (id, v) VALUES (${mark(1)}, ${mark(2)})`, [input.id, ctx.idempotencyKey]);
        return { inserted: input.id, at: new Date(0) };
      }),
  });
  const invoke = (action: typeof insertOnce, input: unknown, key: string) =>
    invokeAction({ action, input, idempotencyKey: key, user: testUser(), databases: async () => shared, logError: () => undefined });

  beforeAll(async () => {
    target = await openTarget(kind);
    shared = createSharedActionDatabase("target", target.connection);
    await shared.transaction((tx) => tx.query("CREATE TABLE items (id INT PRIMARY KEY, v TEXT)"), options());
  });
  afterAll(async () => {
    await shared.close();
    await target.drop();
  });

  it("commits with bound parameters, reports affected rows, and rolls back on a throw", async () => {
    const tricky = "O'Brien\"; DROP TABLE items; --";
    const inserted = await shared.transaction((tx) => tx.query(`INSERT INTO items (id, v) VALUES (${mark(1)}, ${mark(2)}), (${mark(3)}, ${mark(4)})`, [1, tricky, 2, null]), options());
    expect(inserted).toEqual({ rows: [], affectedRows: 2 });
    const read = await shared.transaction((tx) => tx.query(`SELECT id, v FROM items WHERE id = ${mark(1)}`, [1]), options());
    expect(read.rows).toEqual([{ id: 1, v: tricky }]);
    expect(read.affectedRows).toBe(0);
    await expect(
      shared.transaction(async (tx) => {
        await tx.query(`UPDATE items SET v = ${mark(1)}`, ["changed"]);
        throw new Error("abort");
      }, options()),
    ).rejects.toThrow("abort");
    const after = await shared.transaction((tx) => tx.query("SELECT v FROM items ORDER BY id"), options());
    expect(after.rows).toEqual([{ v: tricky }, { v: null }]);
  });

  it("creates the idempotency table on first use and runs one key once under concurrency", async () => {
    const before = await count();
    const reports = await Promise.all(Array.from({ length: 6 }, () => invoke(insertOnce, { id: 100 }, "same-key-1")));
    expect(reports.map((report) => report.outcome.status)).toEqual(Array(6).fill("ok"));
    expect(reports.filter((report) => report.outcome.status === "ok" && !report.outcome.replayed)).toHaveLength(1);
    for (const report of reports) expect(report.outcome).toMatchObject({ result: { inserted: 100, at: "1970-01-01T00:00:00.000Z" } });
    expect(await count()).toBe(before + 1);
    // A failed invocation (duplicate primary key) records no key: after the cause is gone it runs.
    const clash = await invoke(insertOnce, { id: 100 }, "other-key");
    expect(clash.outcome).toMatchObject({ status: "failed", errorKind: "internal" });
    await shared.transaction((tx) => tx.query(`DELETE FROM items WHERE id = ${mark(1)}`, [100]), options());
    expect((await invoke(insertOnce, { id: 100 }, "other-key")).outcome).toMatchObject({ status: "ok", replayed: false });
  });

  // SQLite runs actions in-process and has no server-side statement limit: this case is for database servers only.
  if (kind !== "sqlite") {
    it("stops a statement that outlives the action's timeout, on the server too, and keeps the pool usable", async () => {
      const sleeper = defineAction({
        name: "sleeper",
        title: "Sleeper",
        description: "Test action: sleeps in the database.",
        target: { source: "target", rows: false },
        input: z.object({}),
        minRole: "operator",
        timeoutMs: 1_000,
        mode: "perRow",
        run: async (_input, ctx) => (await ctx.datasource("target")).transaction((tx) => tx.query(kind === "postgres" ? "SELECT pg_sleep(5)" : "SELECT SLEEP(5)")),
      });
      const started = Date.now();
      const report = await invokeAction({ action: sleeper, input: {}, idempotencyKey: "sleep", user: testUser(), databases: async () => shared, logError: () => undefined });
      expect(report.outcome).toMatchObject({ status: "failed", errorKind: "timeout" });
      expect(Date.now() - started).toBeLessThan(2_500); // the statement alone would take 5 s
      // Without the client-side race, the server's own limit ends the statement (MariaDB counts whole seconds).
      const direct = Date.now();
      const sleep = kind === "postgres" ? "SELECT pg_sleep(5)" : "SELECT SLEEP(5)";
      await expect(shared.transaction((tx) => tx.query(sleep), { signal: new AbortController().signal, timeoutMs: 500 })).rejects.toThrow(
        kind === "postgres" ? /statement timeout/ : /max_statement_time exceeded/,
      );
      expect(Date.now() - direct).toBeLessThan(2_500);
      expect(await count()).toBeGreaterThan(0);
    });
  }
});
