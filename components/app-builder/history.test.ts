import { describe, expect, it } from "vitest";
import { canRedo, canUndo, COALESCE_MS, createHistory, HISTORY_LIMIT, pushHistory, redo, undo } from "./history";

describe("history", () => {
  it("undoes and redoes, and a new edit drops the redo branch", () => {
    let h = createHistory("a");
    h = pushHistory(h, "b", { now: 0 });
    h = pushHistory(h, "c", { now: 5_000 });
    h = undo(h);
    expect(h.present).toBe("b");
    expect(canRedo(h)).toBe(true);
    h = redo(h);
    expect(h.present).toBe("c");
    h = undo(undo(h));
    expect(h.present).toBe("a");
    expect(canUndo(h)).toBe(false);
    expect(undo(h)).toBe(h);
    h = pushHistory(h, "d", { now: 10_000 });
    expect(canRedo(h)).toBe(false);
    expect(h.past).toEqual(["a"]);
  });

  it("coalesces rapid edits of the same key into one step", () => {
    let h = createHistory("");
    h = pushHistory(h, "h", { key: "text", now: 0 });
    h = pushHistory(h, "he", { key: "text", now: 200 });
    h = pushHistory(h, "hel", { key: "text", now: 400 });
    expect(h.past).toEqual([""]);
    // A pause, another key, or no key starts a new step.
    h = pushHistory(h, "hell", { key: "text", now: 400 + COALESCE_MS });
    h = pushHistory(h, "hello", { key: "other", now: 400 + COALESCE_MS + 1 });
    h = pushHistory(h, "hello!", { key: "other", now: 400 + COALESCE_MS + 2 });
    h = pushHistory(h, "hello!!", {});
    expect(h.past).toEqual(["", "hel", "hell", "hello!"]);
    // After an undo, typing in the same field does not merge into the undone step.
    h = undo(h);
    h = pushHistory(h, "x", { key: "other", now: 400 + COALESCE_MS + 3 });
    expect(h.past).toEqual(["", "hel", "hell", "hello!"]);
  });

  it("ignores a push of the same state and caps its length", () => {
    let h = createHistory(0);
    expect(pushHistory(h, 0)).toBe(h);
    for (let i = 1; i <= HISTORY_LIMIT + 10; i += 1) h = pushHistory(h, i);
    expect(h.past.length).toBe(HISTORY_LIMIT);
    expect(h.present).toBe(HISTORY_LIMIT + 10);
  });
});
