/**
 * Reading bulk runs (`actions.getRun`, `actions.listRuns`): progress counted from the rows
 * themselves, the rate over the last seconds of the current (re)start and the time left at that
 * rate, and the rows page by page (all of them in one page for runs up to 10,000 rows).
 */
import { TRPCError } from "@trpc/server";
import type { z } from "zod";
import type { ActionRun, ActionRunItem } from "@/generated/prisma/client";
import { ITEM_STATUSES, RUN_STATUSES, type getRunInput, type ItemStatus, type RunItemView, type RunProgress, type RunStatus, type RunSummary, type RunView } from "@/lib/schemas/actions";
import type { Db } from "@/server/db/client";
import type { ActionUser } from "@/server/actions/define-action";
import { actionRegistry, type ActionRegistry } from "@/server/actions/registry";
import { actionRunnerFor, type ActionRunner } from "./action-runner";

/** The rate is measured over at most this much recent time, so it follows the run's current pace. */
const RATE_WINDOW_MS = 10_000;
const MIN_RATE_WINDOW_MS = 250;

function runStatusOf(value: string): RunStatus {
  return (RUN_STATUSES as readonly string[]).includes(value) ? (value as RunStatus) : "interrupted";
}

function itemStatusOf(value: string): ItemStatus {
  return (ITEM_STATUSES as readonly string[]).includes(value) ? (value as ItemStatus) : "interrupted";
}

function parseJson(text: string | null): unknown {
  return text === null ? null : (JSON.parse(text) as unknown);
}

export function toRunSummary(run: ActionRun, registry: ActionRegistry = actionRegistry): RunSummary {
  return {
    id: run.id,
    action: run.action,
    actionTitle: registry.get(run.action)?.title ?? run.action,
    app: run.appId !== null && run.appVersion !== null && run.widgetId !== null ? { id: run.appId, version: run.appVersion, widgetId: run.widgetId } : null,
    stopReason: run.stopReason,
    createdBy: { id: run.createdById, email: run.createdByEmail },
    createdAt: run.createdAt,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
    status: runStatusOf(run.status),
    concurrency: run.concurrency,
    total: run.total,
    done: run.done,
    failed: run.failed,
  };
}

function toItemView(item: ActionRunItem): RunItemView {
  return {
    rowKey: item.rowKey,
    position: item.position,
    input: parseJson(item.input),
    status: itemStatusOf(item.status),
    result: parseJson(item.result),
    error: item.error,
    durationMs: item.durationMs,
    attempts: item.attempts,
    startedAt: item.startedAt,
    finishedAt: item.finishedAt,
  };
}

async function progressOf(db: Db, run: ActionRun): Promise<RunProgress> {
  const grouped = await db.actionRunItem.groupBy({ by: ["status"], where: { runId: run.id }, _count: { _all: true } });
  const counts: Record<ItemStatus, number> = { pending: 0, running: 0, ok: 0, failed: 0, cancelled: 0, interrupted: 0 };
  for (const group of grouped) counts[itemStatusOf(group.status)] += group._count._all;
  let ratePerSecond: number | null = null;
  let etaSeconds: number | null = null;
  if (run.status === "running") {
    const now = Date.now();
    const from = Math.max(run.startedAt.getTime(), now - RATE_WINDOW_MS);
    if (now - from >= MIN_RATE_WINDOW_MS) {
      const recent = await db.actionRunItem.count({ where: { runId: run.id, finishedAt: { gte: new Date(from) } } });
      ratePerSecond = Math.round((recent / ((now - from) / 1000)) * 10) / 10;
      const left = counts.pending + counts.running;
      etaSeconds = ratePerSecond > 0 ? Math.ceil(left / ratePerSecond) : null;
    }
  }
  return { total: run.total, done: counts.ok + counts.failed, ...counts, ratePerSecond, etaSeconds };
}

function mayView(user: ActionUser, run: ActionRun): boolean {
  return run.createdById === user.id || user.role === "admin";
}

export async function getRunView(options: { db: Db; user: ActionUser; input: z.output<typeof getRunInput>; runner?: ActionRunner }): Promise<RunView> {
  const { db, user, input } = options;
  const runner = options.runner ?? actionRunnerFor(db);
  await runner.ready();
  const run = await db.actionRun.findUnique({ where: { id: input.runId } });
  if (!run) throw new TRPCError({ code: "NOT_FOUND", message: "There is no such run. It may have been deleted." });
  if (!mayView(user, run)) throw new TRPCError({ code: "FORBIDDEN", message: "Only the person who started this run, or an admin, can see it." });
  const [progress, items] = await Promise.all([
    progressOf(db, run),
    input.limit === 0
      ? Promise.resolve([])
      : db.actionRunItem.findMany({ where: { runId: run.id, ...(input.status ? { status: input.status } : {}) }, orderBy: { position: "asc" }, skip: input.offset, take: input.limit + 1 }),
  ]);
  const page = items.slice(0, input.limit);
  return {
    run: toRunSummary(run, runner.registry),
    progress,
    items: page.map(toItemView),
    nextOffset: items.length > input.limit ? input.offset + input.limit : null,
    canManage: mayView(user, run),
  };
}

/** The caller's recent runs, newest first (admins: everyone's). */
export async function listRuns(options: { db: Db; user: ActionUser; limit: number; registry?: ActionRegistry }): Promise<RunSummary[]> {
  const { db, user } = options;
  const runs = await db.actionRun.findMany({
    where: user.role === "admin" ? {} : { createdById: user.id },
    orderBy: { createdAt: "desc" },
    take: options.limit,
  });
  return runs.map((run) => toRunSummary(run, options.registry));
}
