/**
 * Bulk run commands behind `actions.startRun`, `cancelRun`, `retryFailed` and `resumeRun`: access
 * (the action's own minimum role; only the run's creator or an admin may change a run), the
 * all-rows-valid check before anything starts, the compare-and-set that keeps a run from being
 * driven twice, and one audit event per command (each row is audited by the runner).
 */
import { TRPCError } from "@trpc/server";
import type { z } from "zod";
import type { ActionRun } from "@/generated/prisma/client";
import type { InvalidRunRow, ItemStatus, StartRunResult, startRunInput } from "@/lib/schemas/actions";
import type { Db } from "@/server/db/client";
import { recordAuditEvent } from "@/server/audit/record-audit-event";
import { assertConfirmed, assertMayRunAction, canRunAction, directRunRefusal, findActionOrThrow, mayRunDirectly } from "@/server/actions/action-access";
import { invocationAuditName, type AuditedApp } from "@/server/actions/action-audit";
import { checkRunSource } from "@/server/actions/run-action";
import type { ActionUser, AnyAction } from "@/server/actions/define-action";
import { describeIssues } from "@/server/actions/invoke-action";
import { actionRunnerFor, type ActionRunner } from "./action-runner";
import { insertRunItems, newRunId, writeItemInputs, type NewRunItem } from "./run-store";

export type StartRunOptions = { db: Db; user: ActionUser; input: z.output<typeof startRunInput>; runner?: ActionRunner };

const LISTED_PROBLEMS = 10;

function listProblems(problems: string[]): string {
  return problems.slice(0, LISTED_PROBLEMS).join("; ") + (problems.length > LISTED_PROBLEMS ? `; and ${problems.length - LISTED_PROBLEMS} more` : "");
}

async function refuseRole(db: Db, user: ActionUser, action: AnyAction, detail: Record<string, unknown>): Promise<never> {
  await recordAuditEvent({ db, actor: user, action: invocationAuditName(action.name), target: { type: "action", id: action.name }, outcome: "denied", detail: { ...detail, reason: `needs ${action.minRole}, has ${user.role}` } });
  assertMayRunAction(user, action);
  throw new Error("unreachable: assertMayRunAction refused");
}

function assertUniqueRowKeys(items: readonly NewRunItem[]): void {
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  for (const item of items) (seen.has(item.rowKey) ? duplicates : seen).add(item.rowKey);
  if (duplicates.size) {
    throw new TRPCError({ code: "BAD_REQUEST", message: `Each row needs its own key; these appear more than once: ${listProblems([...duplicates])}.` });
  }
}

/** Every row's input is checked before anything runs; one bad row refuses the whole run, naming the rows. */
function invalidRowsOf(action: AnyAction, items: readonly NewRunItem[], outcome = "nothing was started"): Extract<StartRunResult, { status: "invalid" }> | null {
  const invalidRows: InvalidRunRow[] = [];
  const problems: string[] = [];
  for (const item of items) {
    const parsed = action.input.safeParse(item.input);
    if (parsed.success) continue;
    invalidRows.push({ rowKey: item.rowKey, errors: parsed.error.issues.map((issue) => ({ field: issue.path.join("."), message: issue.message })) });
    problems.push(`row ${item.rowKey}: ${describeIssues(parsed.error)}`);
  }
  if (!invalidRows.length) return null;
  return { status: "invalid", message: `${invalidRows.length} of ${items.length} rows cannot be given to ${action.title}, so ${outcome}: ${listProblems(problems)}.`, invalidRows };
}

