// Recursive-descent parser for binding expressions: tokens → AST. Precedence, lowest first:
// ternary `? :`, `??`, `||`, `&&`, `== !=`, `< <= > >=`, `+ -`, `* / %`, unary `! -`,
// then postfix `.name`, `[index]` and calls of allowlisted functions. Never throws.
import { err, LIMITS, type BinaryOperator, type BindingError, type Node, type Result } from "./ast";
import { isForbiddenKey } from "./access";
import { FUNCTION_NAMES } from "./functions";
import { tokenize, type Token } from "./tokenizer";

const BINARY_LEVELS: readonly (readonly BinaryOperator[])[] = [
  ["??"],
  ["||"],
  ["&&"],
  ["==", "!="],
  ["<", "<=", ">", ">="],
  ["+", "-"],
  ["*", "/", "%"],
];

class ParseFailure {
  constructor(readonly error: BindingError) {}
}

class Parser {
  private at = 0;
  private depth = 0;

  constructor(private readonly tokens: Token[]) {}

  private peek(): Token {
    return this.tokens[this.at] ?? (this.tokens[this.tokens.length - 1] as Token);
  }

  private next(): Token {
    const token = this.peek();
    if (token.type !== "eof") this.at += 1;
    return token;
  }

  private isPunct(value: string): boolean {
    const token = this.peek();
    return token.type === "punct" && token.value === value;
  }

  private fail(message: string, token: Token = this.peek()): never {
    throw new ParseFailure({ message, start: token.start, end: Math.max(token.end, token.start + 1) });
  }

  private expect(value: string, what: string): Token {
    if (!this.isPunct(value)) {
      const token = this.peek();
      this.fail(token.type === "eof" ? `Expected ${what} but the expression ended.` : `Expected ${what}.`, token);
    }
    return this.next();
  }

  private enter(): void {
    this.depth += 1;
    // A guard against deep recursion while parsing (a parenthesis counts twice); the AST depth
    // limit proper is checked on the finished tree.
    if (this.depth > LIMITS.maxDepth * 2) this.fail(`The expression is nested more than ${LIMITS.maxDepth} levels deep; simplify it.`);
  }

  parseAll(): Node {
    const node = this.parseExpression();
    const token = this.peek();
    if (token.type !== "eof") this.fail(`Unexpected ${describeToken(token)}; expected an operator or the end of the expression.`, token);
    return node;
  }

  private parseExpression(): Node {
    this.enter();
    const test = this.parseBinary(0);
    let node = test;
    if (this.isPunct("?")) {
      this.next();
      const consequent = this.parseExpression();
      this.expect(":", '":" of the conditional'); // `a ? b : c`
      const alternate = this.parseExpression();
      node = { kind: "conditional", test, consequent, alternate, start: test.start, end: alternate.end };
    }
    this.depth -= 1;
    return node;
  }

  private parseBinary(level: number): Node {
    const operators = BINARY_LEVELS[level];
    if (operators === undefined) return this.parseUnary();
    let left = this.parseBinary(level + 1);
    for (;;) {
      const token = this.peek();
      const operator = operators.find((op) => token.type === "punct" && token.value === op);
      if (operator === undefined) return left;
      this.next();
      const right = this.parseBinary(level + 1);
      left = { kind: "binary", operator, left, right, start: left.start, end: right.end };
    }
  }

  private parseUnary(): Node {
    const token = this.peek();
    if (token.type === "punct" && (token.value === "!" || token.value === "-")) {
      this.enter();
      this.next();
      const operand = this.parseUnary();
      this.depth -= 1;
      return { kind: "unary", operator: token.value, operand, start: token.start, end: operand.end };
    }
    return this.parsePostfix();
  }

