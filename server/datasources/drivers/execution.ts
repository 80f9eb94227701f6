/**
 * Plumbing every driver shares around one execution: checking the request, waiting for a pooled
 * connection with a deadline (so a dead or saturated source fails fast instead of queueing
 * forever), and a watch that turns an AbortSignal or a missed deadline into a server-side
 * interrupt (pg_cancel_backend, KILL QUERY, killing the SQLite worker process).
 */
import { maxQueriesPerUser, maxResultBytes } from "@/server/datasources/limits";
import { FairGate } from "./fair-gate";
import { CANCELLED_MESSAGE, formatSeconds, timeoutMessage } from "./results";
import { DriverError, type ExecuteRequest } from "./types";

export const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;
export const DEFAULT_POOL_SIZE = 5;

/** Time the client-side backstop gives the server's own timeout before interrupting it itself. */
export const BACKSTOP_GRACE_MS = 1_000;
/** Time an interrupt is given to stop the statement before the connection is torn down. */
export const HARD_STOP_GRACE_MS = 3_000;

/** Refuses requests no caller should send (they would disable a safety limit). */
export function checkRequest(request: ExecuteRequest): void {
  if (typeof request.sql !== "string" || request.sql.trim() === "") throw new DriverError("syntax_error", "There is no SQL to run.");
  if (!Array.isArray(request.values)) throw new DriverError("database_error", "Query values must be an array.");
  if (!Number.isFinite(request.timeoutMs) || request.timeoutMs < 1) throw new DriverError("database_error", "A positive statement timeout is required.");
  if (!Number.isInteger(request.rowCap) || request.rowCap < 0) throw new DriverError("database_error", "The row cap must be a whole number of rows.");
  if (request.maxAffectedRows !== undefined && (!Number.isInteger(request.maxAffectedRows) || request.maxAffectedRows < 0)) {
    throw new DriverError("database_error", "The affected-rows limit must be a whole number of rows.");
  }
  if (request.maxResultBytes !== undefined && (!Number.isSafeInteger(request.maxResultBytes) || request.maxResultBytes < 1)) {
    throw new DriverError("database_error", "The result size limit must be a positive whole number of bytes.");
  }
}

/** The gate in front of a source of `capacity` connections or worker processes. */
export function sourceGate(capacity: number): FairGate {
  return new FairGate({ capacity, perUser: maxQueriesPerUser });
}

/**
 * Runs `body` once the source's gate admits `user`. The wait is bounded like a wait for a pooled
 * connection always was (`maxWaitMs`, the connect timeout) and never longer than the statement's
 * own timeout; past it, or on cancel, the statement fails without starting.
 */
export async function throughGate<T>(gate: FairGate, request: { user?: string; signal?: AbortSignal; timeoutMs: number }, maxWaitMs: number, body: () => Promise<T>): Promise<T> {
  const release = await gate.enter(request.user ?? null, { signal: request.signal, timeoutMs: Math.min(request.timeoutMs, maxWaitMs) });
  try {
    return await body();
  } finally {
    release();
  }
}

/** The result byte cap for this request: its own, else the server-wide one. */
export function resultByteCap(request: Pick<ExecuteRequest, "maxResultBytes">): number {
  return request.maxResultBytes ?? maxResultBytes();
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new DriverError("cancelled", CANCELLED_MESSAGE);
}

/** Whole milliseconds, at least 1, for SET statements built from numbers we validated. */
export function wholeMs(ms: number): number {
  return Math.max(1, Math.ceil(ms));
}

export interface AcquireOptions<T> {
  acquire: () => Promise<T>;
  /** Gives back a connection that arrived after we stopped waiting for it. */
  releaseLate: (connection: T) => void;
  timeoutMs: number;
  /** Whether every connection was busy when we started waiting (decides pool_exhausted vs timeout). */
  saturated: boolean;
  where: string;
  signal?: AbortSignal;
  /** Recognizes the pool's own timeout error, classified like ours. */
  isPoolTimeout?: (error: unknown) => boolean;
}

function acquireTimeoutError(saturated: boolean, timeoutMs: number, where: string): DriverError {
  return saturated
    ? new DriverError("pool_exhausted", `All connections to ${where} stayed busy for ${formatSeconds(timeoutMs)}; try again when running queries have finished.`)
    : new DriverError("timeout", `Could not connect to ${where} within ${formatSeconds(timeoutMs)}.`);
}

export function acquireWithin<T>(options: AcquireOptions<T>): Promise<T> {
  const { signal } = options;
  return new Promise<T>((resolve, reject) => {
    let done = false;
    const finish = (error: DriverError | null, connection?: T) => {
      if (done) {
        if (connection !== undefined) options.releaseLate(connection);
        return;
      }
      done = true;
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
      if (error) {
        if (connection !== undefined) options.releaseLate(connection);
        reject(error);
      } else resolve(connection as T);
    };
    const onAbort = () => finish(new DriverError("cancelled", CANCELLED_MESSAGE));
    const timer = setTimeout(() => finish(acquireTimeoutError(options.saturated, options.timeoutMs, options.where)), options.timeoutMs);
    signal?.addEventListener("abort", onAbort, { once: true });
    if (signal?.aborted) onAbort();
    options.acquire().then(
      (connection) => finish(null, connection),
      (error: unknown) => {
        if (done) return;
        if (options.isPoolTimeout?.(error)) finish(acquireTimeoutError(options.saturated, options.timeoutMs, options.where));
        else {
          done = true;
          clearTimeout(timer);
          signal?.removeEventListener("abort", onAbort);
          reject(error);
        }
      },
    );
  });
}

export type InterruptReason = "cancel" | "timeout";

/**
 * Watches one execution. On abort, or when the server's own timeout has not fired by the
 * backstop deadline, it calls `interrupt` (a server-side cancel from another connection); if
 * the statement still has not stopped after a grace period, `hardStop` tears the connection down.
 */
export class ExecutionWatch {
  cancelled = false;
  timedOut = false;
  private readonly timers: ReturnType<typeof setTimeout>[] = [];
  private readonly onAbort: () => void;
  private disposed = false;

  constructor(
    private readonly options: {
      signal?: AbortSignal;
      backstopMs: number;
      interrupt: (reason: InterruptReason) => Promise<void>;
      hardStop: () => void;
    },
  ) {
    this.onAbort = () => this.fire("cancel");
    options.signal?.addEventListener("abort", this.onAbort, { once: true });
    this.timers.push(setTimeout(() => this.fire("timeout"), options.backstopMs));
    if (options.signal?.aborted) this.fire("cancel");
  }

  /** True once we interrupted the statement: the connection must not be reused. */
  get interrupted(): boolean {
    return this.cancelled || this.timedOut;
  }

  /** Between steps of one execution: stop with the error of the interrupt we caused, if any. */
  throwIfInterrupted(timeoutMs: number): void {
    if (this.cancelled) throw new DriverError("cancelled", CANCELLED_MESSAGE);
    if (this.timedOut) throw new DriverError("timeout", timeoutMessage(timeoutMs));
  }

  private fire(reason: InterruptReason): void {
    if (this.disposed || this.interrupted) return;
    if (reason === "cancel") this.cancelled = true;
    else this.timedOut = true;
    this.options.interrupt(reason).catch(() => undefined);
    this.timers.push(
      setTimeout(() => {
        if (!this.disposed) this.options.hardStop();
      }, HARD_STOP_GRACE_MS),
    );
  }

  dispose(): void {
    this.disposed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.options.signal?.removeEventListener("abort", this.onAbort);
  }
}
