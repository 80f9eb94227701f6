/**
 * The apps API: versions of app documents, publishing, and running a published (or, for its
 * editors, the draft) app's queries, edits and actions. The document itself is
 * `lib/app-document`; these are the requests and answers around it.
 *
 * Versions: every save is a new version (1, 2, …); the latest is the draft builders see. One
 * version may be published; operators and viewers only ever get that one.
 */
import { z } from "zod";
import type { AppDocument, Problem } from "@/lib/app-document";
import type { ActionSummary } from "@/lib/schemas/actions";
import type { Role } from "@/lib/roles";
import { paramValueSchema } from "@/lib/schemas/queries";
import { saveTableChangesInput } from "@/lib/schemas/tables";

export const appSlugSchema = z
  .string()
  .trim()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: "Use lower-case letters, digits and dashes, like order-desk." })
  .max(100);

/** The address derived from an app's name: "Late shipments!" → "late-shipments" (the server may add -2, -3 when taken). */
export function slugify(name: string): string {
  const slug = name
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
  return slug || "app";
}

/** Which version: the latest saved ("draft", editors only), the published one, or a number (editors only, unless it is the published one). */
export const versionRefSchema = z.union([z.literal("draft"), z.literal("published"), z.number().int().positive()]);
export type VersionRef = z.infer<typeof versionRefSchema>;

export const appIdInput = z.object({ appId: z.string().min(1) });

export const openAppInput = z.object({ slug: appSlugSchema, version: versionRefSchema.default("published") });
export type OpenAppInput = z.input<typeof openAppInput>;

export const createAppInput = z.object({
  name: z.string().trim().min(1, { message: "Give the app a name." }).max(100),
  /** Derived from the name when absent. */
  slug: appSlugSchema.optional(),
  description: z.string().trim().max(500).default(""),
});

export const saveAppInput = z.object({
  appId: z.string().min(1),
  /** The version the editor started from; saving fails with CONFLICT when someone saved after it. */
  baseVersion: z.number().int().positive(),
  /** Parsed by the server with appDocumentSchema (the error names the path). */
  document: z.unknown(),
  message: z.string().trim().max(500).default(""),
});

export const versionNumberInput = z.object({ appId: z.string().min(1), version: z.number().int().positive() });

export const restoreVersionInput = versionNumberInput.extend({ baseVersion: z.number().int().positive() });

/** A version's message is the one thing of a version that may change after saving. */
export const editVersionMessageInput = versionNumberInput.extend({ message: z.string().trim().max(500) });

export const importAppInput = z.object({
  /** The exported JSON file's text. */
  text: z.string().min(1).max(2_000_000),
  /** Import as a new version of this app; a new app when absent (its slug must be free). */
  appId: z.string().min(1).optional(),
  message: z.string().trim().max(500).default(""),
});

export const runAppQueryInput = z.object({
  appId: z.string().min(1),
  version: versionRefSchema,
  queryId: z.string().min(1).max(64),
  /** The evaluated `{{ }}` values, keyed by the expression text inside the braces, trimmed. */
  params: z.record(z.string(), paramValueSchema).default({}),
  /** Writes only: run in a transaction that is always rolled back and report what would change (a button's confirmation). */
  preview: z.boolean().default(false),
  runId: z.string().min(8).max(64),
});
export type RunAppQueryInput = z.input<typeof runAppQueryInput>;

/**
 * Staged cell edits of an app table widget's rows, saved like the table editor's (one
 * transaction, optimistic concurrency). Keys and columns are the RESULT's column names (the
 * grid's); the server maps them to the table's through the guard's reading of the query, and
 * only columns the widget marks editable may change. Conflicts come back in result names too.
 */
export const saveAppEditsInput = saveTableChangesInput.pick({ updates: true, overwrite: true }).extend({
  appId: z.string().min(1),
  version: versionRefSchema,
  widgetId: z.string().min(1).max(64),
  /** The values the widget's query ran with (the guard re-derives which table and columns are editable). */
  params: z.record(z.string(), paramValueSchema).default({}),
});
export type SaveAppEditsInput = z.input<typeof saveAppEditsInput>;

export interface AppSummary {
  id: string;
  slug: string;
  name: string;
  description: string;
  updatedAt: Date;
  latestVersion: number;
  publishedVersion: number | null;
  /** The caller may edit it (builders and admins allowed by its edit permission). */
  canEdit: boolean;
}

export interface AppVersionSummary {
  number: number;
  message: string;
  authorEmail: string;
  createdAt: Date;
  published: boolean;
}

/** What the builder and the runtime get for one version of an app. */
export interface OpenAppView {
  app: AppSummary;
  version: AppVersionSummary;
  document: AppDocument;
  /** Validation problems of this version (editors only; [] for users). */
  problems: Problem[];
  /** The actions the document refers to, as `actions.list` describes them. */
  actions: ActionSummary[];
  /** Who is looking: bindings read it as `currentUser`. */
  currentUser: { id: string; email: string; name: string; role: Role };
}

/** `unchanged`: the document equals the base version's, so no version was made (`version` is the base). */
export type SaveAppResult = { version: number; problems: Problem[]; unchanged: boolean };

export type PublishResult = { ok: true; publishedVersion: number } | { ok: false; problems: Problem[] };

export type ImportAppResult = { ok: true; appId: string; slug: string; version: number; problems: Problem[] } | { ok: false; problems: Problem[] };