  private parsePostfix(): Node {
    let node = this.parsePrimary();
    for (;;) {
      if (this.isPunct(".")) {
        this.next();
        const name = this.next();
        if (name.type !== "identifier") this.fail('Expected a property name after ".".', name);
        if (isForbiddenKey(name.value)) this.fail(`"${name.value}" cannot be read in a binding.`, name);
        node = { kind: "member", object: node, property: name.value, start: node.start, end: name.end };
      } else if (this.isPunct("[")) {
        this.next();
        const index = this.parseExpression();
        const close = this.expect("]", '"]"');
        node = { kind: "index", object: node, index, start: node.start, end: close.end };
      } else if (this.isPunct("(")) {
        this.fail("Only the built-in functions can be called, like len(x); values have no methods.");
      } else {
        return node;
      }
    }
  }

  private parseList(close: string): { items: Node[]; end: number } {
    const items: Node[] = [];
    while (!this.isPunct(close)) {
      items.push(this.parseExpression());
      if (!this.isPunct(",")) break;
      this.next();
    }
    const end = this.expect(close, `"${close}"`).end;
    return { items, end };
  }

  private parsePrimary(): Node {
    const token = this.next();
    switch (token.type) {
      case "number":
      case "string":
        return { kind: "literal", value: token.value, start: token.start, end: token.end };
      case "identifier": {
        if (token.value === "true" || token.value === "false") {
          return { kind: "literal", value: token.value === "true", start: token.start, end: token.end };
        }
        if (token.value === "null") return { kind: "literal", value: null, start: token.start, end: token.end };
        if (this.isPunct("(")) {
          if (!FUNCTION_NAMES.has(token.value)) {
            this.fail(`Unknown function "${token.value}"; available: ${[...FUNCTION_NAMES].join(", ")}.`, token);
          }
          this.next();
          this.enter();
          const { items, end } = this.parseList(")");
          this.depth -= 1;
          return { kind: "call", callee: token.value, args: items, start: token.start, end };
        }
        return { kind: "name", name: token.value, start: token.start, end: token.end };
      }
      case "punct":
        if (token.value === "(") {
          this.enter();
          const inner = this.parseExpression();
          this.expect(")", '")"');
          this.depth -= 1;
          return inner;
        }
        if (token.value === "[") {
          this.enter();
          const { items, end } = this.parseList("]");
          this.depth -= 1;
          return { kind: "array", elements: items, start: token.start, end };
        }
        return this.fail(`Unexpected ${describeToken(token)}; expected a value.`, token);
      case "eof":
        return this.fail("Expected a value but the expression ended.", token);
    }
  }
}

function describeToken(token: Token): string {
  if (token.type === "eof") return "end of expression";
  if (token.type === "string") return "string";
  return `"${token.value}"`;
}

/** Depth of the AST; binary chains like `1+1+1…` are built by a loop, so check after parsing. */
export function astDepth(node: Node): number {
  switch (node.kind) {
    case "literal":
    case "name":
      return 1;
    case "member":
      return 1 + astDepth(node.object);
    case "index":
      return 1 + Math.max(astDepth(node.object), astDepth(node.index));
    case "unary":
      return 1 + astDepth(node.operand);
    case "binary":
      return 1 + Math.max(astDepth(node.left), astDepth(node.right));
    case "conditional":
      return 1 + Math.max(astDepth(node.test), astDepth(node.consequent), astDepth(node.alternate));
    case "array":
      return 1 + Math.max(0, ...node.elements.map(astDepth));
    case "call":
      return 1 + Math.max(0, ...node.args.map(astDepth));
  }
}

/** Parses the text inside `{{ }}`. Errors carry offsets into `text`. */
export function parseExpression(text: string): Result<Node> {
  const tokens = tokenize(text);
  if (!tokens.ok) return tokens;
  if (tokens.value.length === 1) return err("The binding is empty; write an expression.", 0, text.length);
  try {
    const node = new Parser(tokens.value).parseAll();
    if (astDepth(node) > LIMITS.maxDepth) {
      return err(`The expression is nested more than ${LIMITS.maxDepth} levels deep; simplify it.`, node.start, node.end);
    }
    return { ok: true, value: node };
  } catch (error) {
    if (error instanceof ParseFailure) return { ok: false, error: error.error };
    // A RangeError from a pathological input is still a bad binding, not a crash.
    return err(error instanceof Error ? error.message : "The expression could not be parsed.", 0, text.length);
  }
}
