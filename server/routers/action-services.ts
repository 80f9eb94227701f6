/** Action services (remote actions): admins list, register, refresh and remove them. Secrets never leave the server. */
import { actionServiceIdInput, addActionServiceInput } from "@/lib/schemas/action-services";
import { addActionService, listActionServices, refreshActionService, removeActionService } from "@/server/action-services/manage-action-services";
import { adminProcedure, router } from "@/server/trpc/init";

export const actionServicesRouter = router({
  list: adminProcedure.query(({ ctx }) => listActionServices({ db: ctx.db })),
  add: adminProcedure.input(addActionServiceInput).mutation(({ ctx, input }) => addActionService({ db: ctx.db, actor: ctx.session.user, input })),
  refresh: adminProcedure.input(actionServiceIdInput).mutation(({ ctx, input }) => refreshActionService({ db: ctx.db, actor: ctx.session.user, id: input.id })),
  remove: adminProcedure.input(actionServiceIdInput).mutation(({ ctx, input }) => removeActionService({ db: ctx.db, actor: ctx.session.user, id: input.id })),
});
