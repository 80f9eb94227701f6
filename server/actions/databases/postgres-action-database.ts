/**
 * PostgreSQL for actions: one pg.Pool per source (separate from the builders' pool), each
 * transaction BEGIN … COMMIT on one pooled connection with SET LOCAL statement_timeout and
 * lock_timeout set to the action's timeout, so a stuck statement ends on the server too.
 * A connection whose ROLLBACK fails is destroyed, never reused.
 */
import pg from "pg";
import type { Connection } from "@/lib/schemas/datasources";
import { IDEMPOTENCY_TABLE_DDL } from "@/server/actions/idempotency-table";
import { resolvePostgresSsl } from "@/server/datasources/tls";
import { guardedTx, throwIfStopped, type ActionTx, type SharedActionDatabase, type TransactionOptions } from "./types";

type PostgresConnection = Extract<Connection, { kind: "postgres" }>;

const POOL_SIZE = 8;
const CONNECT_TIMEOUT_MS = 10_000;
const WRITE_COMMANDS = new Set(["INSERT", "UPDATE", "DELETE", "MERGE"]);
const noop = () => undefined;

async function probe(config: pg.ClientConfig): Promise<void> {
  const client = new pg.Client(config);
  client.on("error", noop);
  try {
    await client.connect();
  } finally {
    await client.end().catch(noop);
  }
}

export class PostgresActionDatabase implements SharedActionDatabase {
  readonly kind = "postgres" as const;
  private poolPromise: Promise<pg.Pool> | null = null;
  private tableReady: Promise<void> | null = null;

  constructor(
    readonly name: string,
    private readonly connection: PostgresConnection,
  ) {}

  private pool(): Promise<pg.Pool> {
    const c = this.connection;
    const config: pg.ClientConfig = {
      host: c.host,
      port: c.port,
      database: c.database,
      user: c.user,
      password: c.password,
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      application_name: "rowcraft-actions",
      keepAlive: true,
    };
    this.poolPromise ??= resolvePostgresSsl(c, (ssl) => probe({ ...config, ssl })).then((ssl) => {
      const pool = new pg.Pool({ ...config, ssl, max: POOL_SIZE, idleTimeoutMillis: 30_000, allowExitOnIdle: true });
      pool.on("error", noop); // an idle connection dropped by the server must not crash the process
      return pool;
    });
    const current = this.poolPromise;
    current.catch(() => {
      if (this.poolPromise === current) this.poolPromise = null;
    });
    return current;
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
    this.tableReady ??= this.pool().then(async (pool) => void (await pool.query(IDEMPOTENCY_TABLE_DDL.postgres)));
    const ready = this.tableReady;
    ready.catch(() => {
      if (this.tableReady === ready) this.tableReady = null;
    });
    return ready;
  }

  async close(): Promise<void> {
    const pool = await this.poolPromise?.catch(() => null);
    this.poolPromise = null;
    await pool?.end();
  }
}
