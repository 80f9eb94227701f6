// Upper bound on how deep the parsers' expression trees can get, measured on the token stream.
// Why: a chain like `1+1+…+1` parses iteratively but becomes a tree as deep as it is long.
// Around 750 chained operators sqlparser-rs's WASM build overflows its stack while converting the
// tree, traps with "memory access out of bounds", and stays broken for every later query in the
// process. Deep trees also overflow our own recursive AST walkers. So the lexer refuses
// statements whose bound exceeds MAX_EXPRESSION_DEPTH before any parser sees them.
//
// The bound: each operator adds at most one level to the expression it belongs to; a
// parenthesised group or CASE … END adds its own depth plus one to the expression around it;
// list separators (",") and clause keywords (WHERE, ON, …) start a new, sibling expression.
import { fail } from "./errors";

export const MAX_EXPRESSION_DEPTH = 400;

export const OPERATOR_WORDS: ReadonlySet<string> = new Set([
  "AND", "OR", "XOR", "NOT", "IS", "LIKE", "ILIKE", "RLIKE", "REGEXP", "GLOB", "MATCH", "SIMILAR", "BETWEEN", "IN",
  "COLLATE", "DIV", "MOD", "AT", "UNION", "INTERSECT", "EXCEPT", "MINUS", "ESCAPE", "OVERLAPS", "MEMBER", "SOUNDS",
  "OPERATOR",
]);

/** Keywords after which a new expression starts (the previous one cannot continue past them). */
export const SEPARATOR_WORDS: ReadonlySet<string> = new Set([
  "SELECT", "FROM", "WHERE", "GROUP", "HAVING", "ORDER", "LIMIT", "OFFSET", "FETCH", "WINDOW", "RETURNING", "ON",
  "USING", "JOIN", "SET", "VALUES", "INTO", "QUALIFY",
]);

interface Level {
  kind: "paren" | "case";
  ops: number;
  child: number;
}

export class DepthMeter {
  private readonly levels: Level[] = [{ kind: "paren", ops: 0, child: 0 }];
  /** Σ (ops + child + 1) over the open levels: the depth of the expression being read right now. */
  private path = 1;

  private top(): Level {
    return this.levels[this.levels.length - 1] as Level;
  }

  private check(position: number): void {
    if (this.path > MAX_EXPRESSION_DEPTH) {
      fail(
        "syntax_error",
        `This expression is nested or chained too deeply to be checked safely (more than ${MAX_EXPRESSION_DEPTH} levels); split it up, or use IN (...) / = ANY(...) instead of long OR chains.`,
        position,
      );
    }
  }

  operator(position: number): void {
    this.top().ops++;
    this.path++;
    this.check(position);
  }

  open(kind: Level["kind"], position: number): void {
    this.levels.push({ kind, ops: 0, child: 0 });
    this.path++;
    this.check(position);
  }

  /**
   * Closes the innermost level of `kind` (and anything left open inside it). Closing never makes
   * the current path deeper than a path already checked, so there is nothing to check here.
   */
  close(kind: Level["kind"]): void {
    if (!this.levels.some((l, i) => i > 0 && l.kind === kind)) return;
    for (;;) {
      const level = this.levels.pop() as Level;
      const depth = level.ops + level.child + 1;
      this.path -= depth;
      const parent = this.top();
      if (depth > parent.child) {
        this.path += depth - parent.child;
        parent.child = depth;
      }
      if (level.kind === kind) return;
    }
  }

  /** A "," or clause keyword: what follows is a sibling of what came before. */
  separator(): void {
    const level = this.top();
    this.path -= level.ops + level.child;
    level.ops = 0;
    level.child = 0;
  }

  /** CASE's WHEN/THEN/ELSE separate its branches, but only directly inside CASE … END. */
  caseBranch(): void {
    if (this.top().kind === "case") this.separator();
  }
}
