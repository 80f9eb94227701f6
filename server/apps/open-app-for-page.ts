/**
 * What the app pages (run, edit, compare) show: the opened app, or — for an app that is missing,
 * unpublished, not for this user, or a malformed address — the reason as a message to render
 * instead of an error page. Anything else is a real failure and is thrown.
 */
import { TRPCError } from "@trpc/server";
import type { OpenAppView, VersionRef } from "@/lib/schemas/apps";
import { getServerCaller } from "@/server/trpc/server-caller";

const EXPLAINED = new Set<TRPCError["code"]>(["NOT_FOUND", "FORBIDDEN", "BAD_REQUEST"]);

export type OpenedForPage = { ok: true; view: OpenAppView } | { ok: false; code: TRPCError["code"]; message: string };

/** Call after `requirePageRole` (pages must check the session first). */
export async function openAppForPage(slug: string, version: VersionRef): Promise<OpenedForPage> {
  const { caller } = await getServerCaller();
  try {
    return { ok: true, view: await caller.apps.open({ slug, version }) };
  } catch (error) {
    if (error instanceof TRPCError && EXPLAINED.has(error.code)) return { ok: false, code: error.code, message: error.message };
    throw error;
  }
}
