// The workbench's write outcome rendered to HTML (no browser): a preview shows the labelled
// "before" and "after" sample tables and its notes; a real write shows no samples.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { QuerySuccess } from "@/lib/schemas/queries";
import { QueryOutcome } from "./query-outcome";

const columns = [
  { name: "id", dataType: "int4" },
  { name: "note", dataType: "text" },
];

function write(overrides: Partial<QuerySuccess>): QuerySuccess {
  return { ok: true, kind: "update", columns: [], rows: [], rowCount: 0, truncated: false, rowCap: 100, affectedRows: 2, preview: null, durationMs: 12, ...overrides };
}

const render = (outcome: QuerySuccess) => renderToStaticMarkup(createElement(QueryOutcome, { outcome, isRunning: false }));

describe("QueryOutcome for writes", () => {
  it("shows a preview's samples side by side, labelled for assistive technology", () => {
    const html = render(
      write({
        preview: {
          before: { columns, rows: [{ id: 1, note: "old" }] },
          after: { columns, rows: [{ id: 1, note: "new" }] },
          notes: ["Something to know."],
        },
      }),
    );
    expect(html).toContain("Preview: 2 rows would change (rolled back, nothing saved).");
    expect(html).toContain("Before (sample)");
    expect(html).toContain("After (sample)");
    expect(html).toContain('aria-label="Rows before the change"');
    expect(html).toContain('aria-label="Rows after the change"');
    expect(html).toContain("Something to know.");
  });

  it("says what a missing sample means for INSERT and DELETE", () => {
    expect(render(write({ kind: "insert", preview: { before: null, after: { columns, rows: [{ id: 9, note: "x" }] }, notes: [] } }))).toContain("nothing before");
    expect(render(write({ kind: "delete", preview: { before: { columns, rows: [{ id: 9, note: "x" }] }, after: null, notes: [] } }))).toContain("These rows would be deleted.");
  });

  it("shows a real write's count and its RETURNING rows, without samples", () => {
    const html = render(write({ columns, rows: [{ id: 1, note: "new" }], rowCount: 1 }));
    expect(html).toContain("2 rows changed.");
    expect(html).not.toContain("Before (sample)");
    expect(html).toContain('aria-label="Rows after the change"');
  });
});
