/**
 * Versions: every save appends an immutable version; restore appends a copy of an old one;
 * publish points the app at a version after it passes validation. Saves are checked against
 * the version the editor started from, so two builders never silently overwrite each other.
 */
import { TRPCError } from "@trpc/server";
import { appDocumentSchema, documentSizeProblem, stableStringify, validateAppDocument, type AppDocument, type Problem } from "@/lib/app-document";
import { formatPath } from "@/lib/app-document/problems";
import type { AppVersionSummary, PublishResult, SaveAppResult } from "@/lib/schemas/apps";
import type { SessionUser } from "@/server/auth/sessions";
import type { Db } from "@/server/db/client";
import { recordAuditEvent } from "@/server/audit/record-audit-event";
import { canEditApp } from "./app-permissions";
import { findVersionRow, loadApp, requireEditor, versionDocument, versionSummary, type LoadedApp } from "./app-store";
import { validationContext } from "./app-validation";
import { editableFacts } from "./editable-facts";

/** The schema's verdict on a document from the client, as a BAD_REQUEST naming the first paths. */
export function parseDocumentOrThrow(value: unknown): AppDocument {
  const tooLarge = documentSizeProblem(value);
  if (tooLarge) throw new TRPCError({ code: "BAD_REQUEST", message: tooLarge });
  const parsed = appDocumentSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.slice(0, 5).map((issue) => `${formatPath(issue.path) || "document"}: ${issue.message}`);
  throw new TRPCError({ code: "BAD_REQUEST", message: `The app document is not valid — ${issues.join("; ")}` });
}

/**
 * Appends `document` as the next version, if the app is still at `baseVersion`. The app row's
 * name and slug follow the document. Returns the new version number.
 */
export async function appendVersion(options: {
  db: Db;
  app: { id: string; slug: string };
  user: SessionUser;
  document: AppDocument;
  message: string;
  baseVersion: number;
}): Promise<number> {
  const { db, app, user, message, baseVersion } = options;
  const document: AppDocument = { ...options.document, id: app.id };
  if (document.slug !== app.slug && (await db.app.findUnique({ where: { slug: document.slug } }))) {
    throw new TRPCError({ code: "CONFLICT", message: `Another app already uses the address /apps/${document.slug}; choose another slug.` });
  }
  const next = baseVersion + 1;
  return db.$transaction(async (tx) => {
    // Claim the next number only if nobody saved since the editor loaded: one conditional update.
    const claimed = await tx.app.updateMany({ where: { id: app.id, latestVersion: baseVersion }, data: { latestVersion: next, name: document.name, slug: document.slug } });
    if (claimed.count === 0) {
      const current = await tx.app.findUnique({ where: { id: app.id }, select: { latestVersion: true } });
      const newer = await tx.appVersion.findUnique({ where: { appId_number: { appId: app.id, number: current?.latestVersion ?? 0 } }, select: { authorEmail: true } });
      throw new TRPCError({
        code: "CONFLICT",
        message: `Version ${current?.latestVersion ?? "?"} was saved by ${newer?.authorEmail ?? "someone else"} after you opened version ${baseVersion}. Your changes are kept in this browser: reload to see theirs, then apply yours again.`,
      });
    }
    await tx.appVersion.create({
      data: { appId: app.id, number: next, document: stableStringify(document), message, authorId: user.id, authorEmail: user.email },
    });
    return next;
  });
}

export async function saveApp(options: { db: Db; user: SessionUser; input: { appId: string; baseVersion: number; document: unknown; message: string } }): Promise<SaveAppResult> {
  const { db, user, input } = options;
  const app = await loadApp(db, { id: input.appId });
  requireEditor(app, user);
  const document = parseDocumentOrThrow(input.document);
  // The saver must still be allowed to edit what they save (no locking oneself out by accident).
  if (!canEditApp(document, user)) {
    throw new TRPCError({ code: "BAD_REQUEST", message: "With these permissions you could no longer edit the app; add yourself or your role to who may edit." });
  }
  // Saving what the base version already holds makes no version: history lists real changes only.
  // The id is the server's (the client's is ignored), so it is set before comparing.
  const base = await versionDocument(db, app.id, input.baseVersion).catch(() => null);
  if (base && stableStringify(base) === stableStringify({ ...document, id: app.id })) {
    const result = validateAppDocument(document, await validationContext(db));
    return { version: input.baseVersion, problems: result.problems, unchanged: true };
  }
  const version = await appendVersion({ db, app, user, document, message: input.message, baseVersion: input.baseVersion });
  await recordAuditEvent({ db, actor: user, action: "app.save", target: { type: "app", id: app.id }, detail: { name: document.name, version, message: input.message } });
  const result = validateAppDocument(document, await validationContext(db));
  return { version, problems: result.problems, unchanged: false };
}