export async function startRun(options: StartRunOptions): Promise<StartRunResult> {
  const { db, user, input } = options;
  const runner = options.runner ?? actionRunnerFor(db);
  await runner.ready();
  const action = findActionOrThrow(input.action, runner.registry);
  if (!canRunAction(user, action)) await refuseRole(db, user, action, { rows: input.items.length });
  assertConfirmed(action, input.confirmed);
  const requestKey = input.requestKey ?? null;
  const earlier = async (): Promise<StartRunResult | null> => {
    if (!requestKey) return null;
    const run = await db.actionRun.findUnique({ where: { createdById_requestKey: { createdById: user.id, requestKey } } });
    if (!run) return null;
    if (run.action !== action.name) throw new TRPCError({ code: "CONFLICT", message: "This request key already started a run of another action; send a new key." });
    return { status: "started", runId: run.id, total: run.total, alreadyStarted: true };
  };
  const existing = await earlier();
  if (existing) return existing;
  assertUniqueRowKeys(input.items);
  const invalid = invalidRowsOf(action, input.items);
  if (invalid) return invalid;
  const app = await checkRunSource({ db, user, action, via: input.via, inputs: input.items.map((item) => item.input), detail: { rows: input.items.length } });

  const runId = newRunId();
  try {
    await db.$transaction([
      db.actionRun.create({
        data: {
          id: runId,
          action: action.name,
          createdById: user.id,
          createdByEmail: user.email,
          requestKey,
          status: "running",
          concurrency: input.concurrency,
          total: input.items.length,
          appId: app?.id ?? null,
          appVersion: app?.version ?? null,
          widgetId: app?.widgetId ?? null,
        },
        select: { id: true },
      }),
      ...insertRunItems(db, runId, input.items),
    ]);
  } catch (error) {
    // Two identical requests at once: the unique (creator, requestKey) lets one through.
    const raced = await earlier();
    if (raced) return raced;
    throw error;
  }
  await recordAuditEvent({ db, actor: user, action: "action_run.start", target: { type: "action_run", id: runId }, detail: { action: action.name, rows: input.items.length, concurrency: input.concurrency, app: app ?? "direct" } });
  await runner.activate({ runId, action, user, concurrency: input.concurrency, app });
  return { status: "started", runId, total: input.items.length, alreadyStarted: false };
}

export interface ManageRunOptions {
  db: Db;
  user: ActionUser;
  runId: string;
  runner?: ActionRunner;
}

export interface RetryFailedOptions extends ManageRunOptions {
  /**
   * New inputs for some of the rows being retried (the operator fixed a mapping). Only failed or
   * interrupted rows may get one; each is validated like a new run's row. The row keeps its
   * idempotency key, so a row that had in fact committed replays its first result.
   */
  inputs?: readonly NewRunItem[];
}

function appOfRun(run: ActionRun): AuditedApp | null {
  return run.appId !== null && run.appVersion !== null && run.widgetId !== null ? { id: run.appId, version: run.appVersion, widgetId: run.widgetId } : null;
}

/** The run, if the user may change it: its creator, or an admin. */
export async function findManagedRun(db: Db, user: ActionUser, runId: string): Promise<ActionRun> {
  const run = await db.actionRun.findUnique({ where: { id: runId } });
  if (!run) throw new TRPCError({ code: "NOT_FOUND", message: "There is no such run. It may have been deleted." });
  if (run.createdById !== user.id && user.role !== "admin") {
    throw new TRPCError({ code: "FORBIDDEN", message: "Only the person who started this run, or an admin, can change it." });
  }
  return run;
}

export async function cancelRun(options: ManageRunOptions): Promise<{ cancelled: number }> {
  const { db, user, runId } = options;
  const runner = options.runner ?? actionRunnerFor(db);
  await runner.ready();
  const run = await findManagedRun(db, user, runId);
  let cancelled = runner.cancel(runId);
  if (cancelled === null) {
    const changed = await db.actionRunItem.updateMany({ where: { runId, status: { in: ["pending", "interrupted"] } }, data: { status: "cancelled" } });
    cancelled = changed.count;
    if (cancelled > 0 || run.status === "interrupted") await db.actionRun.update({ where: { id: runId }, data: { status: "cancelled", finishedAt: new Date() } });
  }
  await recordAuditEvent({ db, actor: user, action: "action_run.cancel", target: { type: "action_run", id: runId }, detail: { action: run.action, cancelled } });
  return { cancelled };
}

const REQUEUE: Record<"retry" | "resume", ItemStatus[]> = {
  retry: ["failed", "interrupted"],
  resume: ["pending", "interrupted", "cancelled"],
};

