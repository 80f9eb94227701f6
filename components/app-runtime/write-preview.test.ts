// A write button's confirmation names the rows its preview says would change.
import { describe, expect, it } from "vitest";
import type { QueryResult, QuerySuccess } from "@/lib/schemas/queries";
import { previewSummary } from "./write-preview";

function previewed(affectedRows: number | null, ids: number[]): QuerySuccess {
  const before = { columns: [{ name: "id", dataType: "integer" }, { name: "status", dataType: "text" }], rows: ids.map((id) => ({ id, status: "paid" })) };
  return { ok: true, kind: "update", columns: [], rows: [], rowCount: 0, truncated: false, rowCap: 0, affectedRows, preview: { before, after: null, notes: [] }, durationMs: 1 };
}

describe("previewSummary", () => {
  it("counts and names the rows a write would change", () => {
    expect(previewSummary("markShipped", previewed(2, [4, 9]))).toEqual({ ok: true, text: "It changes 2 rows (id 4, 9)." });
    expect(previewSummary("markShipped", previewed(7, [1, 2, 3, 4, 5]))).toEqual({ ok: true, text: "It changes 7 rows (id 1, 2, 3, 4, 5, …)." });
    expect(previewSummary("markShipped", previewed(0, []))).toEqual({ ok: true, text: "It changes no rows right now." });
  });

  it("says why a write cannot run instead of asking", () => {
    const failed: QueryResult = { ok: false, error: { source: "guard", code: "forbidden_table", message: "orders is read-only.", position: null } };
    expect(previewSummary("markShipped", failed)).toEqual({ ok: false, text: "markShipped cannot run: orders is read-only." });
  });
});
