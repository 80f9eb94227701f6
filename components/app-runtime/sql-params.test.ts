import { describe, expect, it } from "vitest";
import { evaluateSqlParams, paramsKey, parseTestValue, sqlExpressions, toParamValue } from "./sql-params";

describe("sqlExpressions", () => {
  it("lists distinct trimmed expressions in order and skips array literals", () => {
    const sql = "SELECT * FROM t WHERE a = {{ status.value }} AND b = {{status.value}} AND c = ANY('{{1,2},{3,4}}') AND d < {{ placed.end }}";
    expect(sqlExpressions(sql)).toEqual(["status.value", "placed.end"]);
  });
});

describe("evaluateSqlParams", () => {
  const scope = { status: { value: "paid" }, search: { value: null }, table: { selectedRows: [{ id: 1 }, { id: 2 }], selectedRow: { id: 1 } } };

  it("keys values by the expression text and keeps their types", () => {
    const sql = "… {{ status.value }} {{ search.value ?? '' }} {{ pluck(table.selectedRows, 'id') }} {{ table.selectedRow.id }}";
    expect(evaluateSqlParams(sql, scope)).toEqual({
      ok: true,
      params: { "status.value": "paid", "search.value ?? ''": "", "pluck(table.selectedRows, 'id')": [1, 2], "table.selectedRow.id": 1 },
    });
  });

  it("reports the expression that fails or cannot be a parameter", () => {
    expect(evaluateSqlParams("{{ nope.value }}", scope)).toMatchObject({ ok: false, expression: "nope.value" });
    const rows = evaluateSqlParams("{{ table.selectedRows }}", scope);
    expect(rows.ok).toBe(false);
    if (!rows.ok) expect(rows.message).toContain("list of rows");
    expect(evaluateSqlParams("{{ table.selectedRow }}", scope)).toMatchObject({ ok: false, expression: "table.selectedRow" });
  });
});

describe("toParamValue / paramsKey", () => {
  it("turns undefined into null and refuses objects", () => {
    expect(toParamValue(undefined)).toEqual({ ok: true, value: null });
    expect(toParamValue({ a: 1 }).ok).toBe(false);
    expect(toParamValue(Number.NaN).ok).toBe(false);
  });
  it("ignores key order", () => {
    expect(paramsKey({ a: 1, b: "x" })).toBe(paramsKey({ b: "x", a: 1 }));
    expect(paramsKey({ a: 1 })).not.toBe(paramsKey({ a: "1" }));
  });

  it("uses the builder's test values while an expression fails or has no value; a real value wins", () => {
    const scope = { status: { value: "paid" }, search: { value: null } };
    const tests = { "filmPicker.value": "42", "search.value": "ali", "status.value": "pending" };
    expect(evaluateSqlParams("{{ filmPicker.value }} {{ search.value }} {{ status.value }}", scope, tests)).toEqual({ ok: true, params: { "filmPicker.value": 42, "search.value": "ali", "status.value": "paid" } });
    expect(evaluateSqlParams("{{ filmPicker.value }}", scope, { "filmPicker.value": "" })).toMatchObject({ ok: false, expression: "filmPicker.value" });
  });
});

describe("parseTestValue", () => {
  it("reads JSON values a parameter can be, else the text", () => {
    expect([parseTestValue("42"), parseTestValue("true"), parseTestValue("null"), parseTestValue("[1, 2]"), parseTestValue('"7"'), parseTestValue("paid"), parseTestValue('{"a": 1}')]).toEqual([42, true, null, [1, 2], "7", "paid", '{"a": 1}']);
  });
});
