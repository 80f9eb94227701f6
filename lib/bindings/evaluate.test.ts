// Evaluator semantics and every allowlisted function.
import { describe, expect, it } from "vitest";
import { evaluate, type Scope } from "./evaluate";
import { FUNCTION_NAMES } from "./functions";

const NOW = new Date("2026-03-15T12:30:00.000Z");

const scope: Scope = {
  orders: { data: [{ id: 7, total: 1250, status: "paid" }, { id: 9, total: "300.50", status: "shipped" }, { id: 11, total: null, status: "paid" }], isLoading: false, error: null },
  ordersTable: { selectedRows: [{ id: 7 }, { id: 9 }], selectedRow: { id: 7, "first name": "Ada" } },
  dateRange: { start: "2026-01-01", end: "2026-02-01" },
  currentUser: { email: "Ops@Acme.test", name: "Ops", role: "operator" },
  emptyTable: { selectedRows: [], selectedRow: null },
  n: 5,
  created: new Date("2026-02-01T08:00:00Z"),
  text: "  Hello  ",
};

function value(expression: string): unknown {
  const result = evaluate(expression, scope, { now: () => NOW });
  if (!result.ok) throw new Error(`${expression}: ${result.error.message}`);
  return result.value;
}

function error(expression: string) {
  const result = evaluate(expression, scope, { now: () => NOW });
  if (result.ok) throw new Error(`expected ${expression} to fail, got ${JSON.stringify(result.value)}`);
  return result.error;
}

describe("evaluate", () => {
  it("reads paths", () => {
    expect(value("orders.data[0].id")).toBe(7);
    expect(value("ordersTable.selectedRows[1].id")).toBe(9);
    expect(value('ordersTable.selectedRow["first name"]')).toBe("Ada");
    expect(value("dateRange.start")).toBe("2026-01-01");
    expect(value("currentUser.email")).toBe("Ops@Acme.test");
    expect(value("orders.data.length")).toBe(3);
    expect(value("orders.data[n - 4].status")).toBe("shipped");
  });

  it("gives null for missing data instead of failing", () => {
    expect(value("emptyTable.selectedRow.id")).toBeNull();
    expect(value("orders.data[99].id")).toBeNull();
    expect(value("currentUser.nickname")).toBeNull();
    expect(value("emptyTable.selectedRow.id ?? 'none'")).toBe("none");
  });

  it("computes operators with precedence", () => {
    expect(value("1 + 2 * 3")).toBe(7);
    expect(value("(1 + 2) * 3")).toBe(9);
    expect(value("7 % 3")).toBe(1);
    expect(value("10 / 4")).toBe(2.5);
    expect(value("-n + 1")).toBe(-4);
    expect(value("!true")).toBe(false);
    expect(value("'a' + 1")).toBe("a1");
    expect(value("'x' + null")).toBe("x");
    expect(value("orders.data[1].total * 2")).toBe(601);
    expect(value("n > 3 && n <= 5")).toBe(true);
    expect(value("'b' > 'a'")).toBe(true);
    expect(value("1 == 1 && 1 != '1'")).toBe(true);
    expect(value("null == emptyTable.selectedRow.id")).toBe(true);
    expect(value("0 || 'fallback'")).toBe("fallback");
    expect(value("0 ?? 'fallback'")).toBe(0);
    expect(value("null && boom")).toBeNull();
    expect(value("n > 3 ? 'big' : 'small'")).toBe("big");
    expect(value("[1, n, 'x']")).toEqual([1, 5, "x"]);
  });

  it("short-circuits, so the unused side may fail", () => {
    expect(value("true || missing.name")).toBe(true);
    expect(value("false ? missing : 1")).toBe(1);
  });

  it("returns type errors as values with positions", () => {
    expect(error("1 / 0")).toMatchObject({ message: "Division by zero.", start: 4, end: 5 });
    expect(error("n % 0").message).toBe("Division by zero.");
    expect(error("'a' - 1")).toMatchObject({ message: "Expected a number, got a string.", start: 0, end: 3 });
    expect(error("n * orders")).toMatchObject({ message: "Expected a number, got an object.", start: 4, end: 10 });
    expect(error("missing + 1")).toMatchObject({ message: 'Unknown name "missing".', start: 0, end: 7 });
    expect(error("'a' + orders.data").message).toContain("Cannot add a list to text");
    expect(error("n < 'a'").message).toContain("Expected a number");
    expect(error("text.length").message).toContain('Cannot read "length" of a string');
    expect(error("orders.data['0']").message).toContain("whole number");
    expect(error("orders.data[1.5]").message).toContain("whole number");
    expect(error("orders[true]").message).toContain("An index must be a number or text");
  });

  it("evaluates a parsed AST as well as text", () => {
    expect(evaluate("n + 1", scope).ok).toBe(true);
  });
});

