// Editable query results in the workbench, rendered to HTML (no browser): the hint above the grid
// when the server says the rows are one table's, the read-only grid otherwise (no way to re-run,
// a result paged from the database), the grid kept while the query runs again, which cells can
// be edited, and where staged edits are kept.
import { AppRouterContext, type AppRouterInstance } from "next/dist/shared/lib/app-router-context.shared-runtime";
import { PathnameContext, SearchParamsContext } from "next/dist/shared/lib/hooks-client-context.shared-runtime";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { QueryEditable, QuerySuccess } from "@/lib/schemas/queries";
import { TrpcReactProvider } from "@/lib/trpc/client";
import { editableGridColumns, queryEditsKey } from "./editable-query-result";
import { QueryOutcome } from "./query-outcome";

// SELECT id, note AS remark, upper(note) AS shout FROM orders
const EDITABLE: QueryEditable = {
  table: { schema: null, name: "orders" },
  display: "orders",
  primaryKey: ["id"],
  key: [{ output: "id", source: "id" }],
  columns: [{ output: "remark", source: "note" }],
};

const columns = [
  { name: "id", dataType: "INTEGER" },
  { name: "remark", dataType: "TEXT" },
  { name: "shout", dataType: "" },
];

function select(overrides: Partial<QuerySuccess> = {}): QuerySuccess {
  return { ok: true, kind: "select", columns, rows: [{ id: 1, remark: "call", shout: "CALL" }], rowCount: 1, truncated: false, rowCap: 100, affectedRows: null, preview: null, durationMs: 4, editable: EDITABLE, ...overrides };
}

const pager = { datasourceId: "source-1", sql: "SELECT id, note AS remark, upper(note) AS shout FROM orders", params: {} };
const reload = async () => undefined;
const HINT = "Editing orders: changes are saved to the table through the guard.";

// The result grids keep an action run's id in the URL, so they need the App Router's contexts;
// outside Next these are given a router that goes nowhere (this test renders, it never navigates).
const router = { back: () => undefined, forward: () => undefined, refresh: () => undefined, push: () => undefined, replace: () => undefined, prefetch: () => undefined } as unknown as AppRouterInstance;

function render(props: Parameters<typeof QueryOutcome>[0]): string {
  const outcome = createElement(TrpcReactProvider, null, createElement(QueryOutcome, props));
  const withSearch = createElement(SearchParamsContext.Provider, { value: new URLSearchParams() }, createElement(PathnameContext.Provider, { value: "/workbench" }, outcome));
  return renderToStaticMarkup(createElement(AppRouterContext.Provider, { value: router }, withSearch));
}

describe("editable query results", () => {
  it("shows the hint above the grid when the rows are one table's", () => {
    const html = render({ outcome: select(), isRunning: false, pager, onReload: reload });
    expect(html).toContain(HINT);
    expect(html.indexOf(HINT)).toBeLessThan(html.indexOf('aria-label="Query results"'));
    expect(html).toContain("<strong>1</strong> rows");
  });

  it("stays read-only without editable, without a way to run the query again, or when paged from the database", () => {
    expect(render({ outcome: select({ editable: null }), isRunning: false, pager, onReload: reload })).not.toContain("Editing");
    expect(render({ outcome: select({ editable: undefined }), isRunning: false, pager, onReload: reload })).not.toContain("Editing");
    expect(render({ outcome: select(), isRunning: false, pager })).not.toContain("Editing");
    expect(render({ outcome: select(), isRunning: false, pager: null, onReload: reload })).not.toContain("Editing");
    expect(render({ outcome: select({ truncated: true }), isRunning: false, pager, onReload: reload })).not.toContain("Editing");
  });

  it("keeps the editable grid while the query runs again", () => {
    const html = render({ outcome: select(), isRunning: true, pager, onReload: reload });
    expect(html).toContain(HINT);
    expect(html).toContain("Running…");
    expect(render({ outcome: select({ editable: null }), isRunning: true, pager, onReload: reload })).toBe('<p role="status">Running…</p>');
  });

  it("makes only the mapped, writable, non-key columns editable", () => {
    expect(editableGridColumns(columns, select().rows, EDITABLE).map((column) => [column.id, column.editable])).toEqual([
      ["id", false],
      ["remark", true],
      ["shout", false],
    ]);
  });

  it("keeps staged edits apart from the table editor's and per column mapping", () => {
    const key = queryEditsKey("source-1", EDITABLE);
    expect(key.startsWith("rowcraft.query-edits.source-1..orders.")).toBe(true);
    expect(queryEditsKey("source-1", { ...EDITABLE, columns: [{ output: "note", source: "note" }] })).not.toBe(key);
  });
});
