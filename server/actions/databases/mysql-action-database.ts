/**
 * MySQL / MariaDB for actions: one mysql2 pool per source (separate from the builders' pool),
 * each transaction START TRANSACTION … COMMIT on one pooled connection, statements as server-side
 * prepared statements (`execute`: values are bound, never interpolated). The lock wait — and on
 * MariaDB the statement time — is limited to the action's timeout.
 */
import mysql from "mysql2/promise";
import type { Connection } from "@/lib/schemas/datasources";
import { IDEMPOTENCY_TABLE_DDL } from "@/server/actions/idempotency-table";
import { Lazy, openMysqlPool } from "@/server/datasources/pools";
import { guardedTx, throwIfStopped, type ActionQueryResult, type ActionTx, type SharedActionDatabase, type TransactionOptions } from "./types";

type MysqlConnection = Extract<Connection, { kind: "mysql" }>;

const POOL_SIZE = 8;
const CONNECT_TIMEOUT_MS = 10_000;

function toResult(result: mysql.QueryResult): ActionQueryResult {
  if (Array.isArray(result)) return { rows: result as Record<string, unknown>[], affectedRows: 0 };
  return { rows: [], affectedRows: (result as mysql.ResultSetHeader).affectedRows };
}

export class MysqlActionDatabase implements SharedActionDatabase {
  readonly kind = "mysql" as const;
  // Separate from the builders' pool; the same connection settings (server/datasources/pools.ts).
  private readonly pools = new Lazy(() => openMysqlPool(this.connection, { connectTimeoutMs: CONNECT_TIMEOUT_MS, max: POOL_SIZE }));
  private readonly table = new Lazy(async () => void (await (await this.pool()).query(IDEMPOTENCY_TABLE_DDL.mysql)));
  private mariadb: boolean | null = null;

  constructor(
    readonly name: string,
    private readonly connection: MysqlConnection,
  ) {}

  private async pool(): Promise<mysql.Pool> {
    return (await this.pools.get()).pool.promise();
  }

  /** Session limits for this transaction: whole seconds, numbers only (SET takes no parameters here). */
  private async limitSession(connection: mysql.PoolConnection, timeoutMs: number): Promise<void> {
    if (this.mariadb === null) {
      const [rows] = await connection.query<mysql.RowDataPacket[]>("SELECT VERSION() AS version");
      this.mariadb = /mariadb/i.test(String(rows[0]?.version ?? ""));
    }
    const seconds = Math.max(1, Math.ceil(timeoutMs / 1000));
    await connection.query(`SET SESSION innodb_lock_wait_timeout = ${seconds}${this.mariadb ? `, SESSION max_statement_time = ${seconds}` : ""}`);
  }

  async transaction<T>(work: (tx: ActionTx) => Promise<T>, options: TransactionOptions): Promise<T> {
    throwIfStopped(options.signal);
    const connection = await (await this.pool()).getConnection();
    let destroy = false;
    const { tx, end } = guardedTx(this.kind, options.signal, async (sql, values) => {
      const [result] = await connection.execute(sql, values.map((value) => value ?? null) as mysql.ExecuteValues);
      return toResult(result);
    });
    try {
      await this.limitSession(connection, options.timeoutMs);
      await connection.query("START TRANSACTION");
      const result = await work(tx);
      end();
      throwIfStopped(options.signal);
      await connection.query("COMMIT");
      return result;
    } catch (error) {
      end();
      destroy = !(await connection.query("ROLLBACK").then(() => true, () => false));
      throw error;
    } finally {
      if (destroy) connection.destroy();
      else connection.release();
    }
  }

  ensureIdempotencyTable(): Promise<void> {
    return this.table.get();
  }

  async close(): Promise<void> {
    const opened = await this.pools.take();
    if (opened) await new Promise<void>((resolve) => opened.pool.end(() => resolve()));
  }
}
