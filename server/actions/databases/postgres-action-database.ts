/**
 * PostgreSQL for actions: one pg.Pool per source (separate from the builders' pool), each
 * transaction BEGIN … COMMIT on one pooled connection with SET LOCAL statement_timeout and
 * lock_timeout set to the action's timeout, so a stuck statement ends on the server too.
 * A connection whose ROLLBACK fails is destroyed, never reused.
 */
import pg from "pg";
import type { Connection } from "@/lib/schemas/datasources";
import { IDEMPOTENCY_TABLE_DDL } from "@/server/actions/idempotency-table";
import { Lazy, openPostgresPool } from "@/server/datasources/pools";
import { guardedTx, throwIfStopped, type ActionTx, type SharedActionDatabase, type TransactionOptions } from "./types";

type PostgresConnection = Extract<Connection, { kind: "postgres" }>;

const POOL_SIZE = 8;
const CONNECT_TIMEOUT_MS = 10_000;
const WRITE_COMMANDS = new Set(["INSERT", "UPDATE", "DELETE", "MERGE"]);
const noop = () => undefined;

export class PostgresActionDatabase implements SharedActionDatabase {
  readonly kind = "postgres" as const;
  // Separate from the builders' pool, with pg's own type parsers (actions get numbers as numbers).
  private readonly pools = new Lazy(() => openPostgresPool(this.connection, { connectTimeoutMs: CONNECT_TIMEOUT_MS, applicationName: "rowcraft-actions", max: POOL_SIZE }));
  private readonly table = new Lazy(async () => void (await (await this.pool()).query(IDEMPOTENCY_TABLE_DDL.postgres)));

  constructor(
    readonly name: string,
    private readonly connection: PostgresConnection,
  ) {}

  private async pool(): Promise<pg.Pool> {
    return (await this.pools.get()).pool;
  }

  async transaction<T>(work: (tx: ActionTx) => Promise<T>, options: TransactionOptions): Promise<T> {
    throwIfStopped(options.signal);
    const client = await (await this.pool()).connect();
    client.on("error", noop);
    let destroy = false;
    const ms = Math.max(1, Math.ceil(options.timeoutMs));
    const { tx, end } = guardedTx(this.kind, options.signal, async (sql, values) => {
      const result = await client.query<Record<string, unknown>>({ text: sql, values: values.map((value) => value ?? null) });
      return { rows: result.rows, affectedRows: WRITE_COMMANDS.has(result.command) ? (result.rowCount ?? 0) : 0 };
    });
    try {
      // Numbers only; SET takes no bind parameters. Idle-in-transaction frees locks if we stall.
      await client.query(`BEGIN; SET LOCAL statement_timeout = ${ms}; SET LOCAL lock_timeout = ${ms}; SET LOCAL idle_in_transaction_session_timeout = ${Math.max(ms, 10_000) + 5_000}`);
      const result = await work(tx);
      end();
      throwIfStopped(options.signal);
      await client.query("COMMIT");
      return result;
    } catch (error) {
      end();
      destroy = !(await client.query("ROLLBACK").then(() => true, () => false));
      throw error;
    } finally {
      client.removeListener("error", noop);
      client.release(destroy);
    }
  }

  ensureIdempotencyTable(): Promise<void> {
    return this.table.get();
  }

  async close(): Promise<void> {
    await (await this.pools.take())?.pool.end();
  }
}
