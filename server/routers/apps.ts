/** The workspace's apps. */
import { router, viewerProcedure } from "@/server/trpc/init";

export const appsRouter = router({
  list: viewerProcedure.query(({ ctx }) =>
    ctx.db.app.findMany({
      select: { id: true, slug: true, name: true, description: true, updatedAt: true },
      orderBy: { name: "asc" },
    }),
  ),
});
