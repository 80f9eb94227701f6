import { describe, expect, it } from "vitest";
import { appDocumentSchema } from "@/lib/app-document";
import { orderDeskApp } from "@/lib/app-document/demo-apps";
import { evaluateProperty } from "./bindings-cache";
import { changedQueries, directSourceQuery, queriesOnOpen, queriesReadBy } from "./query-triggers";
import { buildScope, queryScope } from "./scope";
import type { QueryState } from "./types";

const document = appDocumentSchema.parse(orderDeskApp);
const currentUser = { id: "u1", email: "op@acme.test", name: "Olga", role: "operator" as const };
const ok = (rows: Record<string, unknown>[]): QueryState => ({
  result: { ok: true, kind: "select", columns: [], rows, rowCount: rows.length, truncated: false, rowCap: 1000, affectedRows: null, preview: null, durationMs: 1 },
  isLoading: false,
  params: {},
  error: null,
});

describe("buildScope", () => {
  const scope = buildScope({
    document,
    currentUser,
    queries: { openOrders: ok([{ id: 1 }, { id: 2 }]), lateShipments: { result: null, isLoading: true, params: null, error: null } },
    inputs: { status: "paid", placed: { start: "2026-01-01", end: "2026-01-31" }, search: "" },
    selections: { ordersTable: [{ id: 2 }] },
  });

  it("exposes queries, widget outputs and currentUser to bindings", () => {
    expect(evaluateProperty("{{ openOrders.data }}", scope)).toEqual({ ok: true, value: [{ id: 1 }, { id: 2 }] });
    expect(evaluateProperty("{{ lateShipments.isLoading }}", scope)).toEqual({ ok: true, value: true });
    expect(evaluateProperty("{{ status.value }}/{{ placed.start }}", scope)).toEqual({ ok: true, value: "paid/2026-01-01" });
    expect(evaluateProperty("{{ ordersTable.selectedRow.id }}", scope)).toEqual({ ok: true, value: 2 });
    expect(evaluateProperty("{{ lateTable.selectedRow.id }}", scope)).toEqual({ ok: true, value: null });
    expect(evaluateProperty("## Orders for {{ currentUser.name }}", scope)).toEqual({ ok: true, value: "## Orders for Olga" });
    expect(evaluateProperty("{{ note.value }}", scope)).toEqual({ ok: true, value: null });
  });

  it("shows a failed query's message as its error", () => {
    const failed: QueryState = { result: { ok: false, error: { source: "database", code: "x", message: "no such column" , position: null } }, isLoading: false, params: {}, error: null };
    expect(queryScope(failed)).toEqual({ data: [], isLoading: false, error: "no such column" });
    expect(queryScope({ ...failed, result: null, error: "Forbidden" }).error).toBe("Forbidden");
  });
});

describe("triggers", () => {
  it("runs automatic queries on open", () => {
    expect(queriesOnOpen([...document.queries, { ...document.queries[0]!, id: "later", trigger: { kind: "manual" } }])).toEqual(["openOrders", "lateShipments"]);
  });

  it("reruns onInputChange queries whose params changed, with their debounce", () => {
    expect(changedQueries(document.queries, { openOrders: "a", lateShipments: "x" }, { openOrders: "a", lateShipments: "y" })).toEqual([]);
    expect(changedQueries(document.queries, { openOrders: "b" }, { openOrders: "a" })).toEqual([{ id: "openOrders", delayMs: 300 }]);
    expect(changedQueries(document.queries, { openOrders: null }, { openOrders: "a" })).toEqual([]);
    expect(changedQueries(document.queries, { openOrders: "b" }, {})).toEqual([]);
  });

  it("knows which queries a widget reads and a table's direct source", () => {
    const table = document.pages[0]!.widgets.find((w) => w.id === "ordersTable")!;
    expect(queriesReadBy(table, document)).toEqual(["openOrders"]);
    expect(directSourceQuery("{{ openOrders.data }}", document)?.id).toBe("openOrders");
    expect(directSourceQuery("{{ filter(openOrders.data, 'x') }}", document)).toBeNull();
  });
});
