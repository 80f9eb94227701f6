/**
 * Request ids seen within the replay window. A signed request is accepted once: the same bytes
 * sent again (a replay by whoever captured them) are refused, and after the window the timestamp
 * check refuses them. In memory per process — the idempotency store is what makes a replay that
 * reaches ANOTHER instance harmless (same key ⇒ not executed again).
 */
export interface NonceCache {
  /** False when the id was already seen and has not expired. */
  remember(id: string, now: number): boolean;
}

export function createNonceCache(options: { windowMs: number; maxEntries?: number }): NonceCache {
  // Twice the window: a timestamp may be up to one window in the future as well as in the past.
  const keepMs = options.windowMs * 2;
  const maxEntries = options.maxEntries ?? 1_000_000;
  const seen = new Map<string, number>();
  let nextSweep = 0;
  const sweep = (now: number) => {
    // Insertion order is expiry order, so the scan stops at the first live entry.
    for (const [id, expires] of seen) {
      if (expires > now) break;
      seen.delete(id);
    }
  };
  return {
    remember(id, now) {
      if (now >= nextSweep || seen.size >= maxEntries) {
        sweep(now);
        nextSweep = now + 1_000;
      }
      const expires = seen.get(id);
      if (expires !== undefined && expires > now) return false;
      // Full of live ids (a flood of valid, signed requests): forget the oldest rather than refuse everyone.
      if (seen.size >= maxEntries) {
        const oldest = seen.keys().next();
        if (!oldest.done) seen.delete(oldest.value);
      }
      seen.delete(id);
      seen.set(id, now + keepMs);
      return true;
    },
  };
}
