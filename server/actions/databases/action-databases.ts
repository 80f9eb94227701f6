/**
 * Where `ctx.datasource(name)` comes from: one shared handle per data source per process (a
 * pool, or the SQLite connection), found by the source's name in the metadata database and
 * replaced when its settings change; and the binding of a shared handle to one invocation
 * (its signal and timeout), which is what the action sees.
 */
import { createHash } from "node:crypto";
import type { Connection } from "@/lib/schemas/datasources";
import type { Db } from "@/server/db/client";
import { openConnection } from "@/server/datasources/stored-datasource";
import { ActionError } from "@/server/actions/define-action";
import { resolveTargetSource } from "@/server/actions/target-sources";
import { MysqlActionDatabase } from "./mysql-action-database";
import { PostgresActionDatabase } from "./postgres-action-database";
import { SqliteActionDatabase } from "./sqlite-action-database";
import type { ActionDatabase, SharedActionDatabase, TransactionOptions } from "./types";

/** Finds the shared handle for a data source by name; throws when there is none. */
export type SharedDatabaseResolver = (name: string) => Promise<SharedActionDatabase>;

/** A domain error: the operator learns which source is missing, and who can fix it. */
export class UnknownDatasourceError extends ActionError {
  constructor(name: string, reason?: string) {
    super(reason ?? `The action needs the data source "${name}", which is not connected. An admin can add it under Data sources.`);
    this.name = "UnknownDatasourceError";
  }
}

/** A resolver over fixed handles (tests, benchmarks): target names map to them like to connected sources. */
export function fixedDatabaseResolver(databases: readonly SharedActionDatabase[]): SharedDatabaseResolver {
  return async (name) => {
    const found = resolveTargetSource(name, databases.map((database) => database.name));
    const database = found.ok ? databases.find((candidate) => candidate.name === found.datasource) : undefined;
    if (!database) throw new UnknownDatasourceError(name, found.ok ? undefined : found.message);
    return database;
  };
}

export function createSharedActionDatabase(name: string, connection: Connection): SharedActionDatabase {
  switch (connection.kind) {
    case "sqlite":
      return new SqliteActionDatabase(name, connection.file);
    case "postgres":
      return new PostgresActionDatabase(name, connection);
    case "mysql":
      return new MysqlActionDatabase(name, connection);
  }
}

const SHARED = Symbol("rowcraft.shared-action-database");
type BoundDatabase = ActionDatabase & { readonly [SHARED]: SharedActionDatabase };

/** The handle one invocation sees: every transaction carries the invocation's signal and time budget. */
export function bindDatabase(shared: SharedActionDatabase, options: TransactionOptions): ActionDatabase {
  const bound: BoundDatabase = {
    kind: shared.kind,
    name: shared.name,
    transaction: (work) => shared.transaction(work, options),
    [SHARED]: shared,
  };
  return bound;
}

export function sharedDatabaseOf(database: ActionDatabase): SharedActionDatabase | null {
  return (database as Partial<BoundDatabase>)[SHARED] ?? null;
}

interface Entry {
  database: SharedActionDatabase;
  version: string;
}

const HANDLES_KEY = Symbol.for("rowcraft.action-databases");

function handles(): Map<string, Entry> {
  const holder = globalThis as { [HANDLES_KEY]?: Map<string, Entry> };
  holder[HANDLES_KEY] ??= new Map<string, Entry>();
  return holder[HANDLES_KEY];
}

/** How long a resolver trusts a name lookup: a bulk run resolves its source once per row. */
const LOOKUP_TTL_MS = 2_000;

/** Resolves data sources of the metadata database `db`; handles are shared process-wide by source id. */
export function metadataDatabaseResolver(db: Db): SharedDatabaseResolver {
  const recent = new Map<string, { database: SharedActionDatabase; at: number }>();
  return async (name) => {
    const hit = recent.get(name);
    if (hit && Date.now() - hit.at < LOOKUP_TTL_MS) return hit.database;
    const database = await lookUp(db, name);
    recent.set(name, { database, at: Date.now() });
    return database;
  };
}

async function lookUp(db: Db, target: string): Promise<SharedActionDatabase> {
  const names = (await db.dataSource.findMany({ select: { name: true } })).map((source) => source.name);
  const found = resolveTargetSource(target, names);
  if (!found.ok) throw new UnknownDatasourceError(target, found.message);
  const row = await db.dataSource.findUnique({ where: { name: found.datasource } });
  if (!row) throw new UnknownDatasourceError(target);
  // The sealed settings change whenever the connection does: a new handle, the old one closed.
  const version = createHash("sha256").update(row.configEncrypted).update(row.name).digest("hex");
  const map = handles();
  const existing = map.get(row.id);
  if (existing?.version === version) return existing.database;
  if (existing) void existing.database.close().catch(() => undefined);
  const database = createSharedActionDatabase(row.name, openConnection(row));
  map.set(row.id, { database, version });
  return database;
}

export async function closeActionDatabases(): Promise<void> {
  const map = handles();
  const all = [...map.values()];
  map.clear();
  await Promise.all(all.map((entry) => entry.database.close().catch(() => undefined)));
}
