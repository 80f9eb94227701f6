/** Messages a SQLite driver sends towards operators never name the server folder the database file lives in. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDriver } from "./create-driver";
import { expectDriverError } from "./driver-test-support";

let dir: string;
let file: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "rowcraft-secret-folder-"));
  file = path.join(dir, "shop.db");
  const db = new Database(file);
  db.exec("CREATE TABLE t (id INTEGER PRIMARY KEY)");
  db.close();
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("SQLite error location", () => {
  it("pool_exhausted never names the server folder", async () => {
    const driver = createDriver({ kind: "sqlite", file }, { poolSize: 1, connectTimeoutMs: 300 });
    try {
      await driver.execute({ sql: "SELECT 1", values: [], mode: "read", timeoutMs: 5_000, rowCap: 1 });
      const endless = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 1000000000000) SELECT count(*) FROM c";
      const busy = driver.execute({ sql: endless, values: [], mode: "read", timeoutMs: 1_500, rowCap: 1 }).catch(() => null);
      await new Promise((resolve) => setTimeout(resolve, 100));
      const error = await expectDriverError(driver.execute({ sql: "SELECT 1", values: [], mode: "read", timeoutMs: 5_000, rowCap: 1 }), "pool_exhausted");
      expect(error.message).toContain("did not start");
      expect(error.message).not.toContain(dir);
      await busy;
    } finally {
      await driver.close();
    }
  });
});
