/**
 * MySQL / MariaDB for actions: one mysql2 pool per source (separate from the builders' pool),
 * each transaction START TRANSACTION … COMMIT on one pooled connection, statements as server-side
 * prepared statements (`execute`: values are bound, never interpolated). The lock wait — and on
 * MariaDB the statement time — is limited to the action's timeout.
 */
import mysql from "mysql2/promise";
import type { Connection } from "@/lib/schemas/datasources";
import { IDEMPOTENCY_TABLE_DDL } from "@/server/actions/idempotency-table";
import { resolveMysqlSsl } from "@/server/datasources/tls";
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
  private poolPromise: Promise<mysql.Pool> | null = null;
  private mariadb: boolean | null = null;
  private tableReady: Promise<void> | null = null;

  constructor(
    readonly name: string,
    private readonly connection: MysqlConnection,
  ) {}

  private pool(): Promise<mysql.Pool> {
    const c = this.connection;
    const options: mysql.PoolOptions = {
      host: c.host,
      port: c.port,
      database: c.database,
      user: c.user,
      password: c.password,
      connectTimeout: CONNECT_TIMEOUT_MS,
      multipleStatements: false,
      flags: ["-LOCAL_FILES"],
      dateStrings: true,
      supportBigNumbers: true,
      bigNumberStrings: true,
      charset: "utf8mb4",
    };
    this.poolPromise ??= resolveMysqlSsl(c, async (ssl) => (await mysql.createConnection({ ...options, ssl })).end()).then((ssl) =>
      mysql.createPool({ ...options, ssl, connectionLimit: POOL_SIZE, maxIdle: POOL_SIZE, idleTimeout: 30_000 }),
    );
    const current = this.poolPromise;
    current.catch(() => {
      if (this.poolPromise === current) this.poolPromise = null;
    });
    return current;
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
    this.tableReady ??= this.pool().then(async (pool) => void (await pool.query(IDEMPOTENCY_TABLE_DDL.mysql)));
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
