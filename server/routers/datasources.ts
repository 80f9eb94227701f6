/** Data sources as builders see them (names, kinds, policy; never credentials). */
import { builderProcedure, router } from "@/server/trpc/init";
import { toDatasourceSummary } from "@/server/datasources/stored-datasource";

export const datasourcesRouter = router({
  list: builderProcedure.query(async ({ ctx }) => {
    const rows = await ctx.db.dataSource.findMany({ orderBy: { name: "asc" } });
    return rows.map(toDatasourceSummary);
  }),
});
