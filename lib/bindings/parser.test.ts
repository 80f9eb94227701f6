// Parser and tokenizer: precedence, every construct of the grammar, and errors with positions.
import { describe, expect, it } from "vitest";
import type { Node } from "./ast";
import { parseExpression } from "./parser";

/** Compact S-expression of an AST, so precedence is easy to read in expectations. */
function show(node: Node): string {
  switch (node.kind) {
    case "literal":
      return JSON.stringify(node.value);
    case "name":
      return node.name;
    case "member":
      return `${show(node.object)}.${node.property}`;
    case "index":
      return `${show(node.object)}[${show(node.index)}]`;
    case "unary":
      return `(${node.operator}${show(node.operand)})`;
    case "binary":
      return `(${show(node.left)} ${node.operator} ${show(node.right)})`;
    case "conditional":
      return `(${show(node.test)} ? ${show(node.consequent)} : ${show(node.alternate)})`;
    case "array":
      return `[${node.elements.map(show).join(", ")}]`;
    case "call":
      return `${node.callee}(${node.args.map(show).join(", ")})`;
  }
}

function parsed(text: string): string {
  const result = parseExpression(text);
  if (!result.ok) throw new Error(result.error.message);
  return show(result.value);
}

function failure(text: string) {
  const result = parseExpression(text);
  if (result.ok) throw new Error(`expected "${text}" to fail`);
  return result.error;
}

describe("parseExpression", () => {
  it("reads literals", () => {
    expect(parsed("42")).toBe("42");
    expect(parsed("3.5e2")).toBe("350");
    expect(parsed(".5")).toBe("0.5");
    expect(parsed('"a\\"b\\n\\u00e9"')).toBe(JSON.stringify('a"b\né'));
    expect(parsed("'it\\'s'")).toBe(JSON.stringify("it's"));
    expect(parsed("true")).toBe("true");
    expect(parsed("false")).toBe("false");
    expect(parsed("null")).toBe("null");
  });

  it("reads paths with dots and brackets", () => {
    expect(parsed("orders.data")).toBe("orders.data");
    expect(parsed("ordersTable.selectedRows[0].id")).toBe('ordersTable.selectedRows[0].id');
    expect(parsed('row["first name"]')).toBe('row["first name"]');
    expect(parsed("dateRange.start")).toBe("dateRange.start");
  });

  it("follows operator precedence", () => {
    expect(parsed("1 + 2 * 3")).toBe("(1 + (2 * 3))");
    expect(parsed("(1 + 2) * 3")).toBe("((1 + 2) * 3)");
    expect(parsed("10 - 4 - 3")).toBe("((10 - 4) - 3)");
    expect(parsed("a % 2 == 0 && b < 3 || c")).toBe("((((a % 2) == 0) && (b < 3)) || c)");
    expect(parsed("a ?? b || c")).toBe("(a ?? (b || c))");
    expect(parsed("-a * !b")).toBe("((-a) * (!b))");
    expect(parsed("a <= b != c >= d")).toBe("((a <= b) != (c >= d))");
    expect(parsed("a ? b : c ? d : e")).toBe("(a ? b : (c ? d : e))");
    expect(parsed("x > 1 ? 'big' : 'small'")).toBe('((x > 1) ? "big" : "small")');
  });

  it("reads arrays and calls", () => {
    expect(parsed("[1, 'a', [true]]")).toBe('[1, "a", [true]]');
    expect(parsed("[]")).toBe("[]");
    expect(parsed("sum(map(rows, 'x'))")).toBe('sum(map(rows, "x"))');
    expect(parsed("now()")).toBe("now()");
  });

  it("reports errors with positions", () => {
    expect(failure("1 +")).toMatchObject({ message: "Expected a value but the expression ended.", start: 3, end: 4 });
    expect(failure("a b")).toMatchObject({ start: 2, end: 3 });
    expect(failure("(1 + 2")).toMatchObject({ message: 'Expected ")" but the expression ended.', start: 6 });
    expect(failure("a ? b")).toMatchObject({ start: 5 });
    expect(failure('"abc')).toMatchObject({ message: "A string is never closed; add the closing quote.", start: 0, end: 4 });
    expect(failure("'\\q'")).toMatchObject({ start: 1, end: 3 });
    expect(failure("a # b")).toMatchObject({ message: 'Unexpected character "#".', start: 2, end: 3 });
    expect(failure("a.")).toMatchObject({ start: 2 });
    expect(failure("a.1")).toMatchObject({ start: 1 });
    expect(failure("12abc")).toMatchObject({ start: 0 });
    expect(failure("")).toMatchObject({ message: "The binding is empty; write an expression." });
    expect(failure("   ")).toMatchObject({ message: "The binding is empty; write an expression." });
  });

  it("only calls allowlisted functions, and never methods", () => {
    expect(failure("eval('1')")).toMatchObject({ start: 0, end: 4 });
    expect(failure("eval('1')").message).toContain('Unknown function "eval"');
    expect(failure("toString()").message).toContain("Unknown function");
    expect(failure("name.toUpperCase()")).toMatchObject({ start: 16 });
    expect(failure("(len)(x)").message).toContain("values have no methods");
  });

  it("rejects assignment and other JavaScript it does not know", () => {
    expect(parseExpression("a = 1").ok).toBe(false);
    expect(parseExpression("a => a").ok).toBe(false);
    expect(parseExpression("`x${1}`").ok).toBe(false);
    expect(parseExpression("a; b").ok).toBe(false);
    expect(parseExpression("{a: 1}").ok).toBe(false);
    expect(parseExpression("a?.b").ok).toBe(false);
  });
});
