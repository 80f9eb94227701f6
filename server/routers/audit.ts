/** The audit log (admins). */
import { auditListInput } from "@/lib/schemas/audit";
import { listAuditEvents } from "@/server/audit/list-audit-events";
import { adminProcedure, router } from "@/server/trpc/init";

export const auditRouter = router({
  list: adminProcedure.input(auditListInput).query(({ ctx, input }) => listAuditEvents({ db: ctx.db, filter: input })),
});
