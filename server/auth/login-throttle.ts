/**
 * Slows repeated failed sign-ins. After FREE_FAILURES failures for a key (the email, and
 * separately the client address) each further attempt must wait an exponentially growing
 * delay since the last failure. Stored in the metadata database so a restart does not reset it.
 */
import type { Db } from "@/server/db/client";

const FREE_FAILURES = 5;
const MAX_DELAY_MS = 15 * 60 * 1000;

export function requiredDelayMs(failures: number): number {
  if (failures < FREE_FAILURES) return 0;
  return Math.min(1000 * 2 ** (failures - FREE_FAILURES), MAX_DELAY_MS);
}

/** Milliseconds the caller must still wait before trying again under any of these keys (0 = may try). */
export async function remainingWaitMs(db: Db, keys: string[], now = Date.now()): Promise<number> {
  const rows = await db.loginThrottle.findMany({ where: { key: { in: keys } } });
  let wait = 0;
  for (const row of rows) {
    wait = Math.max(wait, row.lastFailure.getTime() + requiredDelayMs(row.failures) - now);
  }
  return Math.max(0, wait);
}

export async function recordFailure(db: Db, keys: string[]): Promise<void> {
  for (const key of keys) {
    await db.loginThrottle.upsert({
      where: { key },
      create: { key, failures: 1, lastFailure: new Date() },
      update: { failures: { increment: 1 }, lastFailure: new Date() },
    });
  }
}

export async function clearFailures(db: Db, keys: string[]): Promise<void> {
  await db.loginThrottle.deleteMany({ where: { key: { in: keys } } });
}