/** Sets a saved version's message (saving asks for none); the document itself never changes. */
export async function editVersionMessage(options: { db: Db; user: SessionUser; appId: string; version: number; message: string }): Promise<{ version: number; message: string }> {
  const { db, user } = options;
  const app = await loadApp(db, { id: options.appId });
  requireEditor(app, user);
  const row = await findVersionRow(db, app.id, options.version);
  await db.appVersion.update({ where: { appId_number: { appId: app.id, number: options.version } }, data: { message: options.message } });
  await recordAuditEvent({ db, actor: user, action: "app.version.message", target: { type: "app", id: app.id }, detail: { version: options.version, before: row.message, after: options.message } });
  return { version: options.version, message: options.message };
}

export async function listVersions(options: { db: Db; user: SessionUser; appId: string }): Promise<AppVersionSummary[]> {
  const app = await loadApp(options.db, { id: options.appId });
  requireEditor(app, options.user);
  const rows = await options.db.appVersion.findMany({ where: { appId: app.id }, orderBy: { number: "desc" }, select: { number: true, message: true, authorEmail: true, createdAt: true } });
  return rows.map((row) => versionSummary(row, app.publishedVersion));
}

export async function getVersion(options: { db: Db; user: SessionUser; appId: string; version: number }): Promise<{ version: AppVersionSummary; document: AppDocument }> {
  const app = await loadApp(options.db, { id: options.appId });
  requireEditor(app, options.user);
  const [row, document] = await Promise.all([findVersionRow(options.db, app.id, options.version), versionDocument(options.db, app.id, options.version)]);
  return { version: versionSummary(row, app.publishedVersion), document };
}

export async function restoreVersion(options: { db: Db; user: SessionUser; appId: string; version: number; baseVersion: number }): Promise<{ version: number }> {
  const { db, user } = options;
  const app = await loadApp(db, { id: options.appId });
  requireEditor(app, user);
  const document = await versionDocument(db, app.id, options.version);
  const version = await appendVersion({ db, app, user, document, message: `Restored version ${options.version}`, baseVersion: options.baseVersion });
  await recordAuditEvent({ db, actor: user, action: "app.restore", target: { type: "app", id: app.id }, detail: { restored: options.version, version } });
  return { version };
}

/** Publishing refuses a version with problems: operators never get a broken binding. */
export async function publishVersion(options: { db: Db; user: SessionUser; appId: string; version: number }): Promise<PublishResult> {
  const { db, user } = options;
  const app: LoadedApp = await loadApp(db, { id: options.appId });
  requireEditor(app, user);
  const document = await versionDocument(db, app.id, options.version);
  const parsed = appDocumentSchema.safeParse(document);
  // Editable table columns are checked against what the guard proves about their queries.
  const results = parsed.success ? await editableFacts(db, parsed.data) : {};
  const result = validateAppDocument(document, { ...(await validationContext(db)), results });
  if (!result.ok) {
    await recordAuditEvent({ db, actor: user, action: "app.publish", outcome: "denied", target: { type: "app", id: app.id }, detail: { version: options.version, problems: result.problems.length } });
    return { ok: false, problems: result.problems satisfies Problem[] };
  }
  await db.app.update({ where: { id: app.id }, data: { publishedVersion: options.version, publishedAt: new Date() } });
  await recordAuditEvent({ db, actor: user, action: "app.publish", target: { type: "app", id: app.id }, detail: { name: app.name, version: options.version, previous: app.publishedVersion } });
  return { ok: true, publishedVersion: options.version };
}
