/**
 * How every driver runs a batch of writes (executeBatch), decided in one place: which requests
 * are refused, the order the statements run in, when the batch must stop (cancel, our own
 * interrupt, the whole-batch deadline) and when it may commit — only when every statement
 * changed exactly its `expectedAffected` rows. The network drivers run these steps on the
 * transaction they opened; the SQLite worker process (plain JS, it cannot import this) applies
 * the same commit rule — see `executeBatch` in sqlite-worker.mjs.
 */
import { timeoutMessage } from "./results";
import { DriverError, type BatchRequest, type BatchStatement } from "./types";

/** Refuses batches no caller should send (a statement without SQL, a missing timeout, a count that cannot be met). */
export function checkBatchRequest(request: BatchRequest): void {
  if (!Array.isArray(request.statements)) throw new DriverError("database_error", "A batch needs a list of statements.");
  if (!Number.isFinite(request.timeoutMs) || request.timeoutMs < 1) throw new DriverError("database_error", "A positive statement timeout is required.");
  request.statements.forEach((statement, index) => {
    if (typeof statement.sql !== "string" || statement.sql.trim() === "") throw new DriverError("syntax_error", `Statement ${index + 1} of the batch has no SQL.`);
    if (!Array.isArray(statement.values)) throw new DriverError("database_error", `The values of statement ${index + 1} of the batch must be an array.`);
    if (!Number.isInteger(statement.expectedAffected) || statement.expectedAffected < 0) {
      throw new DriverError("database_error", `Statement ${index + 1} of the batch needs a whole expected number of changed rows.`);
    }
  });
}

/** The batch may commit only when every statement changed exactly the rows it expected. */
export function batchMatches(statements: readonly Pick<BatchStatement, "expectedAffected">[], affected: readonly number[]): boolean {
  return statements.length === affected.length && statements.every((statement, index) => affected[index] === statement.expectedAffected);
}

/**
 * The check run before and after every statement: an interrupt we caused (cancel, backstop)
 * ends the batch with its error, and so does the whole-batch deadline — each statement is also
 * bounded on the server, but a batch of fast statements must not outlive its timeout either.
 */
export function batchCheckpoint(options: { timeoutMs: number; startedAt: number; throwIfInterrupted: () => void; now?: () => number }): () => void {
  const now = options.now ?? (() => performance.now());
  return () => {
    options.throwIfInterrupted();
    if (now() - options.startedAt >= options.timeoutMs) throw new DriverError("timeout", timeoutMessage(options.timeoutMs));
  };
}

export interface BatchOutcome {
  committed: boolean;
  affected: number[];
}

/**
 * Runs the statements in order on an open read-write transaction — all of them, also after a
 * count mismatch, so the caller learns every statement that missed — and says whether the
 * batch may commit. The driver then COMMITs or ROLLBACKs; an error thrown here (a database
 * error, an interrupt, the deadline) leaves the rollback to the driver's usual error path.
 */
export async function runBatchStatements(
  statements: readonly BatchStatement[],
  steps: { run: (statement: BatchStatement, index: number) => Promise<number>; checkpoint: () => void },
): Promise<BatchOutcome> {
  const affected: number[] = [];
  for (const [index, statement] of statements.entries()) {
    steps.checkpoint();
    affected.push(await steps.run(statement, index));
  }
  steps.checkpoint();
  return { committed: batchMatches(statements, affected), affected };
}
