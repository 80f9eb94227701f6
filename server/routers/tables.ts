/** The table editor API (builders): list the tables a source lets them open, read windows of rows, save staged changes. */
import { z } from "zod";
import { browseTableInput, saveTableChangesInput } from "@/lib/schemas/tables";
import { asPlainJson } from "@/lib/trpc/transformer";
import { builderProcedure, router } from "@/server/trpc/init";
import { browseTable } from "@/server/tables/browse-table";
import { listEditorTables } from "@/server/tables/list-tables";
import { saveTableChanges } from "@/server/tables/save-table-changes";

export const tablesRouter = router({
  list: builderProcedure.input(z.object({ datasourceId: z.string().min(1) })).query(({ ctx, input }) => listEditorTables({ db: ctx.db, datasourceId: input.datasourceId })),

  browse: builderProcedure.input(browseTableInput).query(async ({ ctx, input }) => asPlainJson(await browseTable({ db: ctx.db, input, userId: ctx.session.user.id }))),

  save: builderProcedure.input(saveTableChangesInput).mutation(({ ctx, input }) => saveTableChanges({ db: ctx.db, user: ctx.session.user, input })),
});
