// Evaluates a binding AST over a scope object (query results, widget outputs, currentUser).
// A tree walk with a step budget: no eval, no Function, no host objects. Every failure —
// type error, forbidden key, step limit, even an unexpected exception — comes back as
// `{ ok: false, error: { message, start, end } }`; `evaluate` never throws.
//
// Semantics worth knowing: reading any property of null/undefined gives null (so
// `table.selectedRow.id` is null before a selection); `==` is strict except null == undefined;
// `+` concatenates when either side is text; `- * / % < >` accept numeric strings (drivers
// return DECIMAL as text); division by zero is an error; the final `undefined` becomes null.
import { readProperty } from "./access";
import { LIMITS, err, type BindingError, type Node, type Result } from "./ast";
import { callFunction, FunctionError, toNumber, type FunctionContext } from "./functions";
import { parseExpression } from "./parser";

export type Scope = Readonly<Record<string, unknown>>;

export interface EvaluateOptions {
  /** Clock for now() and daysAgo(); tests pass a fixed one. */
  now?: () => Date;
  maxSteps?: number;
}

class EvalFailure {
  constructor(readonly error: BindingError) {}
}

class StepLimit extends Error {}

function kindOf(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (Array.isArray(value)) return "a list";
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}

function equal(a: unknown, b: unknown): boolean {
  if ((a === null || a === undefined) && (b === null || b === undefined)) return true;
  return a === b;
}

class Evaluator implements FunctionContext {
  private steps = 0;

  constructor(
    private readonly scope: Scope,
    private readonly maxSteps: number,
    readonly now: () => Date,
  ) {}

  charge(n: number): void {
    this.steps += n;
    if (this.steps > this.maxSteps) throw new StepLimit();
  }

  private fail(message: string, node: Node): never {
    throw new EvalFailure({ message, start: node.start, end: node.end });
  }

  private number(value: unknown, node: Node): number {
    try {
      return toNumber(value, "This value");
    } catch {
      return this.fail(`Expected a number, got ${kindOf(value)}.`, node);
    }
  }

  private checkSize(value: unknown, node: Node): unknown {
    if ((typeof value === "string" || Array.isArray(value)) && value.length > LIMITS.maxResultSize) {
      this.fail(`The result is longer than ${LIMITS.maxResultSize} items; narrow the data first.`, node);
    }
    return value;
  }

  run(node: Node): unknown {
    this.charge(1);
    switch (node.kind) {
      case "literal":
        return node.value;
      case "name": {
        if (!Object.prototype.hasOwnProperty.call(this.scope, node.name)) {
          this.fail(`Unknown name "${node.name}".`, node);
        }
        const read = readProperty(this.scope, node.name);
        return read.ok ? read.value : this.fail(read.message, node);
      }
      case "member": {
        const read = readProperty(this.run(node.object), node.property);
        return read.ok ? read.value : this.fail(read.message, node);
      }
      case "index": {
        const target = this.run(node.object);
        const key = this.run(node.index);
        if (typeof key !== "string" && typeof key !== "number") {
          this.fail(`An index must be a number or text, got ${kindOf(key)}.`, node.index);
        }
        const read = readProperty(target, key);
        return read.ok ? read.value : this.fail(read.message, node);
      }
      case "unary": {
        const value = this.run(node.operand);
        return node.operator === "!" ? !value : -this.number(value, node.operand);
      }
      case "binary":
        return this.binary(node);
      case "conditional":
        return this.run(node.test) ? this.run(node.consequent) : this.run(node.alternate);
      case "array":
        return node.elements.map((element) => this.run(element));
      case "call": {
        const args = node.args.map((arg) => this.run(arg));
        try {
          return this.checkSize(callFunction(node.callee, args, this), node);
        } catch (error) {
          if (error instanceof FunctionError) this.fail(error.message, node);
          throw error;
        }
      }
    }
  }

  private binary(node: Extract<Node, { kind: "binary" }>): unknown {
    const { operator } = node;
    // Short-circuit operators evaluate the right side only when needed.
    if (operator === "&&") {
      const left = this.run(node.left);
      return left ? this.run(node.right) : left;
    }
    if (operator === "||") {
      const left = this.run(node.left);
      return left ? left : this.run(node.right);
    }
    if (operator === "??") {
      const left = this.run(node.left);
      return left === null || left === undefined ? this.run(node.right) : left;
    }
    const left = this.run(node.left);
    const right = this.run(node.right);
    switch (operator) {
      case "==":
        return equal(left, right);
      case "!=":
        return !equal(left, right);
      case "+":
        if (typeof left === "string" || typeof right === "string") {
          for (const [value, side] of [[left, node.left], [right, node.right]] as const) {
            if (value !== null && value !== undefined && typeof value === "object") {
              this.fail(`Cannot add ${kindOf(value)} to text; use join() or concat().`, side);
            }
          }
          const text = `${left ?? ""}${right ?? ""}`;
          return this.checkSize(text, node);
        }
        return this.number(left, node.left) + this.number(right, node.right);
      case "-":
        return this.number(left, node.left) - this.number(right, node.right);
      case "*":
        return this.number(left, node.left) * this.number(right, node.right);
      case "/":
      case "%": {
        const a = this.number(left, node.left);
        const b = this.number(right, node.right);
        if (b === 0) this.fail("Division by zero.", node.right);
        return operator === "/" ? a / b : a % b;
      }
      case "<":
      case "<=":
      case ">":
      case ">=":
        return this.compare(operator, left, right, node);
    }
  }

  private compare(operator: "<" | "<=" | ">" | ">=", left: unknown, right: unknown, node: Node): boolean {
    let a: number | string;
    let b: number | string;
    if (typeof left === "string" && typeof right === "string") {
      [a, b] = [left, right];
    } else {
      [a, b] = [this.number(left, node), this.number(right, node)];
    }
    if (operator === "<") return a < b;
    if (operator === "<=") return a <= b;
    if (operator === ">") return a > b;
    return a >= b;
  }
}

/** Evaluates an expression (text inside `{{ }}`, or an AST from parseExpression) over `scope`. */
export function evaluate(expression: string | Node, scope: Scope, options: EvaluateOptions = {}): Result<unknown> {
  const parsed = typeof expression === "string" ? parseExpression(expression) : { ok: true as const, value: expression };
  if (!parsed.ok) return parsed;
  const root = parsed.value;
  const evaluator = new Evaluator(scope, options.maxSteps ?? LIMITS.maxSteps, options.now ?? (() => new Date()));
  try {
    const value = evaluator.run(root);
    return { ok: true, value: value === undefined ? null : value };
  } catch (error) {
    if (error instanceof EvalFailure) return { ok: false, error: error.error };
    if (error instanceof StepLimit) {
      return err(`The binding took more than ${options.maxSteps ?? LIMITS.maxSteps} steps; narrow the data it works on.`, root.start, root.end);
    }
    const message = error instanceof Error ? error.message : "unknown error";
    return err(`The binding could not be evaluated: ${message}`, root.start, root.end);
  }
}
