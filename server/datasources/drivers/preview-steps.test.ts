// Which statements a driver runs for a previewed write, depending on the statement, what the
// guard built and whether the server has RETURNING for it; and the primary-key re-select.
import { describe, expect, it } from "vitest";
import { previewSteps, reselectByKey } from "./preview-steps";
import type { ExecuteRequest, PreviewSampling } from "./types";

const before = { sql: "SELECT t.* FROM t WHERE id = ? LIMIT 20", values: [1] };
const returning = { sql: "UPDATE t SET a = ? WHERE id = ? RETURNING *", values: ["x", 1] };

function request(sampling: Partial<PreviewSampling> | null): ExecuteRequest {
  const base: PreviewSampling = { kind: "update", sampleSize: 20, before, returning, hasReturning: false, reselect: null, notes: [] };
  return { sql: "UPDATE t SET a = ? WHERE id = ?", values: ["x", 1], mode: "write", timeoutMs: 1000, rowCap: 10, preview: true, ...(sampling ? { sampling: { ...base, ...sampling } } : {}) };
}

const plain = { sql: "UPDATE t SET a = ? WHERE id = ?", values: ["x", 1] };

describe("previewSteps", () => {
  it("runs the RETURNING variant where the server has it; its rows are only for the sample", () => {
    expect(previewSteps(request({}), () => true)).toEqual({ sampleSize: 20, before, write: returning, after: "write-rows", userRows: false, notes: [] });
  });

  it("keeps the user's own RETURNING", () => {
    expect(previewSteps(request({ hasReturning: true, returning: null }), () => true)).toMatchObject({ write: plain, after: "write-rows", userRows: true });
  });

  it("has no after for DELETE", () => {
    expect(previewSteps(request({ kind: "delete", returning: null }), () => true)).toMatchObject({ before, write: plain, after: "none", notes: [] });
  });

  it("re-selects by primary key where UPDATE cannot return rows", () => {
    const reselect = { table: "`t`", primaryKey: ["id"] };
    expect(previewSteps(request({ returning: null, reselect }), () => false)).toMatchObject({ write: plain, after: "reselect", userRows: true });
  });

  it("says when the server lacks RETURNING for an INSERT", () => {
    const steps = previewSteps(request({ kind: "insert", before: null, notes: ["earlier"] }), () => false);
    expect(steps).toMatchObject({ write: plain, after: "none" });
    expect(steps.notes).toEqual(["earlier", "No sample of the rows after the change: this server has no INSERT … RETURNING."]);
  });

  it("runs the plain write when no sampling was asked for", () => {
    expect(previewSteps(request(null), () => true)).toEqual({ sampleSize: 0, before: null, write: plain, after: "none", userRows: true, notes: [] });
  });
});

describe("reselectByKey", () => {
  const quote = (name: string) => `\`${name}\``;

  it("binds each row's key, composite keys included", () => {
    const rows = [
      { a: 1, b: "x", v: "old" },
      { a: 2, b: "y", v: "old" },
    ];
    expect(reselectByKey(quote, { table: "`db`.`t`", primaryKey: ["a", "b"] }, rows)).toEqual({
      sql: "SELECT * FROM `db`.`t` WHERE (`a` = ? AND `b` = ?) OR (`a` = ? AND `b` = ?)",
      values: [1, "x", 2, "y"],
    });
  });

  it("gives up without rows, without a key or when a key column is not in the rows", () => {
    expect(reselectByKey(quote, { table: "`t`", primaryKey: ["id"] }, [])).toBeNull();
    expect(reselectByKey(quote, { table: "`t`", primaryKey: [] }, [{ id: 1 }])).toBeNull();
    expect(reselectByKey(quote, { table: "`t`", primaryKey: ["id"] }, [{ other: 1 }])).toBeNull();
  });
});
