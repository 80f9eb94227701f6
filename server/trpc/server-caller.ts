/**
 * Server components call procedures through the same router (so the same role checks apply)
 * with a context built from the request's cookies. Pages also use `requirePageRole` to send
 * anonymous visitors to sign-in and show "no access" to roles below the page's minimum.
 */
import { redirect } from "next/navigation";
import { hasRole, type Role } from "@/lib/roles";
import { createContextInner, nextCookieJar } from "@/server/trpc/context";
import { createCaller } from "@/server/trpc/root";
import type { CurrentSession } from "@/server/auth/sessions";

export async function getServerCaller() {
  const ctx = await createContextInner({ jar: await nextCookieJar() });
  return { caller: createCaller(ctx), session: ctx.session };
}

export type PageAccess = { allowed: true; session: CurrentSession } | { allowed: false; session: CurrentSession; minimum: Role };

export async function requirePageRole(minimum: Role): Promise<PageAccess> {
  const { session } = await getServerCaller();
  if (!session) redirect("/sign-in");
  return hasRole(session.user.role, minimum) ? { allowed: true, session } : { allowed: false, session, minimum };
}
