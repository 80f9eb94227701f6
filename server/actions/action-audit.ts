/**
 * How action invocations appear in the audit log: one event per invocation (a single run, or
 * one row of a bulk run) named `action.run.<action>`, so the log's action-prefix filter finds
 * all invocations ("action.run") or one action's; run-level events are `action_run.<verb>`.
 */
import type { Prisma } from "@/generated/prisma/client";
import type { InvocationOutcome } from "@/lib/schemas/actions";
import type { RecordAuditEventOptions } from "@/server/audit/record-audit-event";
import type { ActionUser, AnyAction } from "./define-action";

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
}

export function invocationAuditName(actionName: string): string {
  return `action.run.${actionName}`;
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
