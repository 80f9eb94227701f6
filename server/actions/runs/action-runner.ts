/**
 * The in-process bulk runner: each active run's pending rows go through invokeAction with at most
 * `concurrency` in flight, every row with the idempotency key `<runId>:<rowKey>`.
 *
 * Bookkeeping is batched: row states, run counters and audit events are buffered and written in
 * one metadata transaction every FLUSH_INTERVAL_MS (or sooner when the buffer is large), so the
 * metadata database is not the bottleneck of a 10,000-row run. Losing a buffer in a crash is safe
 * by design: rows whose "ok" was not written yet are pending or interrupted after the restart,
 * and running them again replays the result the target database recorded with the effect.
 *
 * One runner per metadata database per process (`actionRunnerFor`). On its first use it marks
 * what a previous process left running as interrupted (nothing can be running here yet).
 */
import type { Prisma } from "@/generated/prisma/client";
import type { RunStatus } from "@/lib/schemas/actions";
import type { Db } from "@/server/db/client";
import { hasRole, type Role } from "@/lib/roles";
import { DIRECT_RUN_ROLE } from "@/server/actions/action-access";
import { invocationAuditEvent, toAuditEventRow, type AuditedApp } from "@/server/actions/action-audit";
import { metadataDatabaseResolver, type SharedDatabaseResolver } from "@/server/actions/databases/action-databases";
import type { ActionUser, AnyAction } from "@/server/actions/define-action";
import { invokeAction, UNEXPECTED_FAILURE, type InvocationReport } from "@/server/actions/invoke-action";
import { actionRegistry, type ActionRegistry } from "@/server/actions/registry";
import { syncRemoteActions } from "@/server/action-services/remote-actions";
import { insertAuditRows, writeItemStates, writeItemStatus, type ItemState } from "./run-store";

const FLUSH_INTERVAL_MS = 100;
const FLUSH_AT_PATCHES = 1_000;

export function runItemKey(runId: string, rowKey: string): string {
  return `${runId}:${rowKey}`;
}

interface QueuedItem {
  id: string;
  rowKey: string;
  input: unknown;
  attempts: number;
}

interface ActiveRun {
  id: string;
  action: AnyAction;
  user: ActionUser;
  /** The app the run came from; null: started directly (which needs the builder role). */
  app: AuditedApp | null;
  queue: QueuedItem[];
  cancelled: boolean;
  /** Set when the run stopped because its starter may no longer run it. */
  stopReason: string | null;
  ok: number;
  failed: number;
}

type AuditRow = Omit<Prisma.AuditEventCreateManyInput, "at"> & { at: Date };
type RunPatch = Omit<Prisma.ActionRunUpdateInput, "status"> & { status?: RunStatus };

export interface ActionRunnerOptions {
  db: Db;
  registry?: ActionRegistry;
  databases?: SharedDatabaseResolver;
  logError?: (message: string, error: unknown) => void;
}

const LIVE_RUNS_KEY = Symbol.for("rowcraft.live-action-runs");

/**
 * Runs being driven anywhere in this process, whichever runner drives them: recovery must never
 * touch them, even if a bundler gave this process a second copy of this module (and a runner).
 */
function liveRuns(): Set<string> {
  const holder = globalThis as { [LIVE_RUNS_KEY]?: Set<string> };
  holder[LIVE_RUNS_KEY] ??= new Set<string>();
  return holder[LIVE_RUNS_KEY];
}

/**
 * Marks what a previous process left running as interrupted (resumable). Runs live in this
 * process are left alone; runs live in ANOTHER process would not be — one server process per
 * metadata database is assumed (docs/actions.md).
 */
export async function recoverInterruptedRuns(db: Db): Promise<{ runs: number; items: number }> {
  const live = [...liveRuns()];
  const [items, runs] = await db.$transaction([
    db.actionRunItem.updateMany({ where: { status: "running", runId: { notIn: live } }, data: { status: "interrupted" } }),
    db.actionRun.updateMany({ where: { status: "running", id: { notIn: live } }, data: { status: "interrupted" } }),
  ]);
  return { runs: runs.count, items: items.count };
}

export class ActionRunner {
  readonly db: Db;
  readonly registry: ActionRegistry;
  private readonly databases: SharedDatabaseResolver;
  private readonly logError: (message: string, error: unknown) => void;
  private readonly active = new Map<string, ActiveRun>();
  private readonly settling = new Map<string, Promise<void>>();
  private states = new Map<string, ItemState>();
  private cancelledIds = new Set<string>();
  private runPatches = new Map<string, RunPatch>();
  private audits: AuditRow[] = [];
  private flushTimer: NodeJS.Timeout | null = null;
  private flushChain: Promise<void> = Promise.resolve();
  private recovery: Promise<unknown> | null = null;
  private abandoned = false;

  constructor(options: ActionRunnerOptions) {
    this.db = options.db;
    this.registry = options.registry ?? actionRegistry;
    this.databases = options.databases ?? metadataDatabaseResolver(options.db);
    this.logError = options.logError ?? ((message, error) => console.error(message, error));
  }

