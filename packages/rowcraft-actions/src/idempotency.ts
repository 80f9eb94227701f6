/**
 * Exactly-once for services: the idempotency key is claimed in the service's OWN database, in the
 * same transaction as the action's effect, so a retry (Rowcraft's, after a timeout, a crash or a
 * service restart) finds the key and gets the first result back instead of repeating the change.
 *
 * Keys must be stored durably: an in-memory set forgets them on restart, which is exactly when
 * retries come. `postgresIdempotency(pool)` keeps them in the table `rowcraft_idempotency`.
 */
import { ActionError, type SqlTx } from "./define-action.ts";

export interface IdempotentRun<T> {
  key: string;
  action: string;
  deadline: number;
  signal: AbortSignal;
  work: (tx: SqlTx) => Promise<T>;
}

export interface IdempotencyStore {
  run<T>(options: IdempotentRun<T>): Promise<{ value: T; replayed: boolean }>;
}

/** What postgresIdempotency needs: node-postgres' `Pool` fits, or any client with the same two methods. */
export interface PgPoolLike {
  connect(): Promise<PgClientLike>;
}
export interface PgClientLike extends SqlTx {
  release(error?: Error | boolean): void;
}

export const IDEMPOTENCY_TABLE_DDL = `CREATE TABLE IF NOT EXISTS rowcraft_idempotency (
  idempotency_key text PRIMARY KEY,
  action          text NOT NULL,
  result_json     text,
  created_at      timestamptz NOT NULL DEFAULT now()
)`;

export class DeadlinePassedError extends Error {
  constructor() {
    super("The invocation's deadline passed; its transaction was rolled back.");
    this.name = "DeadlinePassedError";
  }
}

/** A transaction handle that refuses queries once the deadline passed, so late work cannot commit. */
function guarded(client: SqlTx, signal: AbortSignal): SqlTx {
  return {
    query: (text, values) => {
      if (signal.aborted) return Promise.reject(new DeadlinePassedError());
      return client.query(text, values);
    },
  };
}

/**
 * Keys in `rowcraft_idempotency` (created on first use; or create it in your migrations with
 * IDEMPOTENCY_TABLE_DDL). Each invocation takes one pooled connection for its transaction, with
 * `statement_timeout` set to the time left before the deadline. A concurrent invocation with
 * the same key waits on the primary key and then replays the winner's result.
 */
export function postgresIdempotency(pool: PgPoolLike): IdempotencyStore {
  let ready: Promise<void> | null = null;
  const ensureTable = () => {
    ready ??= (async () => {
      const client = await pool.connect();
      try {
        await client.query(IDEMPOTENCY_TABLE_DDL);
      } finally {
        client.release();
      }
    })().catch((error: unknown) => {
      ready = null;
      throw error;
    });
    return ready;
  };

  return {
    async run<T>({ key, action, deadline, signal, work }: IdempotentRun<T>) {
      // Work that outlived its deadline (Rowcraft has already reported a timeout) must not start a transaction.
      if (signal.aborted) throw new DeadlinePassedError();
      await ensureTable();
      const client = await pool.connect();
      let broken = false;
      try {
        const leftMs = Math.max(1, Math.ceil(deadline - Date.now()));
        // One round trip: without values node-postgres sends this as one simple query (leftMs is an integer we computed).
        await client.query(`BEGIN; SET LOCAL statement_timeout = ${leftMs}`);
        const claimed = await client.query("INSERT INTO rowcraft_idempotency (idempotency_key, action) VALUES ($1, $2) ON CONFLICT (idempotency_key) DO NOTHING", [key, action]);
        if (claimed.rowCount !== 1) {
          const row = (await client.query("SELECT action, result_json FROM rowcraft_idempotency WHERE idempotency_key = $1", [key])).rows[0];
          await client.query("COMMIT");
          if (!row) throw new Error(`Idempotency key ${key} was neither claimable nor readable.`);
          if (row.action !== action) throw new ActionError(`This idempotency key was already used for the action ${String(row.action)}; send a new key for ${action}.`);
          return { value: JSON.parse(typeof row.result_json === "string" ? row.result_json : "null") as T, replayed: true };
        }
        const resultJson = JSON.stringify((await work(guarded(client, signal))) ?? null);
        await client.query("UPDATE rowcraft_idempotency SET result_json = $1 WHERE idempotency_key = $2", [resultJson, key]);
        if (signal.aborted) throw new DeadlinePassedError();
        await client.query("COMMIT");
        // The caller gets what a replay would get: the stored JSON, not the live object.
        return { value: JSON.parse(resultJson) as T, replayed: false };
      } catch (error) {
        await client.query("ROLLBACK").catch(() => {
          broken = true;
        });
        throw error;
      } finally {
        client.release(broken);
      }
    },
  };
}
