/**
 * The trusted-device cookie (OWASP's "device cookie" defence against account lock-out): after a
 * successful sign-in the browser gets a sealed cookie naming the account and a random device
 * id. Later attempts for that account from that browser are counted under the device, not
 * under the account, so failures a stranger causes from elsewhere never slow the owner down on
 * a browser they have used before. The seal stops anyone from forging one for another account.
 */
import { randomBytes } from "node:crypto";
import { sealData, unsealData } from "iron-session";
import { getSecrets } from "@/server/config/secrets";
import type { CookieJar } from "@/server/auth/session-cookie";

export const DEVICE_COOKIE = "rowcraft_device";
export const DEVICE_TTL_SECONDS = 60 * 60 * 24 * 365;

interface SealedDevice {
  email: string;
  deviceId: string;
}

/** The device id this browser holds for `email`, or null when it holds none (or one for another account). */
export async function trustedDeviceFor(jar: CookieJar, email: string): Promise<string | null> {
  const seal = jar.get(DEVICE_COOKIE);
  if (!seal) return null;
  try {
    const data = await unsealData<Partial<SealedDevice>>(seal, { password: getSecrets().sessionSecret, ttl: DEVICE_TTL_SECONDS });
    return data.email === email && typeof data.deviceId === "string" ? data.deviceId : null;
  } catch {
    return null;
  }
}

/** Marks this browser as one `email` signs in from (keeps the id it already had for that account). */
export async function rememberDevice(jar: CookieJar, email: string, existing: string | null): Promise<void> {
  const device: SealedDevice = { email, deviceId: existing ?? randomBytes(16).toString("base64url") };
  jar.set(DEVICE_COOKIE, await sealData(device, { password: getSecrets().sessionSecret, ttl: DEVICE_TTL_SECONDS }), { maxAge: DEVICE_TTL_SECONDS });
}
