/**
 * Reading apps and their versions, and deciding which version a caller gets. Every procedure
 * that touches an app goes through `loadApp` + `resolveVersion`, so the access rules
 * (app-permissions.ts) are applied in one place.
 */
import { TRPCError } from "@trpc/server";
import { appDocumentSchema, type AppDocument } from "@/lib/app-document";
import type { AppSummary, AppVersionSummary, VersionRef } from "@/lib/schemas/apps";
import type { SessionUser } from "@/server/auth/sessions";
import type { Db } from "@/server/db/client";
import { canEditApp, canUseApp } from "./app-permissions";

/** An app row with its latest and published documents parsed. */
export interface LoadedApp extends Omit<AppSummary, "canEdit"> {
  latest: AppDocument;
  published: AppDocument | null;
}

export interface VersionRow {
  number: number;
  document: string;
  message: string;
  authorEmail: string;
  createdAt: Date;
}

/** Stored documents passed the schema when saved; parsing again applies today's defaults. */
export function parseStoredDocument(text: string): AppDocument {
  return appDocumentSchema.parse(JSON.parse(text));
}

const NOT_FOUND = "That app does not exist (it may have been removed).";

export async function findVersionRow(db: Db, appId: string, number: number): Promise<VersionRow> {
  const row = await db.appVersion.findUnique({ where: { appId_number: { appId, number } } });
  if (!row) throw new TRPCError({ code: "NOT_FOUND", message: `Version ${number} of this app does not exist.` });
  return row;
}

export async function loadApp(db: Db, where: { id: string } | { slug: string }): Promise<LoadedApp> {
  const app = await db.app.findUnique({ where });
  if (!app || app.latestVersion === 0) throw new TRPCError({ code: "NOT_FOUND", message: NOT_FOUND });
  const latest = parseStoredDocument((await findVersionRow(db, app.id, app.latestVersion)).document);
  const published =
    app.publishedVersion === null ? null : app.publishedVersion === app.latestVersion ? latest : parseStoredDocument((await findVersionRow(db, app.id, app.publishedVersion)).document);
  return { ...app, latest, published };
}

export function summarize(app: LoadedApp, user: SessionUser): AppSummary {
  return {
    id: app.id,
    slug: app.slug,
    name: app.name,
    description: app.description,
    updatedAt: app.updatedAt,
    latestVersion: app.latestVersion,
    publishedVersion: app.publishedVersion,
    canEdit: canEditApp(app.latest, user),
  };
}

export function versionSummary(row: VersionRow, publishedVersion: number | null): AppVersionSummary {
  return { number: row.number, message: row.message, authorEmail: row.authorEmail, createdAt: row.createdAt, published: row.number === publishedVersion };
}

/** Editors only: FORBIDDEN otherwise (after NOT_FOUND for apps the caller may not even use). */
export function requireEditor(app: LoadedApp, user: SessionUser): void {
  if (!canUseApp(app.published, app.latest, user)) throw new TRPCError({ code: "NOT_FOUND", message: NOT_FOUND });
  if (!canEditApp(app.latest, user)) throw new TRPCError({ code: "FORBIDDEN", message: `You may use ${app.name} but not edit it; its permissions name who may.` });
}

/**
 * The version a caller asked for, if they may see it: users get the published version only;
 * editors may ask for the draft (latest) or any number. Apps a caller may not use are reported
 * as missing, so their names do not leak.
 */
export async function resolveVersion(db: Db, app: LoadedApp, ref: VersionRef, user: SessionUser): Promise<{ row: VersionRow; document: AppDocument }> {
  if (!canUseApp(app.published, app.latest, user)) throw new TRPCError({ code: "NOT_FOUND", message: NOT_FOUND });
  const editor = canEditApp(app.latest, user);
  const number = ref === "draft" ? app.latestVersion : ref === "published" ? app.publishedVersion : ref;
  if (number === null) throw new TRPCError({ code: "NOT_FOUND", message: `${app.name} has not been published yet.` });
  if (!editor && (ref === "draft" || number !== app.publishedVersion)) {
    throw new TRPCError({ code: "FORBIDDEN", message: `Only the published version of ${app.name} is available to you.` });
  }
  const row = await findVersionRow(db, app.id, number);
  const document = number === app.latestVersion ? app.latest : number === app.publishedVersion && app.published ? app.published : parseStoredDocument(row.document);
  return { row, document };
}
