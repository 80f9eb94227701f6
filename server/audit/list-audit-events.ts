/** Reads the audit log newest first, filtered by action prefix, actor email, outcome and day range; and exports it as CSV. */
import type { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db/client";
import { AUDIT_EXPORT_LIMIT, type AuditFilter, type AuditListInput } from "@/lib/schemas/audit";
import { toCsv } from "@/lib/csv";

function whereOf(filter: AuditFilter): Prisma.AuditEventWhereInput {
  const at: Prisma.DateTimeFilter = {};
  if (filter.from) at.gte = new Date(`${filter.from}T00:00:00.000Z`);
  if (filter.to) at.lt = new Date(new Date(`${filter.to}T00:00:00.000Z`).getTime() + 24 * 60 * 60 * 1000);
  return {
    ...(filter.action ? { action: { startsWith: filter.action } } : {}),
    ...(filter.actor ? { actorEmail: { contains: filter.actor } } : {}),
    ...(filter.outcome ? { outcome: filter.outcome } : {}),
    ...(filter.from || filter.to ? { at } : {}),
  };
}

export async function listAuditEvents(options: { db: Db; filter: AuditListInput }) {
  const rows = await options.db.auditEvent.findMany({ where: whereOf(options.filter), orderBy: { at: "desc" }, take: options.filter.limit });
  return rows.map((row) => ({ ...row, detail: JSON.parse(row.detail) as Record<string, unknown> }));
}

export async function exportAuditCsv(options: { db: Db; filter: AuditFilter }): Promise<{ csv: string; rows: number; truncated: boolean }> {
  const rows = await options.db.auditEvent.findMany({ where: whereOf(options.filter), orderBy: { at: "desc" }, take: AUDIT_EXPORT_LIMIT + 1 });
  const kept = rows.slice(0, AUDIT_EXPORT_LIMIT);
  const csv = toCsv(
    ["at", "actor", "action", "target_type", "target_id", "outcome", "detail"],
    kept.map((row) => [row.at.toISOString(), row.actorEmail ?? "", row.action, row.targetType ?? "", row.targetId ?? "", row.outcome, row.detail]),
  );
  return { csv, rows: kept.length, truncated: rows.length > AUDIT_EXPORT_LIMIT };
}
