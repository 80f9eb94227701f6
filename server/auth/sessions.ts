/** Server-side sessions: create on sign-in, resolve on each request, delete on sign-out. */
import { randomBytes } from "node:crypto";
import type { Db } from "@/server/db/client";
import { roleSchema, type Role } from "@/lib/roles";
import { SESSION_COOKIE, SESSION_TTL_SECONDS, sealSessionId, unsealSessionId, type CookieJar } from "@/server/auth/session-cookie";

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
}

export interface CurrentSession {
  sessionId: string;
  user: SessionUser;
}

export async function createSession(options: { db: Db; jar: CookieJar; userId: string; userAgent?: string | null }): Promise<void> {
  const id = randomBytes(24).toString("base64url");
  await options.db.session.create({
    data: { id, userId: options.userId, expiresAt: new Date(Date.now() + SESSION_TTL_SECONDS * 1000), userAgent: options.userAgent ?? null },
  });
  options.jar.set(SESSION_COOKIE, await sealSessionId(id), { maxAge: SESSION_TTL_SECONDS });
}

export async function findCurrentSession(options: { db: Db; jar: CookieJar }): Promise<CurrentSession | null> {
  const seal = options.jar.get(SESSION_COOKIE);
  if (!seal) return null;
  const sid = await unsealSessionId(seal);
  if (!sid) return null;
  const row = await options.db.session.findUnique({
    where: { id: sid },
    select: { id: true, expiresAt: true, user: { select: { id: true, email: true, name: true, role: true, active: true } } },
  });
  if (!row || row.expiresAt.getTime() < Date.now() || !row.user.active) return null;
  const role = roleSchema.safeParse(row.user.role);
  if (!role.success) return null;
  return { sessionId: row.id, user: { id: row.user.id, email: row.user.email, name: row.user.name, role: role.data } };
}

export async function destroySession(options: { db: Db; jar: CookieJar; sessionId: string | null }): Promise<void> {
  if (options.sessionId) await options.db.session.deleteMany({ where: { id: options.sessionId } });
  options.jar.delete(SESSION_COOKIE);
}