  /** Recovery, once, before this runner touches any run; and the registry's remote actions brought up to date. */
  ready(): Promise<void> {
    this.recovery ??= recoverInterruptedRuns(this.db);
    const current = this.recovery;
    current.catch(() => {
      if (this.recovery === current) this.recovery = null;
    });
    return Promise.all([current, syncRemoteActions(this.db)]).then(() => undefined);
  }

  isActive(runId: string): boolean {
    return this.active.has(runId);
  }

  /**
   * Queues every pending row of the run and starts its workers. The run row must already say
   * "running" (the caller claimed it). Returns once the workers are started.
   */
  async activate(options: { runId: string; action: AnyAction; user: ActionUser; concurrency: number; app?: AuditedApp | null }): Promise<void> {
    const { runId } = options;
    if (this.active.has(runId)) throw new Error(`Run ${runId} is already active.`);
    const run: ActiveRun = { id: runId, action: options.action, user: options.user, app: options.app ?? null, queue: [], cancelled: false, stopReason: null, ok: 0, failed: 0 };
    this.active.set(runId, run);
    liveRuns().add(runId);
    try {
      const [items, counts] = await Promise.all([
        this.db.actionRunItem.findMany({ where: { runId, status: "pending" }, orderBy: { position: "asc" }, select: { id: true, rowKey: true, input: true, attempts: true } }),
        this.db.actionRunItem.groupBy({ by: ["status"], where: { runId, status: { in: ["ok", "failed"] } }, _count: { _all: true } }),
      ]);
      run.queue = items.map((item) => ({ id: item.id, rowKey: item.rowKey, input: JSON.parse(item.input) as unknown, attempts: item.attempts }));
      for (const count of counts) {
        if (count.status === "ok") run.ok = count._count._all;
        if (count.status === "failed") run.failed = count._count._all;
      }
    } catch (error) {
      this.active.delete(runId);
      liveRuns().delete(runId);
      throw error;
    }
    const workers = Array.from({ length: Math.max(1, Math.min(options.concurrency, run.queue.length)) }, () => this.work(run));
    const settled = Promise.all(workers).then(() => this.finish(run));
    this.settling.set(runId, settled);
    settled.catch((error: unknown) => this.logError(`Bulk run ${runId} stopped unexpectedly:`, error));
  }

  /** Stops an active run from starting more rows; rows in flight finish. Null when the run is not active here. */
  cancel(runId: string): number | null {
    const run = this.active.get(runId);
    if (!run) return null;
    run.cancelled = true;
    const rest = run.queue.splice(0);
    for (const item of rest) this.cancelledIds.add(item.id);
    this.scheduleFlush();
    return rest.length;
  }

  /** Resolves when the run (if active) has finished and its bookkeeping is written. */
  async settle(runId: string): Promise<void> {
    await this.settling.get(runId)?.catch(() => undefined);
    await this.flush();
  }

  /** Simulates a crash (tests): nothing more is started or written; rows in flight finish unrecorded. */
  abandon(): void {
    this.abandoned = true;
    for (const run of this.active.values()) {
      run.queue.length = 0;
      liveRuns().delete(run.id);
    }
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = null;
  }

  /**
   * Whether the run's starter may still run it — active, and with the role the action (and, for
   * direct runs, running directly) needs — read before every row, so deactivating someone or
   * lowering their role stops their runs at the next row. Null when they may.
   */
  private async starterRefusal(run: ActiveRun): Promise<string | null> {
    const starter = await this.db.user.findUnique({ where: { id: run.user.id }, select: { active: true, role: true } });
    const needed = run.app ? run.action.minRole : hasRole(run.action.minRole, DIRECT_RUN_ROLE) ? run.action.minRole : DIRECT_RUN_ROLE;
    if (!starter || !starter.active) return `Stopped: ${run.user.email}, who started this run, was deactivated`;
    if (!hasRole(starter.role as Role, needed)) return `Stopped: ${run.user.email}, who started this run, no longer has the ${needed} role it needs`;
    return null;
  }

  private stop(run: ActiveRun, reason: string): void {
    if (run.cancelled) return;
    const rest = run.queue.splice(0);
    run.cancelled = true;
    run.stopReason = `${reason}; ${rest.length === 1 ? "1 row was" : `${rest.length} rows were`} not run. An admin, or the starter once allowed again, can resume it.`;
    for (const item of rest) this.cancelledIds.add(item.id);
    this.patchRun(run.id, { stopReason: run.stopReason });
  }

