/** Filters for browsing the audit log. */
import { z } from "zod";

export const auditListInput = z.object({
  action: z.string().trim().max(100).optional(),
  actor: z.string().trim().max(320).optional(),
  outcome: z.enum(["ok", "denied", "error"]).optional(),
  limit: z.number().int().min(1).max(500).default(100),
});
export type AuditListInput = z.infer<typeof auditListInput>;
