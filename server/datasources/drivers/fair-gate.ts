/**
 * Fair admission to one source's connections, so one person's runaway work cannot starve
 * everyone else: at most `capacity` statements of the source run at once (its pool size), at
 * most `perUser` of them for one person, and when a place frees up the waiting statements are
 * served round-robin across people — the one served longest ago first — not in arrival order.
 * Six slow queries from a builder therefore occupy at most `perUser` connections and queue
 * behind each other, while an operator's quick query takes one of the places left.
 *
 * A waiting statement gives up at its deadline (`pool_exhausted`, as a wait for a pooled
 * connection always did) or when cancelled, and then never starts.
 */
import { CANCELLED_MESSAGE, formatSeconds } from "./results";
import { DriverError } from "./types";

interface Waiter {
  admit: (release: () => void) => void;
}

export interface GateOptions {
  /** Statements of this source that may run at once. */
  capacity: number;
  /** Statements of one person that may run at once (read at each admission). */
  perUser: () => number;
}

export interface EnterOptions {
  signal?: AbortSignal;
  /** Longest wait for a place; then the statement fails with `pool_exhausted` without starting. */
  timeoutMs: number;
}

const isPerson = (key: string): boolean => key.startsWith("user:");

export class FairGate {
  private running = 0;
  private internalCount = 0;
  private readonly runningByUser = new Map<string, number>();
  /** Waiters per person; Map order is the round-robin order (a served person moves to the end). */
  private readonly queues = new Map<string, Waiter[]>();

  constructor(private readonly options: GateOptions) {}

  /** One person's limit: never the whole source when it has room for someone else. */
  private userLimit(): number {
    const { capacity } = this.options;
    return Math.max(1, Math.min(this.options.perUser(), capacity > 1 ? capacity - 1 : 1));
  }

  /**
   * Waits for a place for `user` (null: an internal statement no person started, limited only by
   * the capacity) and resolves with the function that gives it back.
   */
  enter(user: string | null, options: EnterOptions): Promise<() => void> {
    if (options.signal?.aborted) return Promise.reject(new DriverError("cancelled", CANCELLED_MESSAGE));
    // Internal statements are each their own "person" in the rotation, without a per-person limit.
    const key = user === null ? `internal:${++this.internalCount}` : `user:${user}`;
    return new Promise((resolve, reject) => {
      let settled = false;
      const waiter: Waiter = {
        admit: (release) => {
          settled = true;
          clearTimeout(timer);
          options.signal?.removeEventListener("abort", onAbort);
          resolve(release);
        },
      };
      const giveUp = (error: DriverError) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        options.signal?.removeEventListener("abort", onAbort);
        this.remove(key, waiter);
        reject(error);
      };
      const onAbort = () => giveUp(new DriverError("cancelled", CANCELLED_MESSAGE));
      const timer = setTimeout(() => giveUp(this.waitedTooLong(key, options.timeoutMs)), options.timeoutMs);
      options.signal?.addEventListener("abort", onAbort, { once: true });
      const queue = this.queues.get(key);
      if (queue) queue.push(waiter);
      else this.queues.set(key, [waiter]);
      this.dispatch();
    });
  }

  private waitedTooLong(key: string, timeoutMs: number): DriverError {
    const own = isPerson(key) ? (this.runningByUser.get(key) ?? 0) : 0;
    if (own >= this.userLimit()) {
      return new DriverError(
        "pool_exhausted",
        `This query waited ${formatSeconds(timeoutMs)} and did not start: you already have ${own} queries running on this data source (at most ${this.userLimit()} at a time per person). Wait for them to finish or cancel them, then try again.`,
      );
    }
    return new DriverError("pool_exhausted", `All connections to this data source stayed busy for ${formatSeconds(timeoutMs)}, so this query did not start; try again when running queries have finished.`);
  }

  private remove(key: string, waiter: Waiter): void {
    const queue = this.queues.get(key);
    if (!queue) return;
    const index = queue.indexOf(waiter);
    if (index >= 0) queue.splice(index, 1);
    if (queue.length === 0) this.queues.delete(key);
  }

  private dispatch(): void {
    while (this.running < this.options.capacity) {
      const next = this.nextKey();
      if (next === null) return;
      const queue = this.queues.get(next) ?? [];
      const waiter = queue.shift();
      // Round-robin: whoever was just served goes to the back of the line.
      this.queues.delete(next);
      if (queue.length > 0) this.queues.set(next, queue);
      if (!waiter) continue;
      this.running += 1;
      this.runningByUser.set(next, (this.runningByUser.get(next) ?? 0) + 1);
      waiter.admit(this.releaser(next));
    }
  }

  /** The first person in rotation order who is under their limit. */
  private nextKey(): string | null {
    const limit = this.userLimit();
    for (const [key, queue] of this.queues) {
      if (queue.length === 0) continue;
      if (!isPerson(key) || (this.runningByUser.get(key) ?? 0) < limit) return key;
    }
    return null;
  }

  private releaser(key: string): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.running -= 1;
      const left = (this.runningByUser.get(key) ?? 1) - 1;
      if (left > 0) this.runningByUser.set(key, left);
      else this.runningByUser.delete(key);
      this.dispatch();
    };
  }

  /** Statements running and waiting, for tests and diagnostics. */
  get stats(): { running: number; waiting: number } {
    let waiting = 0;
    for (const queue of this.queues) waiting += queue[1].length;
    return { running: this.running, waiting };
  }
}
