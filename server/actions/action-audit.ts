/**
 * How action invocations appear in the audit log: one event per invocation (a single run, or
 * one row of a bulk run) named `action.run.<action>`, so the log's action-prefix filter finds
 * all invocations ("action.run") or one action's; run-level events are `action_run.<verb>`.
 */
import type { Prisma } from "@/generated/prisma/client";
import type { InvocationOutcome } from "@/lib/schemas/actions";
import type { RecordAuditEventOptions } from "@/server/audit/record-audit-event";
import { isRowTarget, type ActionUser, type AnyAction } from "./define-action";

export type AuditEvent = Omit<RecordAuditEventOptions, "db">;

export interface InvocationAudit {
  actor: ActionUser;
  action: AnyAction;
  input: unknown;
  idempotencyKey: string;
  outcome: InvocationOutcome;
  internalMessage: string | null;
  /** Bulk rows only. */
  run?: { runId: string; rowKey: string; attempt: number };
  /** The app the invocation came from; absent for direct runs (table editor). */
  app?: AuditedApp | null;
}

export interface AuditedApp {
  id: string;
  name?: string;
  version: number;
  widgetId: string;
}

export function invocationAuditName(actionName: string): string {
  return `action.run.${actionName}`;
}

/**
 * The rows an input names, by the target's key: `[{ id: 7 }]` for a per-row action, one per id
 * for a batch one; [] for actions on no rows or input without its key.
 */
export function rowsOfInput(action: AnyAction, input: unknown): Record<string, unknown>[] {
  if (!isRowTarget(action.target) || input === null || typeof input !== "object") return [];
  const values = input as Record<string, unknown>;
  const key = Object.entries(action.target.key);
  if (action.selectionField) {
    const [column] = key[0] ?? [];
    const list = values[action.selectionField];
    return column !== undefined && Array.isArray(list) ? list.map((value: unknown) => ({ [column]: value })) : [];
  }
  if (!key.every(([, field]) => field in values)) return [];
  return [Object.fromEntries(key.map(([column, field]) => [column, values[field]]))];
}

/** What the audit says an invocation acted on: the target source (stable name and data source) and the rows. */
export function targetAuditDetail(action: AnyAction, input: unknown, datasource: string | null = null): Record<string, unknown> {
  const { target } = action;
  return { target: { source: target.source, ...(datasource ? { datasource } : {}), ...(isRowTarget(target) ? { table: target.table, rows: rowsOfInput(action, input) } : { rows: "none" }) } };
}

export function invocationAuditEvent(audit: InvocationAudit): AuditEvent {
  const { outcome } = audit;
  return {
    actor: { id: audit.actor.id, email: audit.actor.email },
    action: invocationAuditName(audit.action.name),
    target: { type: "action", id: audit.action.name },
    outcome: outcome.status === "ok" ? "ok" : "error",
    detail: {
      ...(audit.run ?? {}),
      app: audit.app ?? "direct",
      ...targetAuditDetail(audit.action, audit.input),
      // Remote actions: which registered service ran it.
      ...(audit.action.service ? { service: audit.action.service } : {}),
      idempotencyKey: audit.idempotencyKey,
      input: audit.input,
      durationMs: outcome.durationMs,
      ...(outcome.status === "ok"
        ? { result: outcome.result, replayed: outcome.replayed }
        : { errorKind: outcome.errorKind, error: outcome.error, ...(audit.internalMessage ? { internalError: audit.internalMessage } : {}) }),
    },
  };
}

/** The row recordAuditEvent() would write, for events written in batches (bulk runs). */
export function toAuditEventRow(event: AuditEvent): Prisma.AuditEventCreateManyInput {
  return {
    actorId: event.actor?.id ?? null,
    actorEmail: event.actor?.email ?? null,
    action: event.action,
    targetType: event.target?.type ?? null,
    targetId: event.target?.id ?? null,
    outcome: event.outcome ?? "ok",
    detail: JSON.stringify(event.detail ?? {}),
  };
}
