/** The root router: one sub-router per domain. Exports the `AppRouter` type and `createCaller`. */
import { actionServicesRouter } from "@/server/routers/action-services";
import { actionsRouter } from "@/server/routers/actions";
import { appsRouter } from "@/server/routers/apps";
import { auditRouter } from "@/server/routers/audit";
import { authRouter } from "@/server/routers/auth";
import { datasourcesRouter } from "@/server/routers/datasources";
import { queriesRouter } from "@/server/routers/queries";
import { tablesRouter } from "@/server/routers/tables";
import { usersRouter } from "@/server/routers/users";
import { createCallerFactory, router } from "@/server/trpc/init";

export const appRouter = router({
  auth: authRouter,
  apps: appsRouter,
  datasources: datasourcesRouter,
  queries: queriesRouter,
  tables: tablesRouter,
  users: usersRouter,
  audit: auditRouter,
  actions: actionsRouter,
  actionServices: actionServicesRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
