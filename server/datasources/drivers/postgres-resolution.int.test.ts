/**
 * PostgreSQL name resolution against the real server: a role with CREATE on public overloads a
 * built-in function (`public.lower(integer)`) and adds an operator (`public.###`); the allowlisted
 * `lower(1)` and `1 ### 2` must not reach them, in reads and writes. Extension members stay usable.
 */
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPostgresTestDatabase, type TestDatabase } from "@/server/testing/external-databases";
import { createDriver } from "./create-driver";
import { connectionFromUrl, expectDriverError } from "./driver-test-support";
import type { Driver, ExecuteRequest } from "./types";

let database: TestDatabase;
let admin: pg.Client;
let driver: Driver;
const attacker = `rowcraft_attacker_${Date.now().toString(36)}`;

const read = (sql: string, values: unknown[] = [], extra: Partial<ExecuteRequest> = {}) => driver.execute({ sql, values, mode: "read", timeoutMs: 5_000, rowCap: 100, ...extra });
const write = (sql: string, values: unknown[] = [], extra: Partial<ExecuteRequest> = {}) => driver.execute({ sql, values, mode: "write", timeoutMs: 5_000, rowCap: 100, ...extra });

async function count(sql: string): Promise<number> {
  const result = await admin.query<{ n: string }>(sql);
  return Number(result.rows[0]?.n ?? -1);
}

beforeAll(async () => {
  database = await createPostgresTestDatabase();
  admin = new pg.Client({ connectionString: database.url });
  await admin.connect();
  await admin.query(`
    CREATE TABLE people (id int PRIMARY KEY, name text NOT NULL, note text);
    INSERT INTO people SELECT g, 'Person ' || g, NULL FROM generate_series(1, 5) g;
    CREATE TABLE secrets (v text);
    INSERT INTO secrets VALUES ('hunter2');
    CREATE TABLE stolen (v text);
    CREATE EXTENSION citext;
    CREATE ROLE ${attacker} NOLOGIN;
    GRANT CREATE, USAGE ON SCHEMA public TO ${attacker};
    GRANT SELECT ON secrets TO ${attacker};
    GRANT INSERT ON stolen TO ${attacker};
  `);
  // Created by an ordinary role with CREATE on public, as in the report: SECURITY DEFINER runs
  // them with the attacker's rights, whoever calls them.
  await admin.query(`SET ROLE ${attacker}`);
  await admin.query(`
    CREATE FUNCTION public.lower(integer) RETURNS text LANGUAGE sql SECURITY DEFINER AS $$ SELECT v FROM public.secrets LIMIT 1 $$;
    CREATE FUNCTION public.steal(integer, integer) RETURNS integer LANGUAGE plpgsql SECURITY DEFINER
      AS $$ BEGIN INSERT INTO public.stolen VALUES ('called'); RETURN $1; END $$;
    CREATE OPERATOR public.### (LEFTARG = integer, RIGHTARG = integer, FUNCTION = public.steal);
    CREATE FUNCTION public.shout(public.people) RETURNS text LANGUAGE sql AS $$ SELECT 'user code' $$;
    CREATE DOMAIN public.checked AS integer CHECK (public.steal(VALUE, VALUE) > 0);
  `);
  await admin.query("RESET ROLE");
  driver = createDriver(connectionFromUrl("postgres", database.url), { poolSize: 2, connectTimeoutMs: 3_000 });
});

afterAll(async () => {
  await driver?.close();
  await admin?.query(`DROP OWNED BY ${attacker}`).catch(() => undefined);
  await admin?.end();
  await database?.drop();
  const cleanup = new pg.Client({ connectionString: database.url.replace(/\/[^/]*$/, "/postgres") });
  await cleanup.connect();
  await cleanup.query(`DROP ROLE IF EXISTS ${attacker}`).catch(() => undefined);
  await cleanup.end();
});

describe("PostgreSQL driver: functions and operators resolve to what the allowlist means", () => {
  it("refuses lower(1) when public.lower(integer) exists, instead of reading a hidden table", async () => {
    const error = await expectDriverError(read("SELECT lower(1) AS v"), "forbidden_function");
    expect(error.message).toContain("public.lower");
    expect(error.message).toContain("REVOKE CREATE ON SCHEMA public");
  });

  it("refuses a user operator public.### in a read and never calls it", async () => {
    await expectDriverError(read("SELECT 1 ### 2 AS v"), "forbidden_function");
    expect(await count("SELECT count(*) AS n FROM stolen")).toBe(0);
  });

  it("refuses the overload and the operator in writes, and nothing is written", async () => {
    await expectDriverError(write("UPDATE people SET note = lower(1) WHERE id = 1"), "forbidden_function");
    await expectDriverError(write("UPDATE people SET note = 'x' WHERE id = 1 ### 1"), "forbidden_function");
    await expectDriverError(write("DELETE FROM people WHERE id = (2 ### 2)"), "forbidden_function");
    await expectDriverError(write("UPDATE people SET note = lower(1) WHERE id = 1", [], { preview: true }), "forbidden_function");
    expect(await count("SELECT count(*) AS n FROM stolen")).toBe(0);
    expect(await count("SELECT count(*) AS n FROM people WHERE note IS NOT NULL")).toBe(0);
    expect(await count("SELECT count(*) AS n FROM people")).toBe(5);
  });

  it("refuses batches that name an overloaded function", async () => {
    await expectDriverError(driver.executeBatch({ statements: [{ sql: "UPDATE people SET note = lower(3) WHERE id = 3", values: [], expectedAffected: 1 }], timeoutMs: 5_000 }), "forbidden_function");
    expect(await count("SELECT count(*) AS n FROM people WHERE note IS NOT NULL")).toBe(0);
  });

  it("refuses attribute notation reaching a user function (p.shout is shout(p)) and casts to a domain with user code", async () => {
    await expectDriverError(read("SELECT p.shout FROM people p"), "forbidden_function");
    await expectDriverError(read("SELECT 1::checked AS v"), "forbidden_function");
    expect(await count("SELECT count(*) AS n FROM stolen")).toBe(0);
  });

  it("still runs built-ins whose names have no user-defined candidates, and extension members", async () => {
    const result = await read("SELECT upper(name) AS u, length(name) AS l, 'A'::citext = 'a'::citext AS same FROM people WHERE id BETWEEN 1 AND 2 ORDER BY id");
    expect(result.rows).toEqual([
      { u: "PERSON 1", l: 8, same: true },
      { u: "PERSON 2", l: 8, same: true },
    ]);
    const updated = await write("UPDATE people SET note = upper('ok') WHERE id IN (4, 5)", [], { preview: true });
    expect(updated.affectedRows).toBe(2);
  });
});
