// Document validation: the demo apps pass, and each kind of problem is found with its path.
import { describe, expect, it } from "vitest";
import { DEMO_ACTION_SCHEMAS, DEMO_SOURCE, opsDashboardApp, orderDeskApp } from "./demo-apps";
import type { AppDocumentInput } from "./schema";
import { validateAppDocument, type ValidationContext } from "./validate";

const context: ValidationContext = { datasources: [DEMO_SOURCE, "Warehouse"], actions: DEMO_ACTION_SCHEMAS };

/** A small valid app to break in one place per test. */
function baseApp(): AppDocumentInput {
  return {
    id: "app1",
    name: "Test app",
    slug: "test-app",
    queries: [
      { id: "orders", datasource: DEMO_SOURCE, sql: "SELECT * FROM orders WHERE status = {{ status.value }}", mode: "read", trigger: { kind: "onInputChange", debounceMs: 300 } },
      { id: "markShipped", datasource: DEMO_SOURCE, sql: "UPDATE orders SET status = 'shipped' WHERE id = {{ ordersTable.selectedRow.id }}", mode: "write", trigger: { kind: "manual" } },
    ],
    pages: [
      {
        id: "p1",
        name: "Main",
        widgets: [
          { id: "status", type: "input", layout: { x: 0, y: 0, w: 4, h: 1 }, props: { kind: "text", label: "Status" } },
          { id: "ordersTable", type: "table", layout: { x: 0, y: 1, w: 12, h: 6 }, props: { data: "{{ orders.data }}" } },
          { id: "count", type: "stat", layout: { x: 4, y: 0, w: 4, h: 1 }, props: { label: "Orders", value: "{{ len(orders.data) }}" } },
          { id: "ship", type: "button", layout: { x: 8, y: 0, w: 4, h: 1 }, props: { label: "Ship", run: { kind: "query", query: "markShipped" } } },
        ],
      },
    ],
  };
}

type Mutable = {
  queries: { id: string; datasource: string; sql: string; mode: string; trigger: { kind: string } }[];
  pages: { id: string; widgets: { id: string; type: string; layout: { x: number; y: number; w: number; h: number }; props: Record<string, unknown> }[] }[];
};

function problemsOf(change: (doc: Mutable) => void) {
  const doc = baseApp();
  change(doc as unknown as Mutable);
  const result = validateAppDocument(doc, context);
  return result.problems.map((p) => ({ code: p.code, path: p.path, message: p.message, start: p.start }));
}

function widget(doc: Mutable, index: number) {
  const found = doc.pages[0]?.widgets[index];
  if (!found) throw new Error(`no widget ${index}`);
  return found;
}

