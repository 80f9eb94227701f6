/** Filters for browsing and exporting the audit log. */
import { z } from "zod";

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: "Use a date like 2026-01-31." });

export const auditFilterSchema = z.object({
  action: z.string().trim().max(100).optional(),
  actor: z.string().trim().max(320).optional(),
  outcome: z.enum(["ok", "denied", "error"]).optional(),
  /** Inclusive whole days, UTC. */
  from: isoDate.optional(),
  to: isoDate.optional(),
});
export type AuditFilter = z.infer<typeof auditFilterSchema>;

export const auditListInput = auditFilterSchema.extend({ limit: z.number().int().min(1).max(500).default(100) });
export type AuditListInput = z.infer<typeof auditListInput>;

/** The most rows one CSV export holds; narrow the filters for more. */
export const AUDIT_EXPORT_LIMIT = 100_000;
