// Property strings with `{{ }}` bindings: splitting them into text and binding parts, and
// evaluating them. A property that is exactly one `{{ expr }}` (surrounding whitespace ignored)
// evaluates to the raw value (a list stays a list); mixed text concatenates as text.
// There is no escape for a literal "{{": widget text that needs one can use {{ "{{" }}.
import { err, type BindingError, type Node, type Result } from "./ast";
import { evaluate, type EvaluateOptions, type Scope } from "./evaluate";
import { toText } from "./functions";
import { parseExpression } from "./parser";

export type TemplatePart =
  | { kind: "text"; value: string; start: number; end: number }
  | {
      kind: "binding";
      /** The text between the braces. */
      expression: string;
      ast: Node;
      /** Offsets of `{{` and just past `}}` in the property text. */
      start: number;
      end: number;
      /** Offset of the expression text; AST positions are relative to it. */
      expressionStart: number;
    };

function shift(error: BindingError, by: number): BindingError {
  return { message: error.message, start: error.start + by, end: error.end + by };
}

/** True when the text holds at least one `{{`. */
export function hasBindings(text: string): boolean {
  return text.includes("{{");
}

/** Splits a property into parts; a syntax error is reported with offsets into `text`. */
export function parseTemplate(text: string): Result<TemplatePart[]> {
  const parts: TemplatePart[] = [];
  let at = 0;
  while (at < text.length) {
    const open = text.indexOf("{{", at);
    if (open < 0) {
      parts.push({ kind: "text", value: text.slice(at), start: at, end: text.length });
      break;
    }
    if (open > at) parts.push({ kind: "text", value: text.slice(at, open), start: at, end: open });
    const close = findClose(text, open + 2);
    if (close < 0) return err("A {{ is never closed; add }} after the expression.", open, text.length);
    const expression = text.slice(open + 2, close);
    const parsed = parseExpression(expression);
    if (!parsed.ok) return { ok: false, error: shift(parsed.error, open + 2) };
    parts.push({ kind: "binding", expression, ast: parsed.value, start: open, end: close + 2, expressionStart: open + 2 });
    at = close + 2;
  }
  return { ok: true, value: parts };
}

/** Finds the `}}` closing a binding, skipping any inside string literals. */
function findClose(text: string, from: number): number {
  let quote: string | null = null;
  for (let i = from; i < text.length; i += 1) {
    const ch = text[i];
    if (quote) {
      if (ch === "\\") i += 1;
      else if (ch === quote) quote = null;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
    } else if (ch === "}" && text[i + 1] === "}") {
      return i;
    }
  }
  return -1;
}

/** Evaluates a property string (or its parts). Errors carry offsets into the property text. */
export function evaluateTemplate(template: string | TemplatePart[], scope: Scope, options: EvaluateOptions = {}): Result<unknown> {
  const parsed = typeof template === "string" ? parseTemplate(template) : { ok: true as const, value: template };
  if (!parsed.ok) return parsed;
  const parts = parsed.value;
  const bindings = parts.filter((p) => p.kind === "binding");
  const onlyBinding = bindings.length === 1 && parts.every((p) => p.kind === "binding" || p.value.trim() === "");
  if (onlyBinding) {
    const [part] = bindings;
    if (part === undefined) return { ok: true, value: "" };
    const result = evaluate(part.ast, scope, options);
    return result.ok ? result : { ok: false, error: shift(result.error, part.expressionStart) };
  }
  let text = "";
  for (const part of parts) {
    if (part.kind === "text") {
      text += part.value;
      continue;
    }
    const result = evaluate(part.ast, scope, options);
    if (!result.ok) return { ok: false, error: shift(result.error, part.expressionStart) };
    if (result.value !== null && typeof result.value === "object") {
      return err("A list or object cannot be put into text; use join() or pick a field.", part.start, part.end);
    }
    text += toText(result.value);
  }
  return { ok: true, value: text };
}
