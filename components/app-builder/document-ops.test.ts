import { describe, expect, it } from "vitest";
import { appDocumentSchema, validateAppDocument, type AppDocument } from "@/lib/app-document";
import { DEMO_ACTION_SCHEMAS, DEMO_SOURCE, orderDeskApp } from "@/lib/app-document/demo-apps";
import {
  addPage,
  addQuery,
  addWidget,
  deletePage,
  deleteQuery,
  deleteWidget,
  duplicateQuery,
  duplicateWidget,
  findWidget,
  renameName,
  renamePage,
  setLayouts,
  uniqueName,
  updateQuery,
} from "./document-ops";
import { countReferences, renameInSql, renameInTemplate } from "./name-references";

const context = { datasources: [DEMO_SOURCE], actions: DEMO_ACTION_SCHEMAS };

function emptyDoc(): AppDocument {
  return appDocumentSchema.parse({ id: "a1", name: "Test", slug: "test", pages: [{ id: "page1", name: "Page 1", widgets: [] }] });
}

function orderDesk(): AppDocument {
  return appDocumentSchema.parse(orderDeskApp);
}

describe("unique names", () => {
  it("numbers names from 1 and skips taken ones across widgets and queries", () => {
    let doc = emptyDoc();
    expect(uniqueName(doc, "table")).toBe("table1");
    doc = addWidget(doc, "page1", "table").doc;
    expect(uniqueName(doc, "table")).toBe("table2");
    doc = { ...doc, queries: [{ id: "table2", datasource: DEMO_SOURCE, sql: "SELECT 1", mode: "read", trigger: { kind: "onLoad" } }] };
    expect(uniqueName(doc, "table")).toBe("table3");
  });
});

describe("widgets", () => {
  it("adds palette widgets below the others with valid default props", () => {
    let doc = addQuery(emptyDoc(), DEMO_SOURCE).doc;
    const first = addWidget(doc, "page1", "table");
    doc = first.doc;
    const second = addWidget(doc, "page1", "chart", { actionName: null });
    doc = second.doc;
    doc = addWidget(doc, "page1", "button", { actionName: "refund-order" }).doc;
    expect(first.id).toBe("table1");
    expect(second.id).toBe("chart1");
    const table = findWidget(doc, "table1")?.widget;
    expect(table?.layout).toEqual({ x: 0, y: 0, w: 12, h: 6 });
    expect(table?.type === "table" && table.props.data).toBe("{{ query1.data }}");
    expect(findWidget(doc, "chart1")?.widget.layout.y).toBe(6);
    expect(appDocumentSchema.safeParse(doc).success).toBe(true);
  });

  it("places a dropped widget at the drop position, kept inside the 12 columns", () => {
    const { doc, id } = addWidget(emptyDoc(), "page1", "chart", { at: { x: 10, y: 0 } });
    const layout = findWidget(doc, id)?.widget.layout;
    expect(layout?.x).toBe(6);
    expect((layout?.x ?? 0) + (layout?.w ?? 0)).toBeLessThanOrEqual(12);
  });

  it("drops a widget where the canvas made room for it", () => {
    let doc = addWidget(emptyDoc(), "page1", "text").doc;
    doc = addWidget(doc, "page1", "stat", { at: { x: 0, y: 0 }, arrange: new Map([["text1", { x: 0, y: 2, w: 6, h: 1 }]]) }).doc;
    expect(findWidget(doc, "stat1")?.widget.layout).toEqual({ x: 0, y: 0, w: 3, h: 2 });
    expect(findWidget(doc, "text1")?.widget.layout).toEqual({ x: 0, y: 2, w: 6, h: 1 });
  });

  it("creates every palette kind as a schema-valid widget", () => {
    let doc = emptyDoc();
    for (const kind of ["table", "chart", "stat", "text", "textInput", "numberInput", "select", "dateRange", "toggle", "button", "form"] as const) {
      doc = addWidget(doc, "page1", kind).doc;
    }
    expect(appDocumentSchema.safeParse(doc).success).toBe(true);
    expect(doc.pages[0]?.widgets.map((widget) => widget.id)).toEqual(["table1", "chart1", "stat1", "text1", "textInput1", "numberInput1", "select1", "dateRange1", "toggle1", "button1", "form1"]);
  });

  it("moves and resizes through setLayouts", () => {
    const { doc, id } = addWidget(emptyDoc(), "page1", "stat");
    const moved = setLayouts(doc, "page1", new Map([[id, { x: 3, y: 0, w: 4, h: 3 }]]));
    expect(findWidget(moved, id)?.widget.layout).toEqual({ x: 3, y: 0, w: 4, h: 3 });
    expect(findWidget(doc, id)?.widget.layout).toEqual({ x: 0, y: 0, w: 3, h: 2 });
  });

  it("deletes a widget and packs the rest up", () => {
    let doc = addWidget(emptyDoc(), "page1", "text").doc;
    doc = addWidget(doc, "page1", "stat").doc;
    doc = deleteWidget(doc, "text1");
    expect(findWidget(doc, "text1")).toBeNull();
    expect(findWidget(doc, "stat1")?.widget.layout.y).toBe(0);
  });

  it("duplicates a widget under a new id right below it, without overlaps", () => {
    const doc = orderDesk();
    const { doc: next, id } = duplicateWidget(doc, "ordersTable");
    expect(id).toBe("ordersTable1");
    const copy = findWidget(next, id);
    expect(copy?.widgetIndex).toBe((findWidget(doc, "ordersTable")?.widgetIndex ?? 0) + 1);
    expect(copy?.widget.layout).toEqual({ x: 0, y: 10, w: 12, h: 8 });
    expect(findWidget(next, "note")?.widget.layout.y).toBe(18);
    expect(validateAppDocument(next, context).problems).toEqual([]);
    // A copy is deep: editing it leaves the original alone.
    const original = findWidget(next, "ordersTable")?.widget;
    expect(original?.type === "table" && original.props.columns.length).toBe(4);
  });
});

