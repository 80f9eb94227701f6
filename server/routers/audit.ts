/** The audit log (admins): browse with filters, export as CSV. */
import { auditFilterSchema, auditListInput } from "@/lib/schemas/audit";
import { exportAuditCsv, listAuditEvents } from "@/server/audit/list-audit-events";
import { adminProcedure, router } from "@/server/trpc/init";

export const auditRouter = router({
  list: adminProcedure.input(auditListInput).query(({ ctx, input }) => listAuditEvents({ db: ctx.db, filter: input })),

  exportCsv: adminProcedure.input(auditFilterSchema).query(({ ctx, input }) => exportAuditCsv({ db: ctx.db, filter: input })),
});
