/** Checks a sign-in attempt: throttle first, then the password; audits the outcome either way. */
import { TRPCError } from "@trpc/server";
import type { Db } from "@/server/db/client";
import type { SignInInput } from "@/lib/schemas/users";
import { decoyPasswordHash, verifyPassword } from "@/server/auth/password";
import { clearFailures, recordFailure, remainingWaitMs } from "@/server/auth/login-throttle";
import { createSession } from "@/server/auth/sessions";
import type { CookieJar } from "@/server/auth/session-cookie";
import { recordAuditEvent } from "@/server/audit/record-audit-event";

export const WRONG_CREDENTIALS = "That email and password do not match an active account.";

export interface SignInOptions {
  db: Db;
  jar: CookieJar;
  input: SignInInput;
  clientAddress: string;
  userAgent: string | null;
}

export async function signIn(options: SignInOptions): Promise<{ userId: string }> {
  const { db, input } = options;
  const keys = [`email:${input.email}`, `ip:${options.clientAddress}`];
  const wait = await remainingWaitMs(db, keys);
  if (wait > 0) {
    await recordAuditEvent({ db, actor: null, action: "auth.sign_in", outcome: "denied", detail: { email: input.email, reason: "throttled" } });
    throw new TRPCError({
      code: "TOO_MANY_REQUESTS",
      message: `Too many failed sign-ins. Wait ${Math.ceil(wait / 1000)} seconds and try again.`,
    });
  }
  const user = await db.user.findUnique({ where: { email: input.email }, select: { id: true, email: true, passwordHash: true, active: true } });
  // Always run one Argon2 verification so response time does not reveal whether the email exists.
  const passwordOk = await verifyPassword(user?.passwordHash ?? (await decoyPasswordHash()), input.password);
  if (!user || !user.active || !passwordOk) {
    await recordFailure(db, keys);
    await recordAuditEvent({ db, actor: null, action: "auth.sign_in", outcome: "denied", detail: { email: input.email, reason: "wrong_credentials" } });
    throw new TRPCError({ code: "UNAUTHORIZED", message: WRONG_CREDENTIALS });
  }
  await clearFailures(db, keys);
  await createSession({ db, jar: options.jar, userId: user.id, userAgent: options.userAgent });
  await recordAuditEvent({ db, actor: { id: user.id, email: user.email }, action: "auth.sign_in", target: { type: "user", id: user.id } });
  return { userId: user.id };
}
