/**
 * The engineer-side database handle actions get from `ctx.datasource(name)`: trusted SQL that
 * engineers own and test in code, outside the builders' guard — but always with bound
 * parameters (`?` on SQLite and MySQL, `$1` on PostgreSQL) and always inside one transaction.
 */
import type { DatasourceKind } from "@/lib/schemas/datasources";

export interface ActionQueryResult {
  rows: Record<string, unknown>[];
  /** Rows inserted, updated or deleted (0 for a SELECT; the RETURNING row count where used). */
  affectedRows: number;
}

export interface ActionTx {
  readonly kind: DatasourceKind;
  query(sql: string, values?: readonly unknown[]): Promise<ActionQueryResult>;
}

export interface ActionDatabase {
  readonly kind: DatasourceKind;
  /** The data source's name in Rowcraft. */
  readonly name: string;
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws or the action times out. */
  transaction<T>(work: (tx: ActionTx) => Promise<T>): Promise<T>;
}

/** What binds a shared handle to one invocation: its cancel signal and its time budget. */
export interface TransactionOptions {
  signal: AbortSignal;
  timeoutMs: number;
}

/** One per data source per process (a pool or a connection), shared by every invocation. */
export interface SharedActionDatabase {
  readonly kind: DatasourceKind;
  readonly name: string;
  transaction<T>(work: (tx: ActionTx) => Promise<T>, options: TransactionOptions): Promise<T>;
  /** Creates the idempotency table if it is missing, once per handle (DDL runs outside any action's transaction). */
  ensureIdempotencyTable(): Promise<void>;
  close(): Promise<void>;
}

/** Thrown into an action's transaction once its invocation was stopped (timeout). */
export class TransactionAbortedError extends Error {
  constructor() {
    super("The action was stopped before its transaction finished; nothing was committed.");
    this.name = "TransactionAbortedError";
  }
}

export function throwIfStopped(signal: AbortSignal): void {
  if (signal.aborted) throw new TransactionAbortedError();
}

/** A tx that refuses to be used once its transaction is over (a forgotten `await` would otherwise run outside it). */
export function guardedTx(kind: DatasourceKind, signal: AbortSignal, run: (sql: string, values: readonly unknown[]) => Promise<ActionQueryResult>): { tx: ActionTx; end: () => void } {
  let open = true;
  const tx: ActionTx = {
    kind,
    query: async (sql, values = []) => {
      if (!open) throw new Error("This transaction has already finished: await every tx.query() inside transaction().");
      throwIfStopped(signal);
      return run(sql, values);
    },
  };
  return { tx, end: () => void (open = false) };
}
