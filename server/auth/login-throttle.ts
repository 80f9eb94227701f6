/**
 * Slows repeated failed sign-ins, in the metadata database so a restart does not reset it.
 *
 * Each attempt first *reserves* a failure under every key it is counted under (the client
 * address, and the account or the trusted device), atomically, and only then is the password
 * checked: so N parallel attempts can never get more password checks than the allowance. A
 * successful sign-in gives its reservation back (see `settleSuccess`).
 *
 * The limits (defaults, see LIMITS):
 * - per address: 5 free failures, then each attempt must wait 1 s, 2 s, 4 s … up to 15 min
 *   after the previous one. This is what stops one machine from guessing.
 * - per account, from browsers the account has not signed in from before: 10 free failures,
 *   then 1 s doubling up to 5 min. A slow-down, not a lock: spraying one account from many
 *   addresses gets at most one guess every 5 minutes (288 a day), and the owner can still try.
 * - per trusted device (a browser that signed in to this account before and holds its sealed
 *   device cookie): the same numbers as per account, counted for that browser only and instead
 *   of the address and account counts — so a stranger's failures, from anywhere, never slow
 *   the owner down on their usual browser.
 * - when the client address is unknown (not served by scripts/serve.mjs), all clients share
 *   one address key with a gentler limit: 20 free failures, then 1 s doubling up to 60 s, so a
 *   stranger can slow new sign-ins site-wide but never lock them out for long.
 * Counts are forgotten 24 h after a key's last failure.
 */
import type { Db } from "@/server/db/client";

export interface ThrottleLimit {
  freeFailures: number;
  maxDelayMs: number;
}

export const LIMITS = {
  address: { freeFailures: 5, maxDelayMs: 15 * 60 * 1000 },
  sharedAddress: { freeFailures: 20, maxDelayMs: 60 * 1000 },
  account: { freeFailures: 10, maxDelayMs: 5 * 60 * 1000 },
  device: { freeFailures: 10, maxDelayMs: 5 * 60 * 1000 },
} satisfies Record<string, ThrottleLimit>;

export const FORGET_AFTER_MS = 24 * 60 * 60 * 1000;

export interface ThrottleKey {
  key: string;
  limit: ThrottleLimit;
}

export function requiredDelayMs(failures: number, limit: ThrottleLimit): number {
  if (failures < limit.freeFailures) return 0;
  return Math.min(1000 * 2 ** (failures - limit.freeFailures), limit.maxDelayMs);
}

interface Row {
  failures: number;
  lastFailure: Date;
}

/** Failures that still count at `now`, and how long an attempt must still wait. */
function assess(row: Row | null, limit: ThrottleLimit, now: number): { failures: number; waitMs: number } {
  if (!row || now - row.lastFailure.getTime() > FORGET_AFTER_MS) return { failures: 0, waitMs: 0 };
  return { failures: row.failures, waitMs: Math.max(0, row.lastFailure.getTime() + requiredDelayMs(row.failures, limit) - now) };
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}

/**
 * Counts one failure under `key` if an attempt is allowed now; returns the wait otherwise.
 * Compare-and-set on the row, retried on contention, so concurrent reservations cannot both
 * read the same count and both pass.
 */
async function reserveKey(db: Db, { key, limit }: ThrottleKey, now: number): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const row = await db.loginThrottle.findUnique({ where: { key } });
    if (!row) {
      const created = await db.loginThrottle.create({ data: { key, failures: 1, lastFailure: new Date(now) } }).then(
        () => true,
        (error: unknown) => {
          // Another attempt created the row first: read it again and compare-and-set instead.
          if (isUniqueViolation(error)) return false;
          throw error;
        },
      );
      if (created) return 0;
      continue;
    }
    const { failures, waitMs } = assess(row, limit, now);
    if (waitMs > 0) return waitMs;
    const swapped = await db.loginThrottle.updateMany({
      where: { key, failures: row.failures, lastFailure: row.lastFailure },
      data: { failures: failures + 1, lastFailure: new Date(now) },
    });
    if (swapped.count === 1) return 0;
  }
  // Heavy contention on one key: treat it as a reason to wait rather than let the attempt through.
  return 1000;
}

/**
 * Reserves one attempt under every key, or says how long to wait (ms) if any key is throttled.
 * A key already reserved when a later one turns out throttled keeps its count: the attempt
 * was made, and erring towards counting is the safe side.
 */
export async function reserveAttempt(db: Db, keys: ThrottleKey[], now = Date.now()): Promise<{ allowed: true } | { allowed: false; waitMs: number }> {
  const rows = await db.loginThrottle.findMany({ where: { key: { in: keys.map((entry) => entry.key) } } });
  let wait = 0;
  for (const entry of keys) {
    wait = Math.max(wait, assess(rows.find((row) => row.key === entry.key) ?? null, entry.limit, now).waitMs);
  }
  if (wait > 0) return { allowed: false, waitMs: wait };
  for (const entry of keys) {
    const keyWait = await reserveKey(db, entry, now);
    if (keyWait > 0) return { allowed: false, waitMs: keyWait };
  }
  return { allowed: true };
}

/**
 * After a correct password: the account (or device) key is cleared — its owner proved who they
 * are — while the address key only gets this attempt's reservation back, so someone guessing
 * other accounts cannot reset their address count by signing in to their own in between.
 */
export async function settleSuccess(db: Db, options: { clear: string[]; refund: string[] }): Promise<void> {
  await db.loginThrottle.deleteMany({ where: { key: { in: options.clear } } });
  await db.loginThrottle.updateMany({ where: { key: { in: options.refund }, failures: { gt: 0 } }, data: { failures: { decrement: 1 } } });
}
