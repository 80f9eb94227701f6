/** Fair admission: per-source capacity, per-person limit, round-robin service, deadlines and cancel while waiting. */
import { describe, expect, it } from "vitest";
import { DriverError } from "./types";
import { FairGate } from "./fair-gate";

const noWait = { timeoutMs: 10_000 };

describe("FairGate", () => {
  it("lets one person use at most their share, and another person in at once", async () => {
    const gate = new FairGate({ capacity: 3, perUser: () => 2 });
    const builder = Array.from({ length: 6 }, () => gate.enter("builder", noWait));
    const admitted: number[] = [];
    builder.forEach((entry, i) => void entry.then(() => admitted.push(i)));
    await Promise.resolve();
    expect(gate.stats).toEqual({ running: 2, waiting: 4 });
    const release = await gate.enter("operator", noWait);
    expect(gate.stats).toEqual({ running: 3, waiting: 4 });
    release();
    await Promise.resolve();
    // The freed place does not go to the builder: they are at their limit.
    expect(gate.stats).toEqual({ running: 2, waiting: 4 });
    expect(admitted).toEqual([0, 1]);
  });

  it("never gives one person the whole source when it has room for two", async () => {
    const gate = new FairGate({ capacity: 2, perUser: () => 5 });
    await gate.enter("builder", noWait);
    void gate.enter("builder", noWait);
    await Promise.resolve();
    expect(gate.stats).toEqual({ running: 1, waiting: 1 });
    await gate.enter("operator", noWait);
    expect(gate.stats.running).toBe(2);
  });

  it("serves waiting people round-robin, not in arrival order", async () => {
    const gate = new FairGate({ capacity: 1, perUser: () => 1 });
    const first = await gate.enter("a", noWait);
    const order: string[] = [];
    const queue = [
      ["a", 2],
      ["a", 3],
      ["a", 4],
      ["b", 1],
      ["c", 1],
    ] as const;
    const entries = queue.map(([user, n]) =>
      gate.enter(user, noWait).then((release) => {
        order.push(`${user}${n}`);
        release();
      }),
    );
    first();
    await Promise.all(entries);
    expect(order).toEqual(["a2", "b1", "c1", "a3", "a4"]);
  });

  it("gives up at the deadline with a message about the person's own running queries, and never starts later", async () => {
    const gate = new FairGate({ capacity: 5, perUser: () => 1 });
    const release = await gate.enter("builder", noWait);
    const waited = gate.enter("builder", { timeoutMs: 50 });
    await expect(waited).rejects.toMatchObject({ code: "pool_exhausted" });
    await expect(waited).rejects.toThrow(/you already have 1 queries running on this data source \(at most 1 at a time per person\)/);
    release();
    expect(gate.stats).toEqual({ running: 0, waiting: 0 });
  });

  it("gives up when cancelled while waiting", async () => {
    const gate = new FairGate({ capacity: 1, perUser: () => 1 });
    const release = await gate.enter("a", noWait);
    const controller = new AbortController();
    const waiting = gate.enter("b", { timeoutMs: 10_000, signal: controller.signal });
    controller.abort();
    const error: unknown = await waiting.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DriverError);
    expect((error as DriverError).code).toBe("cancelled");
    release();
    expect(gate.stats).toEqual({ running: 0, waiting: 0 });
  });

  it("limits internal statements (no person) only by the capacity", async () => {
    const gate = new FairGate({ capacity: 3, perUser: () => 1 });
    await Promise.all([gate.enter(null, noWait), gate.enter(null, noWait), gate.enter(null, noWait)]);
    expect(gate.stats).toEqual({ running: 3, waiting: 0 });
  });

  it("a release given twice frees one place only", async () => {
    const gate = new FairGate({ capacity: 2, perUser: () => 2 });
    const release = await gate.enter("a", noWait);
    await gate.enter("b", noWait);
    release();
    release();
    expect(gate.stats.running).toBe(1);
  });
});
