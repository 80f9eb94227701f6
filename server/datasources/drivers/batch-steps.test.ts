/** The batch rules every driver shares: refused requests, the commit rule, running on after a mismatch, the whole-batch deadline. */
import { describe, expect, it } from "vitest";
import { batchCheckpoint, batchMatches, checkBatchRequest, runBatchStatements } from "./batch-steps";
import { DriverError, type BatchStatement } from "./types";

const statement = (expectedAffected: number, sql = "UPDATE t SET a = 1 WHERE id = 1"): BatchStatement => ({ sql, values: [], expectedAffected });

function codeOf(run: () => void): string | null {
  try {
    run();
    return null;
  } catch (error) {
    return error instanceof DriverError ? error.code : "not a DriverError";
  }
}

describe("checkBatchRequest", () => {
  it("accepts a well-formed batch, also an empty one", () => {
    expect(codeOf(() => checkBatchRequest({ statements: [statement(1), statement(0)], timeoutMs: 1_000 }))).toBeNull();
    expect(codeOf(() => checkBatchRequest({ statements: [], timeoutMs: 1_000 }))).toBeNull();
  });

  it("refuses a missing timeout, a statement without SQL or values, and counts that cannot be met", () => {
    expect(codeOf(() => checkBatchRequest({ statements: [statement(1)], timeoutMs: 0 }))).toBe("database_error");
    expect(codeOf(() => checkBatchRequest({ statements: [statement(1)], timeoutMs: Number.NaN }))).toBe("database_error");
    expect(codeOf(() => checkBatchRequest({ statements: [statement(1, " ")], timeoutMs: 1_000 }))).toBe("syntax_error");
    expect(codeOf(() => checkBatchRequest({ statements: [{ sql: "DELETE FROM t", values: null as unknown as unknown[], expectedAffected: 1 }], timeoutMs: 1_000 }))).toBe("database_error");
    expect(codeOf(() => checkBatchRequest({ statements: [statement(-1)], timeoutMs: 1_000 }))).toBe("database_error");
    expect(codeOf(() => checkBatchRequest({ statements: [statement(1.5)], timeoutMs: 1_000 }))).toBe("database_error");
  });
});

describe("batchMatches", () => {
  it("commits only when every count is exactly the expected one", () => {
    expect(batchMatches([statement(1), statement(2)], [1, 2])).toBe(true);
    expect(batchMatches([statement(1), statement(2)], [1, 3])).toBe(false);
    expect(batchMatches([statement(1)], [0])).toBe(false);
    expect(batchMatches([statement(1), statement(1)], [1])).toBe(false);
  });
});

describe("runBatchStatements", () => {
  it("runs every statement in order, also after a mismatch, with a checkpoint before each and at the end", async () => {
    const log: string[] = [];
    const counts = [1, 0, 1];
    const outcome = await runBatchStatements([statement(1), statement(1), statement(1)], {
      checkpoint: () => log.push("check"),
      run: async (_statement, index) => {
        log.push(`run ${index}`);
        return counts[index] ?? 0;
      },
    });
    expect(outcome).toEqual({ committed: false, affected: [1, 0, 1] });
    expect(log).toEqual(["check", "run 0", "check", "run 1", "check", "run 2", "check"]);
  });

  it("stops at the first error a step throws", async () => {
    let ran = 0;
    const failing = runBatchStatements([statement(1), statement(1)], {
      checkpoint: () => undefined,
      run: async () => {
        ran += 1;
        throw new Error("boom");
      },
    });
    await expect(failing).rejects.toThrow("boom");
    expect(ran).toBe(1);
  });
});

describe("batchCheckpoint", () => {
  it("throws the interrupt's error first, then a timeout once the whole batch is past its deadline", () => {
    let now = 100;
    let interrupted = false;
    const check = batchCheckpoint({
      timeoutMs: 50,
      startedAt: 100,
      now: () => now,
      throwIfInterrupted: () => {
        if (interrupted) throw new DriverError("cancelled", "cancelled");
      },
    });
    expect(codeOf(check)).toBeNull();
    now = 149;
    expect(codeOf(check)).toBeNull();
    now = 150;
    expect(codeOf(check)).toBe("timeout");
    interrupted = true;
    expect(codeOf(check)).toBe("cancelled");
  });
});
