/**
 * The session cookie: an iron-session seal of the server-side session id. The cookie is
 * http-only, SameSite=Lax and Secure over HTTPS; the seal stops forging, and the Session row
 * lets us revoke it (sign-out, deactivation).
 */
import { sealData, unsealData } from "iron-session";
import { getSecrets } from "@/server/config/secrets";

export const SESSION_COOKIE = "rowcraft_session";
export const SESSION_TTL_SECONDS = 60 * 60 * 24 * 7;

interface SealedSession {
  sid: string;
}

export function sealSessionId(sid: string): Promise<string> {
  return sealData({ sid } satisfies SealedSession, { password: getSecrets().sessionSecret, ttl: SESSION_TTL_SECONDS });
}

export async function unsealSessionId(seal: string): Promise<string | null> {
  try {
    const data = await unsealData<Partial<SealedSession>>(seal, { password: getSecrets().sessionSecret, ttl: SESSION_TTL_SECONDS });
    return typeof data.sid === "string" ? data.sid : null;
  } catch {
    return null;
  }
}

/** Where the session cookie is read from and written to: Next's cookies() in the app, a plain object in tests. */
export interface CookieJar {
  get(name: string): string | undefined;
  set(name: string, value: string, options: { maxAge: number }): void;
  delete(name: string): void;
}
