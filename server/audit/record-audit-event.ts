/** Appends one event to the audit log. Every sign-in, user change, write and action run calls this. */
import type { Db } from "@/server/db/client";

export interface AuditActor {
  id: string;
  email: string;
}

export interface RecordAuditEventOptions {
  db: Db;
  actor: AuditActor | null;
  action: string;
  target?: { type: string; id: string };
  outcome?: "ok" | "denied" | "error";
  detail?: Record<string, unknown>;
}

export async function recordAuditEvent(options: RecordAuditEventOptions): Promise<void> {
  await options.db.auditEvent.create({
    data: {
      actorId: options.actor?.id ?? null,
      actorEmail: options.actor?.email ?? null,
      action: options.action,
      targetType: options.target?.type ?? null,
      targetId: options.target?.id ?? null,
      outcome: options.outcome ?? "ok",
      detail: JSON.stringify(options.detail ?? {}),
    },
  });
}
