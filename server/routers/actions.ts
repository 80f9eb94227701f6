/**
 * The actions API. Builders list actions (with JSON Schema inputs) to bind them; operators run
 * them — once (`run`) or over selected rows (`startRun` and friends). The procedures require
 * operator (builder for `list`); each action's own minimum role is checked inside, per action.
 */
import { getRunInput, listRunsInput, runActionInput, runIdInput, startRunInput } from "@/lib/schemas/actions";
import { cancelRun, getRunView, listActions, listRuns, resumeRun, retryFailed, runAction, startRun } from "@/server/actions";
import { builderProcedure, operatorProcedure, router } from "@/server/trpc/init";

export const actionsRouter = router({
  list: builderProcedure.query(({ ctx }) => listActions({ role: ctx.session.user.role })),

  run: operatorProcedure.input(runActionInput).mutation(({ ctx, input }) => runAction({ db: ctx.db, user: ctx.session.user, input })),

  startRun: operatorProcedure.input(startRunInput).mutation(({ ctx, input }) => startRun({ db: ctx.db, user: ctx.session.user, input })),

  getRun: operatorProcedure.input(getRunInput).query(({ ctx, input }) => getRunView({ db: ctx.db, user: ctx.session.user, input })),

  listRuns: operatorProcedure.input(listRunsInput).query(({ ctx, input }) => listRuns({ db: ctx.db, user: ctx.session.user, limit: input.limit })),

  cancelRun: operatorProcedure.input(runIdInput).mutation(({ ctx, input }) => cancelRun({ db: ctx.db, user: ctx.session.user, runId: input.runId })),

  retryFailed: operatorProcedure.input(runIdInput).mutation(({ ctx, input }) => retryFailed({ db: ctx.db, user: ctx.session.user, runId: input.runId })),

  resumeRun: operatorProcedure.input(runIdInput).mutation(({ ctx, input }) => resumeRun({ db: ctx.db, user: ctx.session.user, runId: input.runId })),
});
