/**
 * Checks a sign-in attempt: reserve a failure under the throttle keys first (atomically), then
 * check the password; audits the outcome either way. See login-throttle.ts for the limits.
 */
import { TRPCError } from "@trpc/server";
import type { Db } from "@/server/db/client";
import type { SignInInput } from "@/lib/schemas/users";
import { decoyPasswordHash, verifyPassword } from "@/server/auth/password";
import { LIMITS, reserveAttempt, settleSuccess, type ThrottleKey } from "@/server/auth/login-throttle";
import { rememberDevice, trustedDeviceFor } from "@/server/auth/trusted-device";
import { UNKNOWN_CLIENT } from "@/server/auth/client-address";
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
  const deviceId = await trustedDeviceFor(options.jar, input.email);
  const addressKey: ThrottleKey = { key: `ip:${options.clientAddress}`, limit: options.clientAddress === UNKNOWN_CLIENT ? LIMITS.sharedAddress : LIMITS.address };
  const accountKey: ThrottleKey = deviceId ? { key: `device:${deviceId}`, limit: LIMITS.device } : { key: `email:${input.email}`, limit: LIMITS.account };
  // A trusted device is counted on its own: whatever others do from its address or against its account.
  const reservation = await reserveAttempt(db, deviceId ? [accountKey] : [addressKey, accountKey]);
  if (!reservation.allowed) {
    await recordAuditEvent({ db, actor: null, action: "auth.sign_in", outcome: "denied", detail: { email: input.email, reason: "throttled" } });
    throw new TRPCError({
      code: "TOO_MANY_REQUESTS",
      message: `Too many failed sign-ins. Wait ${Math.ceil(reservation.waitMs / 1000)} seconds and try again.`,
    });
  }
  const user = await db.user.findUnique({ where: { email: input.email }, select: { id: true, email: true, passwordHash: true, active: true } });
  // Always run one Argon2 verification so response time does not reveal whether the email exists.
  const passwordOk = await verifyPassword(user?.passwordHash ?? (await decoyPasswordHash()), input.password);
  if (!user || !user.active || !passwordOk) {
    await recordAuditEvent({ db, actor: null, action: "auth.sign_in", outcome: "denied", detail: { email: input.email, reason: "wrong_credentials" } });
    throw new TRPCError({ code: "UNAUTHORIZED", message: WRONG_CREDENTIALS });
  }
  await settleSuccess(db, { clear: [accountKey.key], refund: deviceId ? [] : [addressKey.key] });
  await rememberDevice(options.jar, user.email, deviceId);
  await createSession({ db, jar: options.jar, userId: user.id, userAgent: options.userAgent });
  await recordAuditEvent({ db, actor: { id: user.id, email: user.email }, action: "auth.sign_in", target: { type: "user", id: user.id } });
  return { userId: user.id };
}
