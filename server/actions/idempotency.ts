/**
 * Exactly-once actions: `ctx.idempotent(database, work)` claims the invocation's idempotency key
 * in the TARGET database, in the same transaction as the action's effect. Either both commit or
 * neither does, so a crash between the effect and Rowcraft's own bookkeeping cannot make a retry
 * repeat the effect: the retry finds the key and gets the first result back.
 *
 * The claim comes first: a concurrent invocation with the same key waits on it (PostgreSQL,
 * MySQL: the unique index; SQLite: the write lock) and then reads the winner's result.
 */
import type { ActionDatabase, ActionTx } from "./databases/types";
import { sharedDatabaseOf } from "./databases/action-databases";
import { ActionError } from "./define-action";

export interface IdempotencyState {
  /** Set when the key was found: the result is the first invocation's, nothing new was done. */
  replayed: boolean;
  used: boolean;
}

interface StoredKey {
  action: string;
  resultJson: string | null;
}

const MYSQL_DUPLICATE_KEY = 1062;

async function claim(tx: ActionTx, key: string, action: string): Promise<boolean> {
  switch (tx.kind) {
    case "sqlite": {
      const sql = "INSERT INTO action_idempotency (idempotency_key, action, result_json, created_at) VALUES (?, ?, NULL, ?) ON CONFLICT (idempotency_key) DO NOTHING";
      return (await tx.query(sql, [key, action, new Date().toISOString()])).affectedRows === 1;
    }
    case "postgres": {
      const sql = "INSERT INTO action_idempotency (idempotency_key, action) VALUES ($1, $2) ON CONFLICT (idempotency_key) DO NOTHING";
      return (await tx.query(sql, [key, action])).affectedRows === 1;
    }
    case "mysql":
      // A duplicate-key error ends only the statement in InnoDB, not the transaction.
      try {
        await tx.query("INSERT INTO action_idempotency (idempotency_key, action) VALUES (?, ?)", [key, action]);
        return true;
      } catch (error) {
        if ((error as { errno?: unknown }).errno === MYSQL_DUPLICATE_KEY) return false;
        throw error;
      }
  }
}

async function read(tx: ActionTx, key: string): Promise<StoredKey | null> {
  const sql: Record<ActionTx["kind"], string> = {
    sqlite: "SELECT action, result_json FROM action_idempotency WHERE idempotency_key = ?",
    postgres: "SELECT action, result_json FROM action_idempotency WHERE idempotency_key = $1",
    // A locking read sees the latest committed row, whatever the transaction's snapshot.
    mysql: "SELECT action, result_json FROM action_idempotency WHERE idempotency_key = ? LOCK IN SHARE MODE",
  };
  const row = (await tx.query(sql[tx.kind], [key])).rows[0];
  if (!row) return null;
  return { action: String(row.action), resultJson: typeof row.result_json === "string" ? row.result_json : null };
}

async function store(tx: ActionTx, key: string, resultJson: string): Promise<void> {
  const sql = tx.kind === "postgres"
    ? "UPDATE action_idempotency SET result_json = $1 WHERE idempotency_key = $2"
    : "UPDATE action_idempotency SET result_json = ? WHERE idempotency_key = ?";
  await tx.query(sql, [resultJson, key]);
}

/** The JSON text of a result; results must be JSON values (Dates become ISO strings). */
export function resultJsonOf(value: unknown): string {
  return JSON.stringify(value === undefined ? null : value);
}

export async function runIdempotent<T>(options: {
  database: ActionDatabase;
  key: string;
  action: string;
  state: IdempotencyState;
  work: (tx: ActionTx) => Promise<T>;
}): Promise<T> {
  const { database, key, action, state } = options;
  const shared = sharedDatabaseOf(database);
  if (!shared) throw new Error("ctx.idempotent() needs a database from ctx.datasource().");
  if (state.used) throw new Error("ctx.idempotent() was called twice in one invocation; put all of the action's writes in one call.");
  state.used = true;
  await shared.ensureIdempotencyTable();
  return database.transaction(async (tx) => {
    if (!(await claim(tx, key, action))) {
      const stored = await read(tx, key);
      if (!stored) throw new Error(`Idempotency key ${key} was neither claimable nor readable.`);
      if (stored.action !== action) {
        throw new ActionError(`This idempotency key was already used for the action ${stored.action}; send a new key for ${action}.`);
      }
      state.replayed = true;
      return JSON.parse(stored.resultJson ?? "null") as T;
    }
    const resultJson = resultJsonOf(await options.work(tx));
    await store(tx, key, resultJson);
    // The caller gets what a replay would get: the stored JSON, not the live object.
    return JSON.parse(resultJson) as T;
  });
}