describe("renaming", () => {
  it("renames a widget and rewrites the bindings that use it", () => {
    const result = renameName(orderDesk(), "ordersTable", "orders");
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const button = findWidget(result.doc, "saveNoteButton")?.widget;
    expect(button?.type === "button" && button.props.run.kind === "action" && button.props.run.mapping.orderIds).toBe("{{ pluck(orders.selectedRows, 'id') }}");
    const refund = findWidget(result.doc, "refundSelected")?.widget;
    expect(refund?.type === "button" && refund.props.label).toBe("Refund {{ len(orders.selectedRows) }} selected");
    expect(findWidget(result.doc, "orders")).not.toBeNull();
    expect(result.rewritten).toBe(3);
    expect(validateAppDocument(result.doc, context).problems).toEqual([]);
  });

  it("renames a query in SQL and in buttons that run it", () => {
    let doc = orderDesk();
    doc = addWidget(doc, "orders", "button", { actionName: null }).doc;
    doc = { ...doc, pages: doc.pages.map((page) => ({ ...page, widgets: page.widgets.map((w) => (w.type === "button" && w.id === "button1" ? { ...w, props: { ...w.props, run: { kind: "query" as const, query: "lateShipments" } } } : w)) })) };
    const result = renameName(doc, "lateShipments", "late");
    if (!result.ok) throw new Error(result.message);
    const button = findWidget(result.doc, "button1")?.widget;
    expect(button?.type === "button" && button.props.run).toEqual({ kind: "query", query: "late" });
    const table = findWidget(result.doc, "lateTable")?.widget;
    expect(table?.type === "table" && table.props.data).toBe("{{ late.data }}");
    expect(result.doc.queries.map((query) => query.id)).toEqual(["openOrders", "late"]);
  });

  it("refuses a name that is taken", () => {
    expect(renameName(orderDesk(), "note", "search")).toEqual({ ok: false, message: '"search" is already used in this app; names must be unique.' });
  });

  it("rewrites only real references", () => {
    expect(renameInTemplate("{{ a.b }} a {{ 'a' }} {{ ab + a }}", "a", "z")).toBe("{{ z.b }} a {{ 'a' }} {{ ab + z }}");
    expect(renameInTemplate("{{ broken", "a", "z")).toBe("{{ broken");
    expect(renameInSql("SELECT {{ range.start }}, '{{x}}' FROM t WHERE a = {{ range.end }}", "range", "period")).toBe("SELECT {{ period.start }}, '{{x}}' FROM t WHERE a = {{ period.end }}");
    expect(countReferences(orderDesk(), "placed")).toBe(2);
  });
});

describe("pages", () => {
  it("adds, renames and deletes pages, keeping at least one", () => {
    const added = addPage(emptyDoc());
    expect(added.id).toBe("page2");
    let doc = renamePage(added.doc, "page2", "Details");
    expect(doc.pages.map((page) => page.name)).toEqual(["Page 1", "Details"]);
    doc = deletePage(doc, "page1");
    expect(doc.pages.map((page) => page.id)).toEqual(["page2"]);
    expect(deletePage(doc, "page2")).toBe(doc);
  });
});

describe("queries", () => {
  it("adds, edits, duplicates and deletes queries", () => {
    let doc = addQuery(emptyDoc(), DEMO_SOURCE).doc;
    // A new read runs on load and again when the values it binds change (debounced).
    expect(doc.queries[0]?.trigger).toEqual({ kind: "onInputChange", debounceMs: 300 });
    doc = updateQuery(doc, "query1", (query) => ({ ...query, sql: "SELECT 2" }));
    const copy = duplicateQuery(doc, "query1");
    expect(copy.id).toBe("query2");
    expect(copy.doc.queries.map((query) => [query.id, query.sql])).toEqual([
      ["query1", "SELECT 2"],
      ["query2", "SELECT 2"],
    ]);
    expect(deleteQuery(copy.doc, "query1").queries.map((query) => query.id)).toEqual(["query2"]);
  });
});
