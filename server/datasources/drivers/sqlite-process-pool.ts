/**
 * A small pool of SQLite worker processes (see sqlite-worker.mjs for why processes, not
 * threads). Each process runs one request at a time; at the deadline or on cancel the process
 * is SIGKILLed — that always stops SQLite, even deep inside a runaway query — and a fresh one is
 * spawned on the next request. Idle processes exit after a while so unused sources cost nothing.
 */
import { fork, type ChildProcess } from "node:child_process";
import path from "node:path";
import { CANCELLED_MESSAGE, timeoutMessage } from "./results";
import { acquireWithin } from "./execution";
import type { SqliteFailure } from "./error-mapping";
import { DriverError } from "./types";

/** The worker is plain JS loaded by path: the app (and every test) runs from the repo root. */
export function sqliteWorkerPath(): string {
  return path.join(process.cwd(), /*turbopackIgnore: true*/ "server/datasources/drivers/sqlite-worker.mjs");
}

export type WorkerRequest = { op: "execute" | "batch" | "version"; file: string } & Record<string, unknown>;

export type WorkerResponse = { ok: true; result: unknown } | { ok: false; error: SqliteFailure & { affected?: number } };

interface Slot {
  child: ChildProcess;
  ready: Promise<void>;
  busy: boolean;
  idleTimer: ReturnType<typeof setTimeout> | null;
  /** The request this process is working on. */
  pending: { id: number; settle: (response: WorkerResponse | Error) => void } | null;
}

const IDLE_EXIT_MS = 60_000;
const SPAWN_TIMEOUT_MS = 10_000;

export class SqliteProcessPool {
  private readonly slots = new Set<Slot>();
  private readonly waiters: { resolve: (slot: Slot) => void; reject: (error: Error) => void }[] = [];
  private nextId = 1;
  private closed = false;

  constructor(
    private readonly size: number,
    private readonly acquireTimeoutMs: number,
    private readonly where: string,
  ) {}

  private spawn(): Slot {
    // No inherited env (it holds the app's secrets) and no inherited exec flags (vitest/tsx loaders).
    // turbopackIgnore: Turbopack treats fork()'s path as a module to bundle; this file must stay
    // a plain script on disk, loaded at run time.
    const child = fork(/*turbopackIgnore: true*/ sqliteWorkerPath(), [], { serialization: "advanced", execArgv: [], env: { NODE_ENV: process.env.NODE_ENV ?? "production" }, stdio: ["ignore", "ignore", "inherit", "ipc"] });
    child.unref();
    child.channel?.unref();
    let markReady: () => void = () => undefined;
    let markFailed: (error: Error) => void = () => undefined;
    const ready = new Promise<void>((resolve, reject) => {
      markReady = resolve;
      markFailed = reject;
    });
    ready.catch(() => undefined);
    const slot: Slot = { child, ready, busy: true, idleTimer: null, pending: null };
    const spawnTimer = setTimeout(() => markFailed(new DriverError("database_error", "The SQLite worker did not start in time.")), SPAWN_TIMEOUT_MS);
    child.on("message", (message: { type?: string; id?: number } & Partial<WorkerResponse>) => {
      if (message.type === "ready") {
        clearTimeout(spawnTimer);
        markReady();
        return;
      }
      const pending = slot.pending;
      if (pending && message.id === pending.id) {
        slot.pending = null;
        pending.settle(message as WorkerResponse);
      }
    });
    child.on("error", noopError);
    child.on("exit", (code, signal) => {
      clearTimeout(spawnTimer);
      this.slots.delete(slot);
      if (slot.idleTimer) clearTimeout(slot.idleTimer);
      const reason = new DriverError("database_error", `The SQLite worker stopped unexpectedly (${signal ?? `exit code ${code ?? "?"}`}).`);
      markFailed(reason);
      const pending = slot.pending;
      slot.pending = null;
      pending?.settle(reason);
    });
    this.slots.add(slot);
    return slot;
  }

  private take(): Promise<Slot> {
    if (this.closed) return Promise.reject(new DriverError("database_error", "This data source connection was closed."));
    for (const slot of this.slots) {
      if (!slot.busy) {
        slot.busy = true;
        if (slot.idleTimer) clearTimeout(slot.idleTimer);
        slot.idleTimer = null;
        return Promise.resolve(slot);
      }
    }
    if (this.slots.size < this.size) return Promise.resolve(this.spawn());
    return new Promise((resolve, reject) => this.waiters.push({ resolve, reject }));
  }

  private give(slot: Slot): void {
    if (!this.slots.has(slot)) {
      this.serveWaiter();
      return;
    }
    const waiter = this.waiters.shift();
    if (waiter) {
      waiter.resolve(slot);
      return;
    }
    slot.busy = false;
    slot.idleTimer = setTimeout(() => {
      if (!slot.busy) slot.child.kill("SIGKILL");
    }, IDLE_EXIT_MS);
    slot.idleTimer.unref();
  }

  /** A process died or was killed: its place goes to the next waiter, if any. */
  private serveWaiter(): void {
    if (this.closed || this.waiters.length === 0 || this.slots.size >= this.size) return;
    const waiter = this.waiters.shift();
    waiter?.resolve(this.spawn());
  }

  private kill(slot: Slot): void {
    this.slots.delete(slot);
    slot.child.kill("SIGKILL");
    this.serveWaiter();
  }

  /** Runs one request with a deadline; the process is killed on timeout or abort. */
  async run(request: WorkerRequest, options: { timeoutMs: number; signal?: AbortSignal }): Promise<WorkerResponse> {
    const busy = [...this.slots].filter((slot) => slot.busy).length;
    const slot = await acquireWithin({
      acquire: () => this.take(),
      releaseLate: (late) => this.give(late),
      timeoutMs: this.acquireTimeoutMs,
      saturated: busy >= this.size,
      where: this.where,
      signal: options.signal,
    });
    try {
      await slot.ready;
    } catch (error) {
      this.kill(slot);
      throw error;
    }
    const id = this.nextId++;
    return new Promise<WorkerResponse>((resolve, reject) => {
      let finished = false;
      const finish = (outcome: WorkerResponse | Error, killIt: boolean) => {
        if (finished) return;
        finished = true;
        clearTimeout(timer);
        options.signal?.removeEventListener("abort", onAbort);
        slot.pending = null;
        if (killIt) this.kill(slot);
        else this.give(slot);
        if (outcome instanceof Error) reject(outcome);
        else resolve(outcome);
      };
      const onAbort = () => finish(new DriverError("cancelled", CANCELLED_MESSAGE), true);
      const timer = setTimeout(() => finish(new DriverError("timeout", timeoutMessage(options.timeoutMs)), true), options.timeoutMs);
      options.signal?.addEventListener("abort", onAbort, { once: true });
      slot.pending = { id, settle: (outcome) => finish(outcome, outcome instanceof Error) };
      if (options.signal?.aborted) {
        onAbort();
        return;
      }
      try {
        slot.child.send({ ...request, id });
      } catch (error) {
        finish(new DriverError("database_error", `The SQLite worker could not take the request: ${error instanceof Error ? error.message : String(error)}`), true);
      }
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const slot of [...this.slots]) {
      // A process still working finishes nothing useful once its source is gone.
      this.slots.delete(slot);
      slot.child.kill("SIGKILL");
    }
    const closedError = new DriverError("database_error", "This data source connection was closed.");
    for (const waiter of this.waiters.splice(0)) waiter.reject(closedError);
  }
}

function noopError(): void {
  // 'error' on a child (e.g. send after exit) is reported through 'exit' / the pending request.
}
