// The readable diff: each kind of change is reported once, by id, in a stable order.
import { describe, expect, it } from "vitest";
import { opsDashboardApp, orderDeskApp } from "./demo-apps";
import { describeValueChange, diffAppDocuments, diffSql, valueChanges, type WidgetChange } from "./diff";
import { appDocumentSchema, type AppDocument } from "./schema";

function orderDesk(): AppDocument {
  return appDocumentSchema.parse(structuredClone(orderDeskApp));
}

function page(document: AppDocument, index = 0) {
  const found = document.pages[index];
  if (!found) throw new Error(`no page ${index}`);
  return found;
}

function widget(document: AppDocument, id: string) {
  const found = document.pages.flatMap((p) => p.widgets).find((w) => w.id === id);
  if (!found) throw new Error(`no widget ${id}`);
  return found;
}

function query(document: AppDocument, id: string) {
  const found = document.queries.find((q) => q.id === id);
  if (!found) throw new Error(`no query ${id}`);
  return found;
}

describe("diffAppDocuments", () => {
  it("finds nothing between identical documents", () => {
    const diff = diffAppDocuments(orderDesk(), orderDesk());
    expect(diff).toEqual({ app: [], pages: [], widgets: [], queries: [], permissions: [], summary: { added: 0, removed: 0, changed: 0, total: 0 } });
  });

  it("reports the app's name and slug", () => {
    const after = { ...orderDesk(), name: "Orders", slug: "orders" };
    const diff = diffAppDocuments(orderDesk(), after);
    expect(diff.app.map(describeValueChange)).toEqual(["name: Order desk → Orders", "slug: order-desk → orders"]);
    expect(diff.summary).toEqual({ added: 0, removed: 0, changed: 2, total: 2 });
  });

  it("does not call a renamed page's widgets moved", () => {
    const after = orderDesk();
    page(after).name = "Open orders";
    expect(diffAppDocuments(orderDesk(), after).widgets).toEqual([]);
  });

  it("reports pages added, removed and renamed, matched by id", () => {
    const before = orderDesk();
    const after = orderDesk();
    page(after).name = "Open orders";
    after.pages.push({ id: "extra", name: "Extra", widgets: [] });
    before.pages.push({ id: "old", name: "Old", widgets: [] });
    expect(diffAppDocuments(before, after).pages).toEqual([
      { kind: "renamed", id: "orders", before: "Orders", after: "Open orders" },
      { kind: "added", id: "extra", name: "Extra" },
      { kind: "removed", id: "old", name: "Old" },
    ]);
  });

  it("reports a changed binding with its path, before and after", () => {
    const after = orderDesk();
    const table = widget(after, "ordersTable");
    if (table.type !== "table") throw new Error("expected a table");
    table.props.data = "{{ lateShipments.data }}";
    const diff = diffAppDocuments(orderDesk(), after);
    expect(diff.widgets).toHaveLength(1);
    const change = diff.widgets[0] as Extract<WidgetChange, { kind: "changed" }>;
    expect(change).toMatchObject({ kind: "changed", id: "ordersTable", type: "table", page: "Orders" });
    expect(change.moved).toBeUndefined();
    expect(change.changes.map(describeValueChange)).toEqual(["props.data: {{ openOrders.data }} → {{ lateShipments.data }}"]);
  });

  it("reports a moved widget's layout and a nested property by index", () => {
    const after = orderDesk();
    const table = widget(after, "ordersTable");
    if (table.type !== "table") throw new Error("expected a table");
    table.layout = { ...table.layout, y: 20 };
    const first = table.props.columns[0];
    if (!first) throw new Error("expected a column");
    first.label = "Amount";
    const change = diffAppDocuments(orderDesk(), after).widgets[0];
    expect(change).toMatchObject({ kind: "changed", moved: { before: { x: 0, y: 2, w: 12, h: 8 }, after: { x: 0, y: 20, w: 12, h: 8 } } });
    expect(change?.kind === "changed" ? change.changes : []).toEqual([{ path: "props.columns[0].label", before: "Total", after: "Amount" }]);
  });

  it("reports widgets added and removed, and one moved to another page", () => {
    const before = orderDesk();
    const after = orderDesk();
    page(after).widgets = page(after).widgets.filter((w) => w.id !== "note");
    const heading = page(after).widgets.find((w) => w.id === "heading");
    if (!heading) throw new Error("expected the heading");
    page(after).widgets = page(after).widgets.filter((w) => w.id !== "heading");
    after.pages.push({ id: "second", name: "Second", widgets: [heading, { id: "hello", type: "text", layout: { x: 0, y: 1, w: 4, h: 1 }, props: { markdown: "Hi" } }] });
    const diff = diffAppDocuments(before, after);
    expect(diff.widgets).toEqual([
      { kind: "changed", id: "heading", type: "text", page: "Second", movedPage: { before: "Orders", after: "Second" }, changes: [] },
      { kind: "added", id: "hello", type: "text", page: "Second", props: [{ path: "props.markdown", before: undefined, after: "Hi" }] },
      { kind: "removed", id: "note", type: "input", page: "Orders" },
    ]);
    expect(diff.summary).toEqual({ added: 2, removed: 1, changed: 1, total: 4 });
  });

  it("reports queries added, removed and changed with a line diff of the SQL", () => {
    const before = orderDesk();
    const after = orderDesk();
    const late = query(after, "lateShipments");
    late.sql = late.sql.replace("LIMIT 500", "LIMIT 100");
    late.trigger = { kind: "manual" };
    after.queries = after.queries.filter((q) => q.id !== "openOrders");
    after.queries.push({ id: "customers", datasource: "Acme Ops", sql: "SELECT * FROM customers", mode: "read", trigger: { kind: "onLoad" } });
    const diff = diffAppDocuments(before, after);
    expect(diff.queries.map((change) => `${change.kind} ${change.id}`)).toEqual(["changed lateShipments", "added customers", "removed openOrders"]);
    const changed = diff.queries[0];
    if (changed?.kind !== "changed") throw new Error("expected a change");
    expect(changed.changes).toEqual([{ path: "trigger", before: { kind: "onLoad" }, after: { kind: "manual" } }]);
    expect(changed.sql?.filter((line) => line.kind !== "same")).toEqual([
      { kind: "removed", text: "ORDER BY s.promised_at LIMIT 500" },
      { kind: "added", text: "ORDER BY s.promised_at LIMIT 100" },
    ]);
    expect(changed.sql?.filter((line) => line.kind === "same")).toHaveLength(3);
  });

  it("reports the data source and mode of a query", () => {
    const after = orderDesk();
    const open = query(after, "openOrders");
    open.datasource = "Warehouse";
    open.mode = "write";
    const change = diffAppDocuments(orderDesk(), after).queries[0];
    expect(change).toEqual({
      kind: "changed",
      id: "openOrders",
      sql: null,
      changes: [
        { path: "datasource", before: "Acme Ops", after: "Warehouse" },
        { path: "mode", before: "read", after: "write" },
      ],
    });
  });

  it("reports permissions per section with roles and people added and removed", () => {
    const before = { ...orderDesk(), permissions: { use: { roles: ["operator" as const], users: ["a@acme.test"] } } };
    const after = { ...orderDesk(), permissions: { use: { roles: ["viewer" as const], users: ["a@acme.test", "b@acme.test"] }, edit: { roles: [], users: ["builder@acme.test"] } } };
    expect(diffAppDocuments(before, after).permissions).toEqual([
      { section: "use", before: before.permissions.use, after: after.permissions.use, rolesAdded: ["viewer"], rolesRemoved: ["operator"], usersAdded: ["b@acme.test"], usersRemoved: [] },
      { section: "edit", before: null, after: after.permissions.edit, rolesAdded: [], rolesRemoved: [], usersAdded: ["builder@acme.test"], usersRemoved: [] },
    ]);
    expect(diffAppDocuments(after, orderDesk()).permissions.map((change) => [change.section, change.after])).toEqual([
      ["use", null],
      ["edit", null],
    ]);
  });

  it("gives the same diff for the same documents, in document order", () => {
    const before = appDocumentSchema.parse(structuredClone(opsDashboardApp));
    const after = appDocumentSchema.parse(structuredClone(orderDeskApp));
    const first = diffAppDocuments(before, after);
    expect(diffAppDocuments(before, after)).toEqual(first);
    expect(first.widgets.filter((change) => change.kind === "added").map((change) => change.id)).toEqual(placedIds(after).filter((id) => !placedIds(before).includes(id)));
  });
});

function placedIds(document: AppDocument): string[] {
  return document.pages.flatMap((p) => p.widgets.map((w) => w.id));
}

describe("valueChanges", () => {
  it("compares lists of plain values whole and objects key by key, sorted", () => {
    expect(valueChanges({ y: ["a"], x: "d", b: { c: 1 } }, { y: ["a", "b"], x: "d", b: { c: 2 } }, "props")).toEqual([
      { path: "props.b.c", before: 1, after: 2 },
      { path: "props.y", before: ["a"], after: ["a", "b"] },
    ]);
  });

  it("reports an added or removed property with an undefined side", () => {
    expect(valueChanges({ a: 1 }, { b: 2 })).toEqual([
      { path: "a", before: 1, after: undefined },
      { path: "b", before: undefined, after: 2 },
    ]);
  });
});

describe("diffSql", () => {
  it("marks every line, keeping unchanged ones", () => {
    expect(diffSql("SELECT 1\nFROM a", "SELECT 1\nFROM b\n")).toEqual([
      { kind: "same", text: "SELECT 1" },
      { kind: "removed", text: "FROM a" },
      { kind: "added", text: "FROM b" },
    ]);
  });
});