describe("allowlisted functions", () => {
  const cases: [string, unknown][] = [
    ["len(orders.data)", 3],
    ["len('héllo')", 5],
    ["len(null)", 0],
    ["sum(map(orders.data, 'total'))", 1550.5],
    ["sum(1, 2, 3)", 6],
    // Aggregates over a column of a query's rows, as a builder writes them first.
    ['sum(orders.data, "total")', 1550.5],
    ['avg(orders.data, "total")', 775.25],
    ['min(orders.data, "id")', 7],
    ['max(orders.data, "total")', 1250],
    ["count(orders.data)", 3],
    ['count(orders.data, "total")', 2],
    ["count(null)", 0],
    ['max(5, "7")', 7],
    ["avg([2, 4, null])", 3],
    ["avg([])", null],
    ["min(3, 1, 2)", 1],
    ["max(pluck(orders.data, 'id'))", 11],
    ["min([])", null],
    ["round(2.345, 2)", 2.35],
    ["round(2.5)", 3],
    ["lower(currentUser.email)", "ops@acme.test"],
    ["upper('abc')", "ABC"],
    ["trim(text)", "Hello"],
    ["concat('a', 1, null, true)", "a1true"],
    ["concat([1], [2, 3])", [1, 2, 3]],
    ["join(pluck(ordersTable.selectedRows, 'id'))", "7, 9"],
    ["join(['a', 'b'], '-')", "a-b"],
    ["map(orders.data, 'status')", ["paid", "shipped", "paid"]],
    ["pluck(orders.data, 'missing')", [null, null, null]],
    ["formatMoney(123456)", "$1,234.56"],
    ["formatMoney(500, 'EUR')", "€5.00"],
    ["formatMoney(null)", ""],
    ["formatDate('2026-03-15T23:10:00Z')", "2026-03-15"],
    ["formatDate('2026-03-15T23:10:00Z', 'datetime')", "2026-03-15 23:10 UTC"],
    ["formatDate(null)", ""],
    ["formatDate(created)", "2026-02-01"],
    ["now()", "2026-03-15T12:30:00.000Z"],
    ["daysAgo(30)", "2026-02-13"],
    ["daysAgo(0)", "2026-03-15"],
    ["coalesce(null, emptyTable.selectedRow, 'x', 'y')", "x"],
    ["coalesce()", null],
  ];
  it.each(cases)("%s", (expression, expected) => {
    expect(value(expression)).toEqual(expected);
  });

  it("covers every function in the allowlist", () => {
    const called = new Set(cases.map(([expression]) => /^[a-zA-Z]+/.exec(expression)?.[0]));
    expect([...FUNCTION_NAMES].filter((name) => !called.has(name))).toEqual([]);
  });

  it("reports bad arguments at the call", () => {
    expect(error("len(1)")).toMatchObject({ message: "len() expects a list.", start: 0, end: 6 });
    expect(error("round(1, 2, 3)").message).toBe("round() takes 1 to 2 arguments, got 3.");
    expect(error("round(1, 20)").message).toContain("0 to 10 digits");
    expect(error("sum(['a'])").message).toContain("must be a number");
    expect(error('sum(orders.data, "status")').message).toBe('Each "status" of sum() must be a number, got string.');
    expect(error("count(1)").message).toBe("count() expects a list.");
    expect(error("upper(orders.data)").message).toContain("Expected text");
    expect(error("map(orders.data, 1)").message).toContain("field name as text");
    expect(error("map(orders.data, '__proto__')").message).toContain("cannot be read");
    expect(error("formatMoney(1, 'euro')").message).toContain("currency code");
    expect(error("formatDate('not a date')").message).toContain("ISO date");
    expect(error("formatDate('2026-01-01', 'long')").message).toContain("styles");
    expect(error("now(1)").message).toContain("takes 0 arguments");
    expect(error("daysAgo('x')").message).toContain("must be a number");
    expect(error("daysAgo(1e12)").message).toContain("fewer days");
    expect(value("round(1e300, 10)")).toBe(1e300);
  });
});