  private async work(run: ActiveRun): Promise<void> {
    while (!run.cancelled && !this.abandoned) {
      const item = run.queue.shift();
      if (!item) return;
      const refusal = await this.starterRefusal(run);
      if (refusal) {
        run.queue.unshift(item);
        this.stop(run, refusal);
        return;
      }
      const attempt = item.attempts + 1;
      const idempotencyKey = runItemKey(run.id, item.rowKey);
      const running: ItemState = { status: "running", attempts: attempt, startedAt: new Date(), finishedAt: null, durationMs: null, result: null, error: null };
      this.setState(item.id, running);
      let report: InvocationReport;
      try {
        report = await invokeAction({ action: run.action, input: item.input, idempotencyKey, user: run.user, run: { runId: run.id, rowKey: item.rowKey, attempt }, app: run.app, databases: this.databases, logError: this.logError });
      } catch (error) {
        // invokeAction classifies everything itself; this is a bug in the runner's path, reported like one.
        this.logError(`Bulk run ${run.id} could not run row ${item.rowKey}:`, error);
        report = { outcome: { status: "failed", errorKind: "internal", error: UNEXPECTED_FAILURE, durationMs: 0 }, internalMessage: String(error) };
      }
      if (this.abandoned) return;
      const { outcome } = report;
      if (outcome.status === "ok") run.ok += 1;
      else run.failed += 1;
      const finishedAt = new Date();
      this.setState(item.id, {
        ...running,
        status: outcome.status === "ok" ? "ok" : "failed",
        result: outcome.status === "ok" ? JSON.stringify(outcome.result) : null,
        error: outcome.status === "ok" ? null : outcome.error,
        durationMs: outcome.durationMs,
        finishedAt,
      });
      this.audits.push({
        ...toAuditEventRow(
          invocationAuditEvent({
            actor: run.user,
            action: run.action,
            input: item.input,
            idempotencyKey,
            outcome,
            internalMessage: report.internalMessage,
            run: { runId: run.id, rowKey: item.rowKey, attempt },
            app: run.app,
          }),
        ),
        at: finishedAt,
      });
      this.patchRun(run.id, { done: run.ok + run.failed, failed: run.failed });
    }
  }

  private async finish(run: ActiveRun): Promise<void> {
    // Leave the active set first: a resume racing the final write then sees "running" in the
    // database and is told to wait, instead of finding the run half-finished here.
    this.active.delete(run.id);
    if (this.abandoned) return;
    this.patchRun(run.id, { status: run.cancelled ? "cancelled" : "done", finishedAt: new Date(), done: run.ok + run.failed, failed: run.failed });
    await this.flush();
    liveRuns().delete(run.id);
    this.settling.delete(run.id);
  }

  private setState(id: string, state: ItemState): void {
    this.states.set(id, state);
    this.scheduleFlush();
  }

  private patchRun(id: string, patch: RunPatch): void {
    this.runPatches.set(id, { ...this.runPatches.get(id), ...patch });
    this.scheduleFlush();
  }

  private scheduleFlush(): void {
    if (this.abandoned) return;
    if (this.states.size >= FLUSH_AT_PATCHES) {
      void this.flush();
      return;
    }
    if (this.flushTimer) return;
    this.flushTimer = setTimeout(() => void this.flush(), FLUSH_INTERVAL_MS);
    this.flushTimer.unref();
  }

  /** Writes everything buffered so far, after any write already under way. */
  flush(): Promise<void> {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    this.flushChain = this.flushChain.then(() => this.writeBuffered());
    return this.flushChain;
  }

  private async writeBuffered(): Promise<void> {
    if (this.abandoned) return;
    const { states, cancelledIds, runPatches, audits } = this;
    if (states.size === 0 && cancelledIds.size === 0 && runPatches.size === 0 && audits.length === 0) return;
    this.states = new Map();
    this.cancelledIds = new Set();
    this.runPatches = new Map();
    this.audits = [];
    const db = this.db;
    try {
      await db.$transaction([
        ...writeItemStates(db, states),
        ...writeItemStatus(db, [...cancelledIds], "cancelled"),
        ...insertAuditRows(db, audits),
        ...[...runPatches].map(([id, data]) => db.actionRun.update({ where: { id }, data })),
      ]);
    } catch (error) {
      // Put the batch back under anything newer and try again on the next tick.
      this.logError("Could not write bulk run progress; retrying:", error);
      for (const [id, state] of states) if (!this.states.has(id)) this.states.set(id, state);
      for (const id of cancelledIds) this.cancelledIds.add(id);
      for (const [id, patch] of runPatches) this.runPatches.set(id, { ...patch, ...this.runPatches.get(id) });
      this.audits = [...audits, ...this.audits];
      this.scheduleFlush();
    }
  }
}

const RUNNERS_KEY = Symbol.for("rowcraft.action-runners");

function runners(): WeakMap<Db, ActionRunner> {
  const holder = globalThis as { [RUNNERS_KEY]?: WeakMap<Db, ActionRunner> };
  holder[RUNNERS_KEY] ??= new WeakMap<Db, ActionRunner>();
  return holder[RUNNERS_KEY];
}

/** The process's runner for this metadata database. */
export function actionRunnerFor(db: Db): ActionRunner {
  let runner = runners().get(db);
  if (!runner) {
    runner = new ActionRunner({ db });
    runners().set(db, runner);
  }
  return runner;
}

/**
 * Replaces the process's runner (tests: a simulated restart, or a registry with test actions).
 * The old runner is abandoned — what it has in flight finishes unrecorded, as after a crash.
 */
export function replaceActionRunner(options: ActionRunnerOptions): ActionRunner {
  runners().get(options.db)?.abandon();
  const runner = new ActionRunner(options);
  runners().set(options.db, runner);
  return runner;
}
