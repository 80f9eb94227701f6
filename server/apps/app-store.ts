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

/** What is said about a version (its document is read with versionDocument). */
export interface VersionRow {
  number: number;
  message: string;
  authorEmail: string;
  createdAt: Date;
}

/** Stored documents passed the schema when saved; parsing again applies today's defaults. */
export function parseStoredDocument(text: string): AppDocument {
  return appDocumentSchema.parse(JSON.parse(text));
}

const NOT_FOUND = "That app does not exist (it may have been removed).";
const missingVersion = (number: number) => new TRPCError({ code: "NOT_FOUND", message: `Version ${number} of this app does not exist.` });

export async function findVersionRow(db: Db, appId: string, number: number): Promise<VersionRow> {
  const row = await db.appVersion.findUnique({ where: { appId_number: { appId, number } }, select: { number: true, message: true, authorEmail: true, createdAt: true } });
  if (!row) throw missingVersion(number);
  return row;
}

// A saved version never changes, so its parsed document is kept (per metadata database, the
// oldest dropped first): running an app's queries would otherwise read and parse two documents
// for every query. Callers must not mutate the documents they get.
const documents = new WeakMap<Db, Map<string, AppDocument>>();
const MAX_CACHED_DOCUMENTS = 500;

export async function versionDocument(db: Db, appId: string, number: number): Promise<AppDocument> {
  let cache = documents.get(db);
  if (!cache) documents.set(db, (cache = new Map()));
  const key = `${appId}:${number}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const row = await db.appVersion.findUnique({ where: { appId_number: { appId, number } }, select: { document: true } });
  if (!row) throw missingVersion(number);
  const document = parseStoredDocument(row.document);
  if (cache.size >= MAX_CACHED_DOCUMENTS) cache.delete(cache.keys().next().value ?? "");
  cache.set(key, document);
  return document;
}

/** A removed app's versions are gone: drop their documents too. */
export function forgetAppDocuments(db: Db, appId: string): void {
  const cache = documents.get(db);
  for (const key of cache?.keys() ?? []) if (key.startsWith(`${appId}:`)) cache?.delete(key);
}

type AppRow = Omit<LoadedApp, "latest" | "published">;

/** An app row with its latest and published documents. */
export async function withDocuments(db: Db, app: AppRow): Promise<LoadedApp> {
  const [latest, published] = await Promise.all([
    versionDocument(db, app.id, app.latestVersion),
    app.publishedVersion === null ? null : versionDocument(db, app.id, app.publishedVersion),
  ]);
  return { ...app, latest, published };
}

export async function loadApp(db: Db, where: { id: string } | { slug: string }): Promise<LoadedApp> {
  const app = await db.app.findUnique({ where });
  if (!app || app.latestVersion === 0) throw new TRPCError({ code: "NOT_FOUND", message: NOT_FOUND });
  return withDocuments(db, app);
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
export async function resolveVersion(db: Db, app: LoadedApp, ref: VersionRef, user: SessionUser): Promise<{ number: number; document: AppDocument }> {
  if (!canUseApp(app.published, app.latest, user)) throw new TRPCError({ code: "NOT_FOUND", message: NOT_FOUND });
  const editor = canEditApp(app.latest, user);
  const number = ref === "draft" ? app.latestVersion : ref === "published" ? app.publishedVersion : ref;
  if (number === null) throw new TRPCError({ code: "NOT_FOUND", message: `${app.name} has not been published yet.` });
  if (!editor && (ref === "draft" || number !== app.publishedVersion)) {
    throw new TRPCError({ code: "FORBIDDEN", message: `Only the published version of ${app.name} is available to you.` });
  }
  return { number, document: await versionDocument(db, app.id, number) };
}
