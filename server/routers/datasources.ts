/** Data sources: builders list them and read their schema; admins add, edit, test and remove them. Credentials never leave the server. */
import { TRPCError } from "@trpc/server";
import { datasourceIdInput, saveDatasourceInput, testConnectionInput } from "@/lib/schemas/datasources";
import { adminProcedure, builderProcedure, router } from "@/server/trpc/init";
import { openConnection, toDatasourceSummary } from "@/server/datasources/stored-datasource";
import { toConnectionView } from "@/server/datasources/connection-view";
import { removeDatasource, resolveConnection, saveDatasource } from "@/server/datasources/save-datasource";
import { testConnection } from "@/server/datasources/test-connection";
import { getDatasourceSchema } from "@/server/datasources/datasource-schema";

export const datasourcesRouter = router({
  list: builderProcedure.query(async ({ ctx }) => {
    const rows = await ctx.db.dataSource.findMany({ orderBy: { name: "asc" } });
    return rows.map(toDatasourceSummary);
  }),

  get: adminProcedure.input(datasourceIdInput).query(async ({ ctx, input }) => {
    const row = await ctx.db.dataSource.findUnique({ where: { id: input.id } });
    if (!row) throw new TRPCError({ code: "NOT_FOUND", message: "That data source no longer exists." });
    return { ...toDatasourceSummary(row), connection: toConnectionView(openConnection(row)) };
  }),

  save: adminProcedure.input(saveDatasourceInput).mutation(({ ctx, input }) => saveDatasource({ db: ctx.db, actor: ctx.session.user, input })),

  remove: adminProcedure.input(datasourceIdInput).mutation(({ ctx, input }) => removeDatasource({ db: ctx.db, actor: ctx.session.user, id: input.id })),

  test: adminProcedure.input(testConnectionInput).mutation(async ({ ctx, input }) => testConnection(await resolveConnection({ db: ctx.db, id: input.id, connection: input.connection }))),

  schema: builderProcedure.input(datasourceIdInput).query(({ ctx, input }) => getDatasourceSchema({ db: ctx.db, id: input.id })),

  refreshSchema: builderProcedure.input(datasourceIdInput).mutation(({ ctx, input }) => getDatasourceSchema({ db: ctx.db, id: input.id, refresh: true })),
});
