import { describe, expect, it } from "vitest";
import { orderDeskApp } from "@/lib/app-document/demo-apps";
import { appDocumentSchema } from "@/lib/app-document";
import { buildScope } from "./scope";
import { decodeInputs, encodeInputs, inputDefault, inputOutputs, inputWidgets, type InputDefault, type InputValue } from "./input-state";

const document = appDocumentSchema.parse(orderDeskApp);
const widgets = inputWidgets(document);
const byId = (id: string) => {
  const widget = widgets.find((w) => w.id === id);
  if (!widget) throw new Error(id);
  return widget;
};

describe("inputDefault", () => {
  it("evaluates bindings in defaults", () => {
    const placed = inputDefault(byId("placed"), { currentUser: {} });
    expect(placed.error).toBeNull();
    const value = placed.value as { start: string; end: string };
    expect(value.start).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(Date.now() - new Date(value.end).getTime()).toBeLessThan(60_000);
    expect(inputDefault(byId("status"), {}).value).toBeNull();
    expect(inputDefault(byId("search"), {}).value).toBe("");
  });
  it("reads a query that has not run yet as null", () => {
    const scope = buildScope({ document, currentUser: { id: "u", email: "e", name: "n", role: "viewer" }, queries: {}, inputs: {}, selections: {} });
    const widget = { ...byId("status"), props: { kind: "select" as const, label: "S", options: { source: "static" as const, items: [] }, default: "{{ openOrders.data[0].status }}" } };
    expect(inputDefault(widget, scope)).toEqual({ value: null, error: null });
  });

  it("reports a broken default and starts empty", () => {
    const widget = { ...byId("search"), props: { kind: "text" as const, label: "S", default: "{{ nope }}" } };
    expect(inputDefault(widget, {})).toMatchObject({ value: "", error: expect.stringContaining("nope") });
  });
});

describe("URL encoding", () => {
  const defaults: Record<string, InputDefault> = Object.fromEntries(widgets.map((w) => [w.id, inputDefault(w, {})]));

  it("writes only values that differ from the default and keeps other params", () => {
    const values: Record<string, InputValue> = { status: "paid", search: "", placed: { start: "2026-01-01", end: "2026-01-31" }, note: "" };
    const params = encodeInputs(widgets, values, defaults, new URLSearchParams("page=orders&search=old"));
    expect(params.toString()).toBe("page=orders&status=paid&placed.start=2026-01-01&placed.end=2026-01-31");
  });

  it("round-trips, including an empty choice that differs from a default", () => {
    const values: Record<string, InputValue> = { status: "shipped", search: "acme co", placed: { start: "2026-02-01", end: "2026-02-10" } };
    const params = encodeInputs(widgets, values, defaults, new URLSearchParams());
    expect(decodeInputs(widgets, params)).toEqual(values);
    const withDefault = { ...defaults, status: { value: "paid", error: null } };
    const cleared = encodeInputs(widgets, { status: null }, withDefault, new URLSearchParams());
    expect(cleared.get("status")).toBe("");
    expect(decodeInputs(widgets, cleared)).toEqual({ status: null });
  });

  it("ignores malformed values", () => {
    expect(decodeInputs(widgets, new URLSearchParams("placed.start=yesterday&placed.end=2026-01-02"))).toEqual({ placed: { start: null, end: "2026-01-02" } });
    expect(decodeInputs(widgets, new URLSearchParams("placed.start=2026-01-01&placed.end=2026-01-02T10:11:12.345Z"))).toEqual({ placed: { start: "2026-01-01", end: "2026-01-02T10:11:12.345Z" } });
  });

  it("keeps static option types", () => {
    const select = { ...byId("status"), props: { kind: "select" as const, label: "N", options: { source: "static" as const, items: [{ value: 2, label: "Two" }] } } };
    expect(decodeInputs([select], new URLSearchParams("status=2"))).toEqual({ status: 2 });
  });
});

describe("inputOutputs", () => {
  it("exposes value, or start and end", () => {
    expect(inputOutputs(byId("status"), "paid")).toEqual({ value: "paid" });
    expect(inputOutputs(byId("placed"), { start: "a", end: "b" })).toEqual({ start: "a", end: "b" });
  });
});
