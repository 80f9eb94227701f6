import { describe, expect, it } from "vitest";
import { appDocumentSchema } from "@/lib/app-document";
import { orderDeskApp } from "@/lib/app-document/demo-apps";
import { isFieldWithin, locateProblems, messagesAt, problemTarget } from "./problem-targets";

const doc = appDocumentSchema.parse(orderDeskApp);

describe("problem targets", () => {
  it("points paths at widgets, queries and pages by id", () => {
    expect(problemTarget(doc, "pages[0].widgets[4].props.data")).toEqual({ kind: "widget", pageId: "orders", widgetId: "ordersTable", field: "props.data" });
    expect(problemTarget(doc, "pages[0].widgets[4].layout")).toEqual({ kind: "widget", pageId: "orders", widgetId: "ordersTable", field: "layout" });
    expect(problemTarget(doc, "queries[1].sql")).toEqual({ kind: "query", queryId: "lateShipments", field: "sql" });
    expect(problemTarget(doc, "pages[0].id")).toEqual({ kind: "page", pageId: "orders", field: "id" });
    expect(problemTarget(doc, "slug")).toEqual({ kind: "app", field: "slug" });
    expect(problemTarget(doc, "pages[0].widgets[99].id")).toEqual({ kind: "page", pageId: "orders", field: "widgets[99].id" });
  });

  it("finds the messages at a field and inside it", () => {
    const located = locateProblems(doc, [
      { code: "unknown_field", path: "pages[0].widgets[6].props.run.mapping.orderIdz", message: "m1" },
      { code: "unknown_name", path: "pages[0].widgets[6].props.label", message: "m2" },
    ]);
    expect(messagesAt(located, "props.run")).toEqual(["m1"]);
    expect(messagesAt(located, "props.run.mapping.orderIdz")).toEqual(["m1"]);
    expect(isFieldWithin("props.columns[0].key", "props.columns")).toBe(true);
    expect(isFieldWithin("props.dataX", "props.data")).toBe(false);
  });
});
