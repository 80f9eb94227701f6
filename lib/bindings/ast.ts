// The binding language's shared types: tokens, the AST the parser builds, and the error value
// every stage returns instead of throwing. Positions are offsets into the expression text.

export interface BindingError {
  message: string;
  /** Offset of the first character the error is about. */
  start: number;
  /** Offset just past the last character the error is about. */
  end: number;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: BindingError };

export interface Span {
  start: number;
  end: number;
}

export type BinaryOperator = "*" | "/" | "%" | "+" | "-" | "<" | "<=" | ">" | ">=" | "==" | "!=" | "&&" | "||" | "??";

export type Node =
  | ({ kind: "literal"; value: string | number | boolean | null } & Span)
  | ({ kind: "name"; name: string } & Span)
  | ({ kind: "member"; object: Node; property: string } & Span)
  | ({ kind: "index"; object: Node; index: Node } & Span)
  | ({ kind: "unary"; operator: "!" | "-"; operand: Node } & Span)
  | ({ kind: "binary"; operator: BinaryOperator; left: Node; right: Node } & Span)
  | ({ kind: "conditional"; test: Node; consequent: Node; alternate: Node } & Span)
  | ({ kind: "array"; elements: Node[] } & Span)
  | ({ kind: "call"; callee: string; args: Node[] } & Span);

export const LIMITS = {
  /** Longest expression text accepted, in characters. */
  maxLength: 2_000,
  /** Deepest nesting of AST nodes accepted. */
  maxDepth: 64,
  /** Evaluation steps (nodes visited + items touched by functions) before evaluation stops. */
  maxSteps: 100_000,
  /** Longest string or list a binding may build. */
  maxResultSize: 1_000_000,
} as const;

export function err(message: string, start: number, end: number): { ok: false; error: BindingError } {
  return { ok: false, error: { message, start, end } };
}
