/**
 * The actions API contract, shared by the server and the UI: procedure inputs (zod) and the
 * shapes procedures return (types). Each action's own input schema is served by `actions.list`
 * as JSON Schema; these are the envelopes around it.
 */
import { z } from "zod";
import type { Role } from "@/lib/roles";
import { paramValueSchema } from "./queries";

/** Most rows one bulk run may hold; `actions.getRun` returns them all in one page. */
export const MAX_RUN_ITEMS = 10_000;
export const DEFAULT_RUN_CONCURRENCY = 4;
export const MAX_RUN_CONCURRENCY = 16;

export const RUN_STATUSES = ["running", "done", "cancelled", "interrupted"] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];
export const ITEM_STATUSES = ["pending", "running", "ok", "failed", "cancelled", "interrupted"] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

export const actionNameSchema = z.string().trim().min(1).max(100);
/** Chosen by the client once per intended invocation (a UUID is ideal) and sent again on retries. */
export const idempotencyKeySchema = z
  .string()
  .trim()
  .min(8, { message: "The idempotency key needs at least 8 characters; use a UUID." })
  .max(200);

/**
 * The app a run comes from: operators run actions only through a published app (or a version
 * they may use) whose widget binds the action, on rows that widget's table shows them. `params`
 * are the caller's values of the `{{ }}` of the table's query (as `apps.runQuery` takes them),
 * so the server can run it again and see the same rows. Without `via`: a direct run (builders
 * and admins, from the table editor).
 */
export const appBindingSchema = z.object({
  appId: z.string().min(1).max(100),
  version: z.union([z.literal("draft"), z.literal("published"), z.number().int().positive()]),
  widgetId: z.string().min(1).max(64),
  params: z.record(z.string(), paramValueSchema).default({}),
});
export type AppBinding = z.output<typeof appBindingSchema>;

/** One invocation. `confirmed` must be true for actions marked `danger`. */
export const runActionInput = z.object({
  action: actionNameSchema,
  input: z.unknown(),
  idempotencyKey: idempotencyKeySchema,
  confirmed: z.boolean().optional(),
  via: appBindingSchema.optional(),
});
export type RunActionInput = z.infer<typeof runActionInput>;

export const runItemInput = z.object({
  /** The grid's row id (e.g. the primary key); unique within the run. */
  rowKey: z.string().trim().min(1).max(200),
  input: z.unknown(),
});

export const startRunInput = z.object({
  action: actionNameSchema,
  items: z.array(runItemInput).min(1, { message: "Select at least one row." }).max(MAX_RUN_ITEMS, { message: `A run holds at most ${MAX_RUN_ITEMS.toLocaleString("en-US")} rows.` }),
  concurrency: z.number().int().min(1).max(MAX_RUN_CONCURRENCY).default(DEFAULT_RUN_CONCURRENCY),
  /** Makes starting idempotent: the same key from the same user returns the run already started. */
  requestKey: z.string().trim().min(8).max(200).optional(),
  confirmed: z.boolean().optional(),
  via: appBindingSchema.optional(),
});
export type StartRunInput = z.input<typeof startRunInput>;

export const runIdInput = z.object({ runId: z.string().min(1).max(100) });

export const getRunInput = runIdInput.extend({
  offset: z.number().int().min(0).default(0),
  /** 0 returns progress only (for polling while the run goes). */
  limit: z.number().int().min(0).max(MAX_RUN_ITEMS).default(MAX_RUN_ITEMS),
  /** Only items with this status (e.g. "failed" for the result panel's filter). */
  status: z.enum(ITEM_STATUSES).optional(),
});
export type GetRunInput = z.input<typeof getRunInput>;

export const listRunsInput = z.object({ limit: z.number().int().min(1).max(100).default(20) });

/** What an action acts on, as builders see it. */
export interface ActionTargetSummary {
  /** The action's stable name for its data source ("acme-ops"). */
  source: string;
  /** The connected data source it maps to in this Rowcraft; null when none does (`unresolved` says why). */
  datasource: string | null;
  unresolved: string | null;
  /** The table whose rows it changes; null for actions on no rows. */
  table: string | null;
  /** Key column of `table` → the input field that holds it. */
  key: Record<string, string>;
}

/** What `actions.list` says about each action. `inputSchema` is JSON Schema (draft 2020-12) of the input. */
export interface ActionSummary {
  name: string;
  title: string;
  description: string;
  minRole: Role;
  danger: { confirm: string } | null;
  mode: "perRow" | "batch";
  /** Batch actions: the array field that takes the whole selection. */
  selectionField: string | null;
  timeoutMs: number;
  target: ActionTargetSummary;
  /** The action service that runs it (remote actions: docs/remote-actions.md); null for Rowcraft's own actions. */
  service: string | null;
  /** Rows it accepts, for the UI to check before running: others are marked and skipped with `message`. */
  precondition: { column: string; oneOf: (string | number | boolean)[]; message: string } | null;
  inputSchema: Record<string, unknown>;
  outputSchema: Record<string, unknown> | null;
  /** Whether the caller's role may run it (builders see admin-only actions but cannot run them). */
  canRun: boolean;
}

/** One row `startRun` refused, with a message per field ("" = the row's input as a whole). */
export interface InvalidRunRow {
  rowKey: string;
  errors: { field: string; message: string }[];
}

/** `startRun` either started (or found) the run, or refused it because some rows cannot be given to the action. */
export type StartRunResult =
  | { status: "started"; runId: string; total: number; alreadyStarted: boolean }
  | { status: "invalid"; message: string; invalidRows: InvalidRunRow[] };

export type FailureKind = "invalid_input" | "domain" | "timeout" | "internal";

/** The outcome of one invocation, as `actions.run` returns it and as each run item records it. */
export type InvocationOutcome =
  | { status: "ok"; result: unknown; replayed: boolean; durationMs: number }
  | { status: "failed"; errorKind: FailureKind; error: string; durationMs: number };

export interface RunProgress {
  total: number;
  /** Items finished, ok or failed. */
  done: number;
  ok: number;
  failed: number;
  pending: number;
  running: number;
  cancelled: number;
  interrupted: number;
  /** Rows per second since the run last (re)started, over the last 10 s; null when not running. */
  ratePerSecond: number | null;
  /** Seconds left at the current rate; null when unknown or not running. */
  etaSeconds: number | null;
}

export interface RunSummary {
  id: string;
  action: string;
  actionTitle: string;
  /** The app the run came from (null: run directly from the table editor). */
  app: { id: string; version: number; widgetId: string } | null;
  /** Why the run stopped before its end (its starter was deactivated…), or null. */
  stopReason: string | null;
  createdBy: { id: string | null; email: string };
  createdAt: Date;
  startedAt: Date;
  finishedAt: Date | null;
  status: RunStatus;
  concurrency: number;
  total: number;
  done: number;
  failed: number;
}

export interface RunItemView {
  rowKey: string;
  position: number;
  input: unknown;
  status: ItemStatus;
  result: unknown;
  error: string | null;
  durationMs: number | null;
  attempts: number;
  startedAt: Date | null;
  finishedAt: Date | null;
}

export interface RunView {
  run: RunSummary;
  progress: RunProgress;
  items: RunItemView[];
  /** Offset of the next page, or null when this page reaches the end. */
  nextOffset: number | null;
  /** Whether the caller may cancel, retry or resume it. */
  canManage: boolean;
}
