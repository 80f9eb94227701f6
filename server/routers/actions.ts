/**
 * The actions API. Builders list actions (with JSON Schema inputs) to bind them; operators run
 * them — once (`run`) or over selected rows (`startRun` and friends). The procedures require
 * operator (builder for `list`); each action's own minimum role is checked inside, per action.
 */
import { z } from "zod";
import { getRunInput, listRunsInput, MAX_RUN_ITEMS, runActionInput, runIdInput, runItemInput, startRunInput } from "@/lib/schemas/actions";
import { cancelRun, getRunView, listActions, listRuns, resumeRun, retryFailed, runAction, startRun } from "@/server/actions";
import { syncRemoteActions } from "@/server/action-services/remote-actions";
import { builderProcedure, operatorProcedure, router } from "@/server/trpc/init";

/** Retry failed rows, optionally some of them with a new input (the operator fixed the mapping). */
const retryFailedInput = runIdInput.extend({ inputs: z.array(runItemInput).min(1).max(MAX_RUN_ITEMS).optional() });

export const actionsRouter = router({
  list: builderProcedure.query(async ({ ctx }) => {
    const [sources] = await Promise.all([ctx.db.dataSource.findMany({ select: { name: true } }), syncRemoteActions(ctx.db)]);
    return listActions({ role: ctx.session.user.role, datasources: sources.map((source) => source.name) });
  }),

  run: operatorProcedure.input(runActionInput).mutation(({ ctx, input }) => runAction({ db: ctx.db, user: ctx.session.user, input })),

  startRun: operatorProcedure.input(startRunInput).mutation(({ ctx, input }) => startRun({ db: ctx.db, user: ctx.session.user, input })),

  getRun: operatorProcedure.input(getRunInput).query(({ ctx, input }) => getRunView({ db: ctx.db, user: ctx.session.user, input })),

  listRuns: operatorProcedure.input(listRunsInput).query(({ ctx, input }) => listRuns({ db: ctx.db, user: ctx.session.user, limit: input.limit })),

  cancelRun: operatorProcedure.input(runIdInput).mutation(({ ctx, input }) => cancelRun({ db: ctx.db, user: ctx.session.user, runId: input.runId })),

  retryFailed: operatorProcedure.input(retryFailedInput).mutation(({ ctx, input }) => retryFailed({ db: ctx.db, user: ctx.session.user, runId: input.runId, ...(input.inputs ? { inputs: input.inputs } : {}) })),

  resumeRun: operatorProcedure.input(runIdInput).mutation(({ ctx, input }) => resumeRun({ db: ctx.db, user: ctx.session.user, runId: input.runId })),
});
