/** The query workbench API (builders): run guarded SQL, cancel a running query. */
import { cancelQueryInput, pageQueryInput, runQueryInput } from "@/lib/schemas/queries";
import { asPlainJson } from "@/lib/trpc/transformer";
import { builderProcedure, router } from "@/server/trpc/init";
import { runQuery } from "@/server/queries/run-query";
import { pageQuery } from "@/server/queries/page-query";
import { cancelRun } from "@/server/queries/running-queries";

export const queriesRouter = router({
  run: builderProcedure.input(runQueryInput).mutation(async ({ ctx, input }) => asPlainJson(await runQuery({ db: ctx.db, user: ctx.session.user, input }))),

  page: builderProcedure.input(pageQueryInput).query(async ({ ctx, input }) => asPlainJson(await pageQuery({ db: ctx.db, input, userId: ctx.session.user.id }))),

  cancel: builderProcedure.input(cancelQueryInput).mutation(({ ctx, input }) => ({ cancelled: cancelRun(input.runId, ctx.session.user.id) })),
});
