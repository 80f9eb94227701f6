/** The list of apps a caller may see, opening one, and creating, importing and removing apps. */
import { TRPCError } from "@trpc/server";
import { parseAppExport, validateAppDocument, type AppDocument, type Widget } from "@/lib/app-document";
import type { ActionSummary } from "@/lib/schemas/actions";
import type { AppSummary, ImportAppResult, OpenAppInput, OpenAppView } from "@/lib/schemas/apps";
import { openAppInput, slugify } from "@/lib/schemas/apps";
import type { SessionUser } from "@/server/auth/sessions";
import type { Db } from "@/server/db/client";
import { recordAuditEvent } from "@/server/audit/record-audit-event";
import { actionRegistry, summarizeAction } from "@/server/actions/registry";
import { syncRemoteActions } from "@/server/action-services/remote-actions";
import { canEditApp, canUseApp } from "./app-permissions";
import { findVersionRow, forgetAppDocuments, loadApp, requireEditor, resolveVersion, summarize, versionSummary, withDocuments } from "./app-store";
import { appendVersion } from "./app-versions";
import { validationContext } from "./app-validation";
import { currentUserOf } from "./bind-query-params";

export async function listApps(options: { db: Db; user: SessionUser }): Promise<AppSummary[]> {
  const { db, user } = options;
  const rows = await db.app.findMany({ where: { latestVersion: { gt: 0 } }, orderBy: { name: "asc" } });
  const apps = await Promise.all(rows.map((row) => withDocuments(db, row)));
  return apps.filter((app) => canUseApp(app.published, app.latest, user) && (app.publishedVersion !== null || canEditApp(app.latest, user))).map((app) => summarize(app, user));
}

/** Names of the actions a document runs. */
export function actionsUsed(document: AppDocument): Set<string> {
  const names = new Set<string>();
  const add = (widget: Widget): void => {
    if (widget.type === "table") for (const action of widget.props.actions) names.add(action.action);
    else if (widget.type === "button" && widget.props.run.kind === "action") names.add(widget.props.run.action);
    else if (widget.type === "form") names.add(widget.props.action);
  };
  for (const page of document.pages) page.widgets.forEach(add);
  return names;
}

export async function openApp(options: { db: Db; user: SessionUser; input: OpenAppInput }): Promise<OpenAppView> {
  const { db, user } = options;
  const input = openAppInput.parse(options.input);
  const app = await loadApp(db, { slug: input.slug });
  const { number, document } = await resolveVersion(db, app, input.version, user);
  const row = await findVersionRow(db, app.id, number);
  const editor = canEditApp(app.latest, user);
  await syncRemoteActions(db);
  const actions: ActionSummary[] = [];
  for (const name of actionsUsed(document)) {
    const action = actionRegistry.get(name);
    if (action) actions.push(summarizeAction(action, user.role));
  }
  return {
    app: summarize(app, user),
    version: versionSummary(row, app.publishedVersion),
    document,
    problems: editor ? validateAppDocument(document, await validationContext(db)).problems : [],
    actions,
    currentUser: currentUserOf(user),
  };
}

/** A new app's first version: one empty page. */
export function blankDocument(options: { id: string; name: string; slug: string }): AppDocument {
  return { id: options.id, name: options.name, slug: options.slug, pages: [{ id: "page1", name: "Page 1", widgets: [] }], queries: [] };
}

async function freeSlug(db: Db, wanted: string): Promise<string> {
  for (let n = 1; ; n += 1) {
    const slug = n === 1 ? wanted : `${wanted}-${n}`;
    if (!(await db.app.findUnique({ where: { slug }, select: { id: true } }))) return slug;
  }
}

/** Creates the app row and its version 1 from `document` (its id is replaced by the new app's). */
export async function insertApp(options: { db: Db; user: SessionUser | null; document: AppDocument; description: string; message: string; id?: string }): Promise<{ id: string; slug: string }> {
  const { db, user, document } = options;
  const app = await db.app.create({
    data: { ...(options.id ? { id: options.id } : {}), slug: document.slug, name: document.name, description: options.description, createdById: user?.id ?? null },
  });
  const author = user ?? { id: "", email: "rowcraft", name: "Rowcraft", role: "admin" as const };
  await appendVersion({ db, app, user: author, document: { ...document, id: app.id }, message: options.message, baseVersion: 0 });
  return { id: app.id, slug: app.slug };
}

export async function createApp(options: { db: Db; user: SessionUser; input: { name: string; slug?: string | undefined; description: string } }): Promise<{ id: string; slug: string }> {
  const { db, user, input } = options;
  if (input.slug && (await db.app.findUnique({ where: { slug: input.slug }, select: { id: true } }))) {
    throw new TRPCError({ code: "CONFLICT", message: `Another app already uses the address /apps/${input.slug}; choose another.` });
  }
  const slug = input.slug ?? (await freeSlug(db, slugify(input.name)));
  const created = await insertApp({ db, user, document: blankDocument({ id: "new", name: input.name, slug }), description: input.description, message: "Created" });
  await recordAuditEvent({ db, actor: user, action: "app.create", target: { type: "app", id: created.id }, detail: { name: input.name, slug } });
  return created;
}

/**
 * Imports an exported file: validated against this Rowcraft (data sources matched by name,
 * actions by name). Problems other than schema errors do not stop the import — the builder
 * opens it to fix them — but publishing will refuse until they are fixed.
 */
export async function importApp(options: { db: Db; user: SessionUser; input: { text: string; appId?: string | undefined; message: string } }): Promise<ImportAppResult> {
  const { db, user, input } = options;
  const parsed = parseAppExport(input.text, await validationContext(db));
  if (!parsed.ok) return parsed;
  let target: { id: string; slug: string; version: number };
  if (input.appId) {
    const app = await loadApp(db, { id: input.appId });
    requireEditor(app, user);
    // Imported into an existing app, the file's content becomes its next version at the app's address.
    const document = { ...parsed.document, slug: app.slug };
    const version = await appendVersion({ db, app, user, document, message: input.message || "Imported from a file", baseVersion: app.latestVersion });
    target = { id: app.id, slug: app.slug, version };
  } else {
    if (await db.app.findUnique({ where: { slug: parsed.document.slug }, select: { id: true } })) {
      return { ok: false, problems: [{ code: "schema", path: "slug", message: `An app at /apps/${parsed.document.slug} already exists: import the file into that app as a new version, or change "slug" in the file.` }] };
    }
    const created = await insertApp({ db, user, document: parsed.document, description: "", message: input.message || "Imported from a file" });
    target = { ...created, version: 1 };
  }
  await recordAuditEvent({ db, actor: user, action: "app.import", target: { type: "app", id: target.id }, detail: { version: target.version, problems: parsed.problems.length } });
  return { ok: true, appId: target.id, slug: target.slug, version: target.version, problems: parsed.problems };
}

export async function removeApp(options: { db: Db; user: SessionUser; appId: string }): Promise<{ removed: true }> {
  const { db, user } = options;
  const app = await loadApp(db, { id: options.appId });
  requireEditor(app, user);
  await db.app.delete({ where: { id: app.id } });
  forgetAppDocuments(db, app.id);
  await recordAuditEvent({ db, actor: user, action: "app.remove", target: { type: "app", id: app.id }, detail: { name: app.name, slug: app.slug, latestVersion: app.latestVersion } });
  return { removed: true };
}
