/** The database fixtures every driver test builds on: isolated databases that really exist and really go away. */
import mysql from "mysql2/promise";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { createMysqlTestDatabase, createPostgresTestDatabase, TEST_MYSQL_URL, TEST_POSTGRES_URL } from "@/server/testing/external-databases";

describe("PostgreSQL test databases", () => {
  it("creates an isolated database that stores data, then drops it", async () => {
    const database = await createPostgresTestDatabase();
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    await client.query("CREATE TABLE t (id int primary key, name text)");
    await client.query("INSERT INTO t VALUES ($1, $2)", [1, "O'Brien ✓"]);
    expect((await client.query("SELECT name FROM t")).rows).toEqual([{ name: "O'Brien ✓" }]);
    await client.end();
    await database.drop();
    const admin = new pg.Client({ connectionString: TEST_POSTGRES_URL });
    await admin.connect();
    const left = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [database.name]);
    await admin.end();
    expect(left.rowCount).toBe(0);
  });
});

describe("MariaDB test databases", () => {
  it("creates an isolated database that stores data, then drops it", async () => {
    const database = await createMysqlTestDatabase();
    const connection = await mysql.createConnection(database.url);
    await connection.query("CREATE TABLE t (id int primary key, name text)");
    await connection.execute("INSERT INTO t VALUES (?, ?)", [1, "O'Brien ✓"]);
    const [rows] = await connection.query("SELECT name FROM t");
    expect(rows).toEqual([{ name: "O'Brien ✓" }]);
    await connection.end();
    await database.drop();
    const admin = await mysql.createConnection(TEST_MYSQL_URL);
    const [left] = await admin.query("SHOW DATABASES LIKE ?", [database.name]);
    await admin.end();
    expect(left).toEqual([]);
  });
});
