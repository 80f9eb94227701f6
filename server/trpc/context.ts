/**
 * tRPC context. `createContextInner` is what tests call directly (with an in-memory cookie
 * jar); the route handler builds the same from the request and Next's cookie store.
 */
import { cookies } from "next/headers";
import { db as defaultDb, type Db } from "@/server/db/client";
import { findCurrentSession, type CurrentSession } from "@/server/auth/sessions";
import type { CookieJar } from "@/server/auth/session-cookie";
import { clientAddressOf, parseTrustedProxies, peerAddressOf, type TrustedProxies } from "@/server/auth/client-address";

export interface ContextInnerOptions {
  db?: Db;
  jar: CookieJar;
  clientAddress?: string;
  userAgent?: string | null;
  /** Headers of the HTTP response being built (absent for server-side callers). */
  resHeaders?: Headers | null;
}

export interface Context {
  db: Db;
  jar: CookieJar;
  session: CurrentSession | null;
  clientAddress: string;
  userAgent: string | null;
  resHeaders: Headers | null;
}

export async function createContextInner(options: ContextInnerOptions): Promise<Context> {
  const db = options.db ?? defaultDb;
  return {
    db,
    jar: options.jar,
    session: await findCurrentSession({ db, jar: options.jar }),
    clientAddress: options.clientAddress ?? "local",
    userAgent: options.userAgent ?? null,
    resHeaders: options.resHeaders ?? null,
  };
}

/** A cookie jar over Next's request cookies (route handlers and server components). */
export async function nextCookieJar(): Promise<CookieJar> {
  const store = await cookies();
  return {
    get: (name) => store.get(name)?.value,
    set: (name, value, { maxAge }) => {
      store.set(name, value, { httpOnly: true, sameSite: "lax", secure: process.env.ROWCRAFT_SECURE_COOKIES === "true", path: "/", maxAge });
    },
    delete: (name) => store.delete(name),
  };
}

let trustedProxies: { setting: string | undefined; parsed: TrustedProxies } | undefined;

function configuredTrustedProxies(): TrustedProxies {
  const setting = process.env.ROWCRAFT_TRUSTED_PROXIES;
  if (!trustedProxies || trustedProxies.setting !== setting) trustedProxies = { setting, parsed: parseTrustedProxies(setting) };
  return trustedProxies.parsed;
}

export async function createRequestContext(request: Request, resHeaders: Headers | null = null): Promise<Context> {
  return createContextInner({
    resHeaders,
    jar: await nextCookieJar(),
    // Proxy headers count only from a configured trusted proxy (server/auth/client-address.ts).
    clientAddress: clientAddressOf(request.headers, peerAddressOf(request.headers), configuredTrustedProxies()),
    userAgent: request.headers.get("user-agent"),
  });
}