describe("validateAppDocument", () => {
  it("accepts the Order desk and Ops dashboard demo apps", () => {
    for (const app of [orderDeskApp, opsDashboardApp]) {
      const result = validateAppDocument(app, context);
      expect(result.problems).toEqual([]);
      expect(result.ok).toBe(true);
    }
  });

  it("accepts the small base app", () => {
    expect(problemsOf(() => {})).toEqual([]);
  });

  it("checks a button's disabled-when binding like any other", () => {
    expect(problemsOf((doc) => Object.assign(widget(doc, 3).props, { disabledWhen: "{{ len(ordersTable.selectedRows) == 0 }}", disabledReason: "Select an order first." }))).toEqual([]);
    expect(problemsOf((doc) => Object.assign(widget(doc, 3).props, { disabledWhen: "{{ orderTable.selectedRow == null }}" })).map((p) => [p.code, p.path])).toEqual([["unknown_name", "pages[0].widgets[3].props.disabledWhen"]]);
  });

  it("reports schema problems with paths", () => {
    const problems = problemsOf((doc) => {
      widget(doc, 0).id = "bad id";
      widget(doc, 1).type = "spreadsheet";
    });
    expect(problems.map((p) => [p.code, p.path])).toEqual(
      expect.arrayContaining([
        ["schema", "pages[0].widgets[0].id"],
        ["schema", "pages[0].widgets[1].type"],
      ]),
    );
    expect(validateAppDocument({ id: "x" }, context).ok).toBe(false);
    expect(validateAppDocument(null, context).ok).toBe(false);
  });

  it("rejects reserved and dangerous widget ids", () => {
    for (const id of ["__proto__", "constructor", "currentUser", "null"]) {
      expect(problemsOf((doc) => (widget(doc, 0).id = id))[0]).toMatchObject({ code: "schema", path: "pages[0].widgets[0].id" });
    }
  });

  it("reports unknown names and fields in bindings", () => {
    expect(problemsOf((doc) => (widget(doc, 2).props.value = "{{ len(orderz.data) }}"))).toEqual([
      expect.objectContaining({ code: "unknown_name", path: "pages[0].widgets[2].props.value", start: 7 }),
    ]);
    const [field] = problemsOf((doc) => (widget(doc, 2).props.value = "{{ orders.rows }}"));
    expect(field).toMatchObject({ code: "unknown_name", message: '"orders" has no "rows"; it has data, isLoading, error.' });
    const [output] = problemsOf((doc) => (widget(doc, 2).props.value = "{{ count.value }}"));
    expect(output?.message).toBe('"count" has no "value"; it has no outputs.');
    const [user] = problemsOf((doc) => (widget(doc, 2).props.value = "{{ currentUser.password }}"));
    expect(user?.code).toBe("unknown_name");
    expect(problemsOf((doc) => (widget(doc, 2).props.value = "{{ ordersTable.selectedRows[0].id + currentUser.email }}"))).toEqual([]);
  });

  it("knows the outputs of each input kind", () => {
    const problems = problemsOf((doc) => {
      widget(doc, 0).props = { kind: "dateRange", label: "Range" };
      widget(doc, 2).props.value = "{{ status.start }} {{ status.value }}";
    });
    expect(problems.map((p) => [p.code, p.path, p.message])).toEqual([
      ["unknown_name", "pages[0].widgets[2].props.value", '"status" has no "value"; it has start, end.'],
      ["unknown_name", "queries[0].sql", '"status" has no "value"; it has start, end.'],
    ]);
  });

  it("reports binding syntax errors with offsets", () => {
    expect(problemsOf((doc) => (widget(doc, 2).props.value = "Total {{ 1 + }}"))).toEqual([
      expect.objectContaining({ code: "binding_syntax", path: "pages[0].widgets[2].props.value", start: 13 }),
    ]);
    expect(problemsOf((doc) => (doc.queries[0]!.sql = "SELECT {{ a. }}"))).toEqual([
      expect.objectContaining({ code: "binding_syntax", path: "queries[0].sql", start: 13 }),
    ]);
  });

  it("reports unknown names in query SQL", () => {
    expect(problemsOf((doc) => (doc.queries[0]!.sql = "SELECT * FROM t WHERE id = {{ nope.value }}"))).toEqual([
      expect.objectContaining({ code: "unknown_name", path: "queries[0].sql", start: 30 }),
    ]);
  });

  it("reports unknown data sources", () => {
    expect(problemsOf((doc) => (doc.queries[0]!.datasource = "Prod"))).toEqual([
      expect.objectContaining({ code: "unknown_datasource", path: "queries[0].datasource" }),
    ]);
  });

  it("reports write queries that run by themselves", () => {
    expect(problemsOf((doc) => (doc.queries[1]!.trigger = { kind: "onLoad" }))).toEqual([
      expect.objectContaining({ code: "write_query_trigger", path: "queries[1].trigger" }),
    ]);
  });

  it("reports unknown actions, fields, missing required fields and queries", () => {
    const problems = problemsOf((doc) => {
      widget(doc, 3).props.run = { kind: "action", action: "delete-everything", mapping: {} };
      widget(doc, 1).props.actions = [{ action: "refund-order", label: "Refund", mapping: { orderId: "{{ row.id }}", amount: "1" } }];
    });
    expect(problems.map((p) => [p.code, p.path])).toEqual([
      ["unknown_field", "pages[0].widgets[1].props.actions[0].mapping.amount"],
      ["missing_field", "pages[0].widgets[1].props.actions[0].mapping"],
      ["unknown_action", "pages[0].widgets[3].props.run.action"],
    ]);
    expect(problemsOf((doc) => (widget(doc, 3).props.run = { kind: "query", query: "nothing" }))).toEqual([
      expect.objectContaining({ code: "unknown_query", path: "pages[0].widgets[3].props.run.query" }),
    ]);
  });

  it("checks forms against the action's input fields", () => {
    const problems = problemsOf((doc) => {
      doc.pages[0]!.widgets.push({ id: "refundForm", type: "form", layout: { x: 0, y: 7, w: 6, h: 4 }, props: { action: "refund-order", fields: ["orderId", "note"], defaults: { reason: "{{ currentUser.email }}" } } });
    });
    expect(problems).toEqual([
      expect.objectContaining({ code: "unknown_field", path: "pages[0].widgets[4].props.fields.note" }),
      // refund-order changes rows of orders: a form, where any id can be typed, cannot run it.
      expect.objectContaining({ code: "action_target", path: "pages[0].widgets[4].props.action", message: expect.stringContaining("a form cannot say which rows") as string }),
    ]);
  });

  it("lets a row action take its rows only from a table whose query is on the action's source", () => {
    const refund = (mapping: Record<string, string>) => ({ kind: "action", action: "refund-order", mapping: { reason: "r", ...mapping } });
    expect(problemsOf((doc) => (widget(doc, 1).props.actions = [{ action: "refund-order", label: "Refund", mapping: { orderId: "{{ row.id }}", reason: "r" } }]))).toEqual([]);
    expect(problemsOf((doc) => (widget(doc, 3).props.run = refund({ orderId: "{{ ordersTable.selectedRow.id }}" })))).toEqual([]);
    expect(problemsOf((doc) => (widget(doc, 3).props.run = { kind: "action", action: "add-order-note", mapping: { orderIds: "{{ pluck(ordersTable.selectedRows, 'id') }}", note: "n" } }))).toEqual([]);

    // The table shows rows of another data source: the ids would name other orders.
    const elsewhere = problemsOf((doc) => {
      doc.queries[0]!.datasource = "Warehouse";
      widget(doc, 1).props.actions = [{ action: "refund-order", label: "Refund", mapping: { orderId: "{{ row.id }}", reason: "r" } }];
    });
    expect(elsewhere).toEqual([
      expect.objectContaining({ code: "action_target", path: "pages[0].widgets[1].props.actions[0].mapping.orderId", message: '"refund-order" changes rows of orders in "Acme Ops", but ordersTable shows rows from "Warehouse" (query orders); choose an action for that data source.' }),
    ]);
    // A key that is not a row the table shows: a constant, one row of a multi-row selection, a list for a per-row action.
    const paths = (mapping: Record<string, string>) => problemsOf((doc) => (widget(doc, 3).props.run = refund(mapping))).map((p) => [p.code, p.message.split(":")[0]]);
    expect(paths({ orderId: "42" })).toEqual([["action_rows", "orderId says which row of orders \"refund-order\" changes, so it must come from the rows a table shows"]]);
    expect(problemsOf((doc) => (widget(doc, 3).props.run = refund({ orderId: "{{ ordersTable.selectedRows[0].id }}" })))[0]?.message).toMatch(/one row of a multi-row selection/);
    expect(paths({ orderId: "{{ pluck(ordersTable.selectedRows, 'id') }}" })[0]?.[0]).toBe("action_rows");
    expect(paths({ orderId: "{{ status.selectedRow.id }}" })[0]).toEqual(["action_rows", '"status" is not a table of this app; orderId must come from a table\'s selected rows.']);
  });

  it("reports a row action whose source is not connected, and a no-rows action on a table", () => {
    const lost = { ...DEMO_ACTION_SCHEMAS, "refund-order": { ...DEMO_ACTION_SCHEMAS["refund-order"], target: { ...DEMO_ACTION_SCHEMAS["refund-order"].target, datasource: null, unresolved: 'No data source is connected for "acme-ops".' } } };
    const doc = baseApp();
    (doc.pages[0]!.widgets![1]!.props as Record<string, unknown>).actions = [{ action: "refund-order", label: "Refund", mapping: { orderId: "{{ row.id }}", reason: "r" } }];
    expect(validateAppDocument(doc, { ...context, actions: lost }).problems).toEqual([expect.objectContaining({ code: "action_target", message: 'No data source is connected for "acme-ops".' })]);
    const noRows = { ...DEMO_ACTION_SCHEMAS, "refund-order": { ...DEMO_ACTION_SCHEMAS["refund-order"], target: { source: "acme-ops", datasource: DEMO_SOURCE, unresolved: null, table: null, key: {} } } };
    expect(validateAppDocument(doc, { ...context, actions: noRows }).problems).toEqual([expect.objectContaining({ code: "action_target", path: "pages[0].widgets[1].props.actions[0].action" })]);
  });

  it("offers `row` only inside table action mappings", () => {
    expect(problemsOf((doc) => (widget(doc, 2).props.value = "{{ row.id }}"))[0]?.code).toBe("unknown_name");
  });

  it("reports duplicate ids across queries and widgets, and duplicate pages", () => {
    const problems = problemsOf((doc) => {
      widget(doc, 2).id = "orders";
      doc.pages.push({ id: "p1", widgets: [] });
      (doc.pages[1] as unknown as { name: string }).name = "Second";
    });
    expect(problems.map((p) => [p.code, p.path])).toEqual([
      ["duplicate_id", "pages[0].widgets[2].id"],
      ["duplicate_id", "pages[1].id"],
    ]);
  });

  it("reports widgets out of the grid and overlapping widgets", () => {
    expect(problemsOf((doc) => (widget(doc, 3).layout = { x: 7, y: 0, w: 6, h: 1 })).map((p) => p.code)).toEqual(["layout_out_of_grid", "layout_overlap"]);
    const overlap = problemsOf((doc) => (widget(doc, 2).layout = { x: 2, y: 0, w: 4, h: 1 }));
    expect(overlap).toEqual([expect.objectContaining({ code: "layout_overlap", path: "pages[0].widgets[2].layout", message: expect.stringContaining('"status"') })]);
    expect(problemsOf((doc) => (widget(doc, 0).layout = { x: 0, y: 0, w: 0, h: 1 }))[0]?.code).toBe("schema");
  });

  it("reports query parameters whose type cannot fit", () => {
    const check = (sql: string) => problemsOf((doc) => (doc.queries[0]!.sql = sql)).map((p) => p.code);
    expect(check("SELECT * FROM orders WHERE id = {{ ordersTable.selectedRows }}")).toEqual(["parameter_type"]);
    expect(check("SELECT * FROM orders WHERE id = {{ ordersTable.selectedRow }}")).toEqual(["parameter_type"]);
    expect(check("SELECT * FROM orders WHERE id = {{ ordersTable }}")).toEqual(["parameter_type"]);
    expect(check("SELECT * FROM orders WHERE id IN ({{ pluck(ordersTable.selectedRows, 'id') }})")).toEqual(["parameter_type"]);
    expect(check("SELECT * FROM orders WHERE id = ANY({{ ordersTable.selectedRows }})")).toEqual(["parameter_type"]);
    expect(check("SELECT * FROM orders WHERE id = ANY( {{ pluck(ordersTable.selectedRows, 'id') }})")).toEqual([]);
    expect(check("SELECT * FROM orders WHERE id = {{ ordersTable.selectedRows[0].id }}")).toEqual([]);
    expect(check("SELECT * FROM orders WHERE id = {{ len(ordersTable.selectedRows) }}")).toEqual([]);
    expect(check("SELECT '{{1,2},{3,4}}'::int[]")).toEqual([]);
  });

  it("reports a query parameter mixing currentUser with browser values (the server refuses it)", () => {
    const check = (sql: string) => problemsOf((doc) => (doc.queries[0]!.sql = sql)).map((p) => p.code);
    expect(check("SELECT * FROM orders WHERE email = {{ currentUser.email + ordersTable.selectedRow.id }}")).toEqual(["mixed_binding"]);
    expect(check("SELECT * FROM orders WHERE email = {{ currentUser.role == 'admin' ? 1 : ordersTable.selectedRow.id }}")).toEqual(["mixed_binding"]);
    expect(check("SELECT * FROM orders WHERE email = {{ currentUser.email }} AND id = {{ ordersTable.selectedRow.id }}")).toEqual([]);
  });

  it("reports an editable table that marks no column editable, and a hidden column marked editable", () => {
    const codes = (props: Record<string, unknown>) => problemsOf((doc) => Object.assign(widget(doc, 1).props, props)).map((p) => [p.code, p.path]);
    expect(codes({ editable: true })).toEqual([["editable_columns", "pages[0].widgets[1].props.editable"]]);
    expect(codes({ editable: true, columns: [{ key: "notes", editable: true, hidden: true }] })).toEqual([
      ["editable_columns", "pages[0].widgets[1].props.columns[0]"],
      ["editable_columns", "pages[0].widgets[1].props.editable"],
    ]);
    expect(codes({ editable: true, columns: [{ key: "notes", editable: true }] })).toEqual([]);
  });

  it("reports every problem, not just the first", () => {
    const problems = problemsOf((doc) => {
      doc.queries[0]!.datasource = "Prod";
      widget(doc, 2).props.value = "{{ nope }}";
      widget(doc, 3).layout = { x: 11, y: 20, w: 2, h: 1 };
    });
    expect(problems.map((p) => p.code).sort()).toEqual(["layout_out_of_grid", "unknown_datasource", "unknown_name"]);
  });
});
