/**
 * SQLite for actions: better-sqlite3 opened directly on the source's file in this process (no
 * worker, unlike the builders' driver). Statements are synchronous and block the event loop
 * while they run, so actions on SQLite must keep them small (by key, by index); heavy work
 * belongs on PostgreSQL. One transaction at a time per file: better-sqlite3's db.transaction()
 * cannot span the awaits of an async action, so we BEGIN IMMEDIATE / COMMIT ourselves and queue
 * the transactions of concurrent invocations behind each other.
 */
import Database from "better-sqlite3";
import { sqliteBindValues } from "@/server/datasources/drivers/sqlite-driver";
import { IDEMPOTENCY_TABLE_DDL } from "@/server/actions/idempotency-table";
import { guardedTx, throwIfStopped, type ActionQueryResult, type ActionTx, type SharedActionDatabase, type TransactionOptions } from "./types";
import { Lazy } from "@/server/datasources/pools";

/** Longest a transaction waits for another process's write lock (synchronously: it blocks the loop). */
const MAX_BUSY_WAIT_MS = 5_000;
const STATEMENT_CACHE_SIZE = 200;

export class SqliteActionDatabase implements SharedActionDatabase {
  readonly kind = "sqlite" as const;
  private connection: Database.Database | null = null;
  private readonly statements = new Map<string, Database.Statement>();
  private tail: Promise<void> = Promise.resolve();
  // Behind the lock: on the one shared connection, DDL must not land inside someone's transaction.
  private readonly table = new Lazy(() =>
    this.lock().then((release) => {
      try {
        this.open().exec(IDEMPOTENCY_TABLE_DDL.sqlite);
      } finally {
        release();
      }
    }),
  );

  constructor(
    readonly name: string,
    private readonly file: string,
  ) {}

  private open(): Database.Database {
    if (!this.connection) {
      const connection = new Database(this.file, { fileMustExist: true, timeout: MAX_BUSY_WAIT_MS });
      connection.pragma("foreign_keys = ON");
      this.connection = connection;
    }
    return this.connection;
  }

  private prepare(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.open().prepare(sql);
      if (this.statements.size >= STATEMENT_CACHE_SIZE) this.statements.clear();
      this.statements.set(sql, statement);
    }
    return statement;
  }

  private execute(sql: string, values: readonly unknown[]): ActionQueryResult {
    const statement = this.prepare(sql);
    const bound = sqliteBindValues(values);
    if (statement.reader) {
      const rows = statement.all(...bound) as Record<string, unknown>[];
      // A reader that is not read-only is INSERT/UPDATE/DELETE … RETURNING: one row per changed row.
      return { rows, affectedRows: statement.readonly ? 0 : rows.length };
    }
    return { rows: [], affectedRows: statement.run(...bound).changes };
  }

  /** Waits for the transactions queued before this one; resolves with the function that lets the next one go. */
  private async lock(): Promise<() => void> {
    let release!: () => void;
    const previous = this.tail;
    this.tail = new Promise<void>((resolve) => (release = resolve));
    await previous;
    return release;
  }

  async transaction<T>(work: (tx: ActionTx) => Promise<T>, options: TransactionOptions): Promise<T> {
    const release = await this.lock();
    try {
      throwIfStopped(options.signal);
      const db = this.open();
      db.pragma(`busy_timeout = ${Math.max(1, Math.min(MAX_BUSY_WAIT_MS, Math.ceil(options.timeoutMs)))}`);
      db.exec("BEGIN IMMEDIATE");
      const { tx, end } = guardedTx(this.kind, options.signal, async (sql, values) => this.execute(sql, values));
      try {
        const result = await work(tx);
        end();
        throwIfStopped(options.signal);
        db.exec("COMMIT");
        return result;
      } catch (error) {
        end();
        if (db.inTransaction) db.exec("ROLLBACK");
        throw error;
      }
    } finally {
      release();
    }
  }

  ensureIdempotencyTable(): Promise<void> {
    return this.table.get();
  }

  async close(): Promise<void> {
    await this.tail;
    this.statements.clear();
    this.connection?.close();
    this.connection = null;
  }
}