/**
 * Puts rows back to pending and drives the run again. Retry: failed and interrupted rows. Resume:
 * rows that never finished (pending, interrupted, cancelled). Any row still pending runs either way.
 */
async function requeue(options: RetryFailedOptions, kind: "retry" | "resume"): Promise<{ requeued: number }> {
  const { db, user, runId } = options;
  const runner = options.runner ?? actionRunnerFor(db);
  await runner.ready();
  const run = await findManagedRun(db, user, runId);
  const action = findActionOrThrow(run.action, runner.registry);
  if (!canRunAction(user, action)) await refuseRole(db, user, action, { runId });
  const busy = () => new TRPCError({ code: "CONFLICT", message: "This run is still going; wait for it to finish, or cancel it first." });
  if (runner.isActive(runId)) throw busy();
  const statuses = REQUEUE[kind];
  const candidates = await db.actionRunItem.count({ where: { runId, status: { in: statuses } } });
  if (candidates === 0) {
    throw new TRPCError({
      code: "BAD_REQUEST",
      message: kind === "retry" ? "No row of this run failed or was interrupted; there is nothing to retry." : "Every row of this run has finished; there is nothing to resume. Use Retry failed for rows that failed.",
    });
  }
  const inputs = options.inputs ?? [];
  // New inputs could name rows the app never showed: only builders and admins may change an app run's inputs.
  if (inputs.length && !mayRunDirectly(user)) throw directRunRefusal(action);
  if (!run.appId && !mayRunDirectly(user)) throw directRunRefusal(action);
  if (inputs.length) await assertReplaceableInputs(db, action, runId, statuses, inputs);
  // Compare-and-set: of two tabs pressing the button, one drives the run.
  const claimed = await db.actionRun.updateMany({ where: { id: runId, status: { not: "running" } }, data: { status: "running", startedAt: new Date(), finishedAt: null } });
  if (claimed.count === 0) throw busy();
  const reset = db.actionRunItem.updateMany({ where: { runId, status: { in: statuses } }, data: { status: "pending", error: null, result: null } });
  // The new inputs and the reset commit together: a retried row never runs its old input by accident.
  const [{ count }] = inputs.length ? await db.$transaction([reset, ...writeItemInputs(db, runId, inputs)] as const) : [await reset];
  if (run.stopReason) await db.actionRun.update({ where: { id: runId }, data: { stopReason: null } });
  await recordAuditEvent({ db, actor: user, action: `action_run.${kind}`, target: { type: "action_run", id: runId }, detail: { action: run.action, requeued: count, ...(inputs.length ? { newInputs: inputs.length } : {}) } });
  await runner.activate({ runId, action, user, concurrency: run.concurrency, app: appOfRun(run) });
  return { requeued: count };
}

/** New inputs must fit the action and belong to rows being retried; otherwise nothing changes. */
async function assertReplaceableInputs(db: Db, action: AnyAction, runId: string, statuses: ItemStatus[], inputs: readonly NewRunItem[]): Promise<void> {
  assertUniqueRowKeys(inputs);
  const invalid = invalidRowsOf(action, inputs, "nothing was retried");
  if (invalid) throw new TRPCError({ code: "BAD_REQUEST", message: invalid.message });
  const keys = inputs.map((item) => item.rowKey);
  const retryable = new Set((await db.actionRunItem.findMany({ where: { runId, status: { in: statuses }, rowKey: { in: keys } }, select: { rowKey: true } })).map((item) => item.rowKey));
  const others = keys.filter((key) => !retryable.has(key));
  if (others.length) {
    throw new TRPCError({ code: "BAD_REQUEST", message: `Only rows that failed or were interrupted can be retried with a new input; these did not: ${listProblems(others)}.` });
  }
}

export function retryFailed(options: RetryFailedOptions): Promise<{ requeued: number }> {
  return requeue(options, "retry");
}

export function resumeRun(options: ManageRunOptions): Promise<{ requeued: number }> {
  return requeue(options, "resume");
}
