/** Acquire deadlines and the abort/backstop watch, with fake timers. */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { acquireWithin, checkRequest, ExecutionWatch, HARD_STOP_GRACE_MS } from "./execution";
import { DriverError } from "./types";

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe("acquireWithin", () => {
  it("resolves with the connection when it arrives in time", async () => {
    await expect(acquireWithin({ acquire: async () => "conn", releaseLate: vi.fn(), timeoutMs: 100, saturated: false, where: "h" })).resolves.toBe("conn");
  });

  it("fails with pool_exhausted when every connection was busy, and gives back a late one", async () => {
    let deliver: (value: string) => void = () => undefined;
    const releaseLate = vi.fn();
    const waiting = acquireWithin({ acquire: () => new Promise<string>((resolve) => (deliver = resolve)), releaseLate, timeoutMs: 100, saturated: true, where: "h" });
    const outcome = expect(waiting).rejects.toMatchObject({ code: "pool_exhausted" });
    await vi.advanceTimersByTimeAsync(100);
    await outcome;
    deliver("late");
    await vi.advanceTimersByTimeAsync(0);
    expect(releaseLate).toHaveBeenCalledWith("late");
  });

  it("fails with timeout when connecting was slow, and classifies the pool's own timeout the same way", async () => {
    const slow = acquireWithin({ acquire: () => new Promise<string>(() => undefined), releaseLate: vi.fn(), timeoutMs: 100, saturated: false, where: "h:1" });
    const outcome = expect(slow).rejects.toMatchObject({ code: "timeout", message: "Could not connect to h:1 within 0.1 s." });
    await vi.advanceTimersByTimeAsync(100);
    await outcome;
    const pool = acquireWithin({ acquire: () => Promise.reject(new Error("pool timeout")), releaseLate: vi.fn(), timeoutMs: 100, saturated: true, where: "h", isPoolTimeout: () => true });
    await expect(pool).rejects.toMatchObject({ code: "pool_exhausted" });
  });

  it("stops waiting when the signal aborts", async () => {
    const controller = new AbortController();
    const waiting = acquireWithin({ acquire: () => new Promise<string>(() => undefined), releaseLate: vi.fn(), timeoutMs: 10_000, saturated: true, where: "h", signal: controller.signal });
    controller.abort();
    await expect(waiting).rejects.toMatchObject({ code: "cancelled" });
  });
});

describe("ExecutionWatch", () => {
  it("interrupts once on abort, then hard-stops if the statement does not end", async () => {
    const controller = new AbortController();
    const interrupt = vi.fn(async () => undefined);
    const hardStop = vi.fn();
    const watch = new ExecutionWatch({ signal: controller.signal, backstopMs: 10_000, interrupt, hardStop });
    controller.abort();
    expect(watch).toMatchObject({ cancelled: true, timedOut: false, interrupted: true });
    expect(interrupt).toHaveBeenCalledWith("cancel");
    await vi.advanceTimersByTimeAsync(HARD_STOP_GRACE_MS);
    expect(hardStop).toHaveBeenCalledTimes(1);
    watch.dispose();
  });

  it("fires the backstop at the deadline, and nothing after dispose", async () => {
    const interrupt = vi.fn(async () => undefined);
    const hardStop = vi.fn();
    const watch = new ExecutionWatch({ backstopMs: 500, interrupt, hardStop });
    await vi.advanceTimersByTimeAsync(500);
    expect(watch.timedOut).toBe(true);
    expect(interrupt).toHaveBeenCalledWith("timeout");
    watch.dispose();
    await vi.advanceTimersByTimeAsync(HARD_STOP_GRACE_MS);
    expect(hardStop).not.toHaveBeenCalled();
  });
});

describe("checkRequest", () => {
  const ok = { sql: "SELECT 1", values: [], mode: "read" as const, timeoutMs: 1_000, rowCap: 10 };
  it("accepts a sane request and refuses ones that would disable a limit", () => {
    expect(() => checkRequest(ok)).not.toThrow();
    for (const bad of [{ ...ok, sql: " " }, { ...ok, timeoutMs: 0 }, { ...ok, timeoutMs: Number.POSITIVE_INFINITY }, { ...ok, rowCap: -1 }, { ...ok, rowCap: 1.5 }, { ...ok, maxAffectedRows: -2 }]) {
      expect(() => checkRequest(bad)).toThrow(DriverError);
    }
  });
});
