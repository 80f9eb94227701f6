/** Reads the audit log newest first, filtered by action prefix, actor email and outcome. */
import type { Db } from "@/server/db/client";
import type { AuditListInput } from "@/lib/schemas/audit";

export async function listAuditEvents(options: { db: Db; filter: AuditListInput }) {
  const { filter } = options;
  const rows = await options.db.auditEvent.findMany({
    where: {
      ...(filter.action ? { action: { startsWith: filter.action } } : {}),
      ...(filter.actor ? { actorEmail: { contains: filter.actor } } : {}),
      ...(filter.outcome ? { outcome: filter.outcome } : {}),
    },
    orderBy: { at: "desc" },
    take: filter.limit,
  });
  return rows.map((row) => ({ ...row, detail: JSON.parse(row.detail) as Record<string, unknown> }));
}
