// Hostile bindings: prototype and constructor access by every route, host objects, functions
// in scope, huge or deep expressions, long-running evaluation and unicode. None may throw out
// of evaluate, reach a prototype, or run for long.
import { afterEach, describe, expect, it } from "vitest";
import { LIMITS } from "./ast";
import { evaluate, type Scope } from "./evaluate";
import { parseExpression } from "./parser";

const big = Array.from({ length: 2_000_000 }, (_, i) => i);

const scope: Scope = {
  orders: { data: [{ id: 1 }], isLoading: false, error: null },
  polluted: JSON.parse('{"__proto__": {"admin": true}, "ok": 1}') as unknown,
  fn: () => "called",
  holder: { run: () => "called", nested: { deeper: () => "called" } },
  when: new Date("2026-01-01T00:00:00Z"),
  map: new Map([["a", 1]]),
  sneaky: Object.defineProperty({}, "secret", { enumerable: true, get: () => { throw new Error("getter ran"); } }),
  big,
  long: "x".repeat(600_000),
  text: "héllo",
};

function fails(expression: string, s: Scope = scope): string {
  const result = evaluate(expression, s);
  if (result.ok) throw new Error(`expected ${expression} to fail, got ${String(result.value)}`);
  return result.error.message;
}

afterEach(() => {
  // Nothing a binding does may leak onto Object.prototype.
  expect(Object.prototype).not.toHaveProperty("admin");
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

describe("prototype and constructor access", () => {
  it.each([
    "orders.constructor",
    "orders.__proto__",
    "orders.prototype",
    "orders.__defineGetter__",
    "orders.data.constructor",
    "constructor.constructor",
    "orders.constructor.constructor",
  ])("refuses %s at parse time", (expression) => {
    const result = parseExpression(expression);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/cannot be read|Unknown/);
  });

  it.each([
    'orders["constructor"]',
    'orders["__proto__"]',
    "orders['prototype']",
    'orders["__pro" + "to__"]',
    'orders["constr" + "uctor"]["constructor"]',
    'text["constructor"]',
    'polluted["__proto__"]',
    'polluted["__proto__"]["admin"]',
    "map(orders.data, 'constructor')",
  ])("refuses %s at evaluation", (expression) => {
    expect(fails(expression)).toMatch(/cannot be read|Cannot read/);
  });

  it("does not find inherited names at the root", () => {
    expect(fails("constructor")).toBe('Unknown name "constructor".');
    expect(fails("toString")).toBe('Unknown name "toString".');
    expect(fails("hasOwnProperty")).toBe('Unknown name "hasOwnProperty".');
    expect(fails("__proto__")).toBe('Unknown name "__proto__".');
  });

  it("does not expose array internals", () => {
    expect(fails('[]["constructor"]')).toMatch(/cannot be read|whole number/);
    expect(fails('[1]["__proto__"]')).toContain("cannot be read");
    expect(fails('orders.data["__proto__"]')).toContain("cannot be read");
    expect(parseExpression("[].__proto__").ok).toBe(false);
    expect(evaluate("orders.data[-1].id", scope)).toEqual({ ok: true, value: null });
  });
});

describe("host values", () => {
  it("never calls or returns functions", () => {
    expect(fails("fn")).toContain("not a value");
    expect(fails("holder.run")).toContain("not a value");
    expect(fails("holder['run']")).toContain("not a value");
    expect(fails("coalesce(holder.nested.deeper)")).toContain("not a value");
    expect(parseExpression("holder.run()").ok).toBe(false);
    expect(parseExpression("fn()").ok).toBe(false);
  });

  it("does not read into objects other than plain ones and arrays", () => {
    expect(fails("when.getTime")).toContain("Cannot read");
    expect(fails("map.size")).toContain("Cannot read");
    expect(fails("text.length")).toContain("Cannot read");
  });

  it("does not run getters", () => {
    expect(evaluate("sneaky.secret", scope)).toEqual({ ok: true, value: null });
  });

  it("reads own data that merely looks dangerous as plain data", () => {
    expect(evaluate("polluted.ok", scope)).toEqual({ ok: true, value: 1 });
  });
});

describe("limits", () => {
  it("refuses expressions over the length limit", () => {
    const text = "1+".repeat(LIMITS.maxLength) + "1";
    const result = evaluate(text, scope);
    expect(result).toMatchObject({ ok: false, error: { start: 0, end: text.length } });
  });

  it.each([
    ["parentheses", "(".repeat(500) + "1" + ")".repeat(500)],
    ["unary chains", "-".repeat(1_000) + "1"],
    ["negations", "!".repeat(1_900) + "1"],
    ["arrays", "[".repeat(900) + "]".repeat(900)],
    ["calls", "len(".repeat(300) + "[]" + ")".repeat(300)],
    ["ternaries", "a ? ".repeat(200) + "1" + " : 2".repeat(200)],
    ["binary chains", "1+".repeat(900) + "1"],
    ["index chains", "orders" + "[0]".repeat(400)],
  ])("refuses deep %s without overflowing the stack", (_, text) => {
    const result = evaluate(text, scope);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toContain("nested more than");
  });

  it("accepts expressions just inside the depth limit", () => {
    const depth = LIMITS.maxDepth - 2;
    expect(evaluate("(".repeat(depth) + "1" + ")".repeat(depth), scope)).toEqual({ ok: true, value: 1 });
  });

  it("stops long-running evaluation by the step budget", () => {
    const started = Date.now();
    expect(fails("sum(big)")).toContain("steps");
    expect(fails("len(concat(big, big))")).toContain("steps");
    expect(fails("max(map(big, 'x'))")).toContain("steps");
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("honours a smaller step budget", () => {
    const result = evaluate("1 + 2 + 3", scope, { maxSteps: 3 });
    expect(result).toMatchObject({ ok: false, error: { start: 0, end: 9 } });
  });

  it("refuses results larger than the size limit", () => {
    expect(fails("long + long")).toContain("longer than");
  });
});

describe("unicode", () => {
  it("handles unicode text in strings", () => {
    expect(evaluate("len('😀é') + 1", scope)).toEqual({ ok: true, value: 3 });
    expect(evaluate("upper('straße')", scope)).toEqual({ ok: true, value: "STRASSE" });
    expect(evaluate("'\u00e9' == 'é'", scope)).toEqual({ ok: true, value: true });
  });

  it("refuses non-ASCII names with the right position", () => {
    expect(parseExpression("a + café")).toMatchObject({ ok: false, error: { start: 7, end: 8 } });
    expect(parseExpression("1 + 😀")).toMatchObject({ ok: false, error: { message: 'Unexpected character "😀".', start: 4, end: 6 } });
    expect(parseExpression("a\u0028")).toMatchObject({ ok: false });
  });

  it("refuses look-alike and invisible characters", () => {
    expect(parseExpression("orders\u200b.data").ok).toBe(false);
    expect(parseExpression("orders​.data").ok).toBe(false);
    expect(parseExpression("оrders").ok).toBe(false); // Cyrillic о
  });
});
