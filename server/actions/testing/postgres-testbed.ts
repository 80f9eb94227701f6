/**
 * Test fixture for actions on a real PostgreSQL database (integration tests, `*.int.test.ts`):
 * a uniquely named database on the machine's PostgreSQL (ROWCRAFT_TEST_POSTGRES_URL), your
 * `setup` SQL run in it, registered under `source` for `ctx.datasource()`, dropped by close().
 * Same `invoke()` as the SQLite testbed; `query()` reads and arranges data behind the action.
 */
import pg from "pg";
import { createSharedActionDatabase, fixedDatabaseResolver, type SharedDatabaseResolver } from "@/server/actions/databases/action-databases";
import type { AnyAction } from "@/server/actions/define-action";
import type { InvocationReport } from "@/server/actions/invoke-action";
import { createPostgresTestDatabase } from "@/server/testing/external-databases";
import { invokerFor } from "./action-testbed";

export interface PostgresActionTestbed {
  databases: SharedDatabaseResolver;
  invoke(action: AnyAction, input: unknown, options?: { key?: string; role?: "viewer" | "operator" | "builder" | "admin" }): Promise<InvocationReport>;
  /** Rows of a statement run directly on the database ($1, $2… parameters). */
  query(sql: string, values?: unknown[]): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
}

export async function createPostgresActionTestbed(options: { source: string; setup: string }): Promise<PostgresActionTestbed> {
  const database = await createPostgresTestDatabase();
  const url = new URL(database.url);
  const direct = new pg.Client({ connectionString: database.url });
  await direct.connect();
  await direct.query(options.setup);
  const shared = createSharedActionDatabase(options.source, {
    kind: "postgres",
    host: url.hostname,
    port: Number(url.port || 5432),
    database: database.name,
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
    sslMode: "disable",
  });
  const databases = fixedDatabaseResolver([shared]);
  return {
    databases,
    invoke: invokerFor(databases),
    query: async (sql, values = []) => (await direct.query(sql, values)).rows as Record<string, unknown>[],
    close: async () => {
      await shared.close();
      await direct.end();
      await database.drop();
    },
  };
}
