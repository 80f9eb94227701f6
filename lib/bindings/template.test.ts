// Property templates (`{{ }}` inside text) and the names a binding refers to.
import { describe, expect, it } from "vitest";
import type { Node } from "./ast";
import { parseExpression } from "./parser";
import { referencedNames, referencedPaths } from "./references";
import { evaluateTemplate, hasBindings, parseTemplate } from "./template";

const scope = {
  orders: { data: [{ id: 1 }, { id: 2 }], isLoading: false, error: null },
  currentUser: { email: "ops@acme.test", name: "Ops" },
  n: 3,
};

function ast(text: string): Node {
  const result = parseExpression(text);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe("parseTemplate", () => {
  it("splits text and bindings with positions", () => {
    const result = parseTemplate("Hi {{ currentUser.name }}, {{n}} left");
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.map((p) => [p.kind, p.start, p.end])).toEqual([
      ["text", 0, 3],
      ["binding", 3, 25],
      ["text", 25, 27],
      ["binding", 27, 32],
      ["text", 32, 37],
    ]);
    const [, first] = result.value;
    expect(first).toMatchObject({ kind: "binding", expression: " currentUser.name ", expressionStart: 5 });
  });

  it("keeps plain text as one part, and the empty string as none", () => {
    expect(parseTemplate("no bindings")).toMatchObject({ ok: true, value: [{ kind: "text", value: "no bindings" }] });
    expect(parseTemplate("")).toEqual({ ok: true, value: [] });
    expect(hasBindings("a {{ b }}")).toBe(true);
    expect(hasBindings("a { b }")).toBe(false);
  });

  it("does not end a binding at }} inside a string literal", () => {
    const result = parseTemplate("{{ '}}' + 'x' }}");
    expect(result).toMatchObject({ ok: true, value: [{ kind: "binding", start: 0, end: 16 }] });
  });

  it("reports syntax errors at their offset in the property text", () => {
    expect(parseTemplate("Total: {{ 1 + }}")).toMatchObject({ ok: false, error: { start: 14 } });
    expect(parseTemplate("ab {{ x.")).toMatchObject({ ok: false, error: { message: "A {{ is never closed; add }} after the expression.", start: 3, end: 8 } });
    expect(parseTemplate("{{ }}")).toMatchObject({ ok: false, error: { message: "The binding is empty; write an expression." } });
  });
});

describe("evaluateTemplate", () => {
  it("returns the raw value of a property that is exactly one binding", () => {
    expect(evaluateTemplate("{{ orders.data }}", scope)).toEqual({ ok: true, value: scope.orders.data });
    expect(evaluateTemplate("  {{ n }}\n", scope)).toEqual({ ok: true, value: 3 });
    expect(evaluateTemplate("{{ orders.isLoading }}", scope)).toEqual({ ok: true, value: false });
  });

  it("concatenates mixed text as text", () => {
    expect(evaluateTemplate("{{ n }} orders", scope)).toEqual({ ok: true, value: "3 orders" });
    expect(evaluateTemplate("Hi {{ currentUser.name }}! {{ orders.error }}.", scope)).toEqual({ ok: true, value: "Hi Ops! ." });
    expect(evaluateTemplate("plain", scope)).toEqual({ ok: true, value: "plain" });
  });

  it("reports evaluation errors at their offset in the property text", () => {
    expect(evaluateTemplate("x {{ missing }}", scope)).toMatchObject({ ok: false, error: { message: 'Unknown name "missing".', start: 5, end: 12 } });
    expect(evaluateTemplate("{{ 1 / 0 }}", scope)).toMatchObject({ ok: false, error: { start: 7, end: 8 } });
  });

  it("refuses lists and objects inside text", () => {
    expect(evaluateTemplate("Rows: {{ orders.data }}", scope)).toMatchObject({ ok: false, error: { start: 6, end: 23 } });
  });

  it("accepts already parsed parts", () => {
    const parts = parseTemplate("{{ n * 2 }}!");
    if (!parts.ok) throw new Error("parse failed");
    expect(evaluateTemplate(parts.value, scope)).toEqual({ ok: true, value: "6!" });
  });
});

describe("referencedNames and referencedPaths", () => {
  it("lists root names once, sorted", () => {
    expect(referencedNames(ast("len(ordersTable.selectedRows) > 0 ? orders.data[0].id : currentUser.email + orders.error"))).toEqual([
      "currentUser",
      "orders",
      "ordersTable",
    ]);
    expect(referencedNames(ast("1 + 2"))).toEqual([]);
  });

  it("finds names inside indexes, arrays, calls and conditionals", () => {
    expect(referencedNames(ast("a[b.c][d] ? [e] : coalesce(f, g ?? h)"))).toEqual(["a", "b", "d", "e", "f", "g", "h"]);
  });

  it("gives the static path of each chain", () => {
    expect(referencedPaths(ast('t.selectedRows[0].id + x["y"].z + q.data[i]')).map((p) => p.path)).toEqual([
      ["t", "selectedRows", "id"],
      ["x", "y", "z"],
      ["q", "data"],
      ["i"],
    ]);
    expect(referencedPaths(ast("  orders.data"))).toEqual([{ path: ["orders", "data"], start: 2, end: 13 }]);
  });
});
