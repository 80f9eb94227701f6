/**
 * The apps API. Builders create, save (every save is a version), restore, publish, import and
 * remove apps; everyone opens the apps they may use and runs the app's own saved queries —
 * never arbitrary SQL — with the values of its bindings as parameters. Operators save a table
 * widget's edits through the same guard and concurrency check as the table editor.
 */
import {
  appIdInput,
  createAppInput,
  editVersionMessageInput,
  importAppInput,
  openAppInput,
  restoreVersionInput,
  runAppQueryInput,
  saveAppEditsInput,
  saveAppInput,
  versionNumberInput,
} from "@/lib/schemas/apps";
import { asPlainJson } from "@/lib/trpc/transformer";
import { builderProcedure, operatorProcedure, router, viewerProcedure } from "@/server/trpc/init";
import { createApp, importApp, listApps, openApp, removeApp } from "@/server/apps/app-catalog";
import { editVersionMessage, getVersion, listVersions, publishVersion, restoreVersion, saveApp } from "@/server/apps/app-versions";
import { runAppQuery, saveAppEdits } from "@/server/apps/app-runtime";

export const appsRouter = router({
  list: viewerProcedure.query(({ ctx }) => listApps({ db: ctx.db, user: ctx.session.user })),

  open: viewerProcedure.input(openAppInput).query(({ ctx, input }) => openApp({ db: ctx.db, user: ctx.session.user, input })),

  create: builderProcedure.input(createAppInput).mutation(({ ctx, input }) => createApp({ db: ctx.db, user: ctx.session.user, input })),

  save: builderProcedure.input(saveAppInput).mutation(({ ctx, input }) => saveApp({ db: ctx.db, user: ctx.session.user, input })),

  versions: builderProcedure.input(appIdInput).query(({ ctx, input }) => listVersions({ db: ctx.db, user: ctx.session.user, appId: input.appId })),

  version: builderProcedure.input(versionNumberInput).query(({ ctx, input }) => getVersion({ db: ctx.db, user: ctx.session.user, ...input })),

  editVersionMessage: builderProcedure.input(editVersionMessageInput).mutation(({ ctx, input }) => editVersionMessage({ db: ctx.db, user: ctx.session.user, ...input })),

  restore: builderProcedure.input(restoreVersionInput).mutation(({ ctx, input }) => restoreVersion({ db: ctx.db, user: ctx.session.user, ...input })),

  publish: builderProcedure.input(versionNumberInput).mutation(({ ctx, input }) => publishVersion({ db: ctx.db, user: ctx.session.user, ...input })),

  import: builderProcedure.input(importAppInput).mutation(({ ctx, input }) => importApp({ db: ctx.db, user: ctx.session.user, input })),

  remove: builderProcedure.input(appIdInput).mutation(({ ctx, input }) => removeApp({ db: ctx.db, user: ctx.session.user, appId: input.appId })),

  runQuery: viewerProcedure.input(runAppQueryInput).mutation(async ({ ctx, input }) => asPlainJson(await runAppQuery({ db: ctx.db, user: ctx.session.user, input }))),

  saveEdits: operatorProcedure.input(saveAppEditsInput).mutation(({ ctx, input }) => saveAppEdits({ db: ctx.db, user: ctx.session.user, input })),
});
