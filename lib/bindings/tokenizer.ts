// Turns binding expression text (the inside of `{{ }}`) into tokens with positions.
// Returns an error value for unknown characters and unterminated strings; never throws.
import { err, LIMITS, type Result } from "./ast";

export type Token =
  | { type: "number"; value: number; start: number; end: number }
  | { type: "string"; value: string; start: number; end: number }
  | { type: "identifier"; value: string; start: number; end: number }
  | { type: "punct"; value: string; start: number; end: number }
  | { type: "eof"; value: ""; start: number; end: number };

// Longest first so "<=" wins over "<" and "??" over "?".
const PUNCTUATION = ["<=", ">=", "==", "!=", "&&", "||", "??", "*", "/", "%", "+", "-", "<", ">", "!", "?", ":", "(", ")", "[", "]", ",", "."];

const ESCAPES: Record<string, string> = { n: "\n", t: "\t", r: "\r", "\\": "\\", '"': '"', "'": "'", "0": "\0" };

function isIdentifierStart(ch: string): boolean {
  return /[A-Za-z_$]/.test(ch);
}

function isIdentifierPart(ch: string): boolean {
  return /[A-Za-z0-9_$]/.test(ch);
}

function readString(text: string, start: number): Result<{ value: string; end: number }> {
  const quote = text[start];
  let value = "";
  let i = start + 1;
  while (i < text.length) {
    const ch = text[i] as string;
    if (ch === quote) return { ok: true, value: { value, end: i + 1 } };
    if (ch === "\\") {
      const next = text[i + 1];
      if (next === undefined) break;
      if (next === "u") {
        const hex = text.slice(i + 2, i + 6);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) return err("A \\u escape needs four hex digits, like \\u00e9.", i, Math.min(i + 6, text.length));
        value += String.fromCharCode(parseInt(hex, 16));
        i += 6;
        continue;
      }
      const escaped = ESCAPES[next];
      if (escaped === undefined) return err(`Unknown escape \\${next} in a string; use \\n, \\t, \\\\, \\" or \\'.`, i, i + 2);
      value += escaped;
      i += 2;
      continue;
    }
    value += ch;
    i += 1;
  }
  return err("A string is never closed; add the closing quote.", start, text.length);
}

export function tokenize(text: string): Result<Token[]> {
  if (text.length > LIMITS.maxLength) {
    return err(`The expression is ${text.length} characters long; the limit is ${LIMITS.maxLength}.`, 0, text.length);
  }
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i] as string;
    if (/\s/.test(ch)) {
      i += 1;
      continue;
    }
    if (/[0-9]/.test(ch) || (ch === "." && /[0-9]/.test(text[i + 1] ?? ""))) {
      const match = /^(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?/.exec(text.slice(i)) as RegExpExecArray;
      const end = i + match[0].length;
      if (isIdentifierPart(text[end] ?? "")) return err("A number runs into a name; put an operator or space between them.", i, end + 1);
      tokens.push({ type: "number", value: Number(match[0]), start: i, end });
      i = end;
      continue;
    }
    if (ch === '"' || ch === "'") {
      const read = readString(text, i);
      if (!read.ok) return read;
      tokens.push({ type: "string", value: read.value.value, start: i, end: read.value.end });
      i = read.value.end;
      continue;
    }
    if (isIdentifierStart(ch)) {
      let end = i + 1;
      while (end < text.length && isIdentifierPart(text[end] as string)) end += 1;
      tokens.push({ type: "identifier", value: text.slice(i, end), start: i, end });
      i = end;
      continue;
    }
    const punct = PUNCTUATION.find((p) => text.startsWith(p, i));
    if (punct === undefined) {
      const code = text.codePointAt(i) ?? 0;
      const width = code > 0xffff ? 2 : 1;
      return err(`Unexpected character "${text.slice(i, i + width)}".`, i, i + width);
    }
    tokens.push({ type: "punct", value: punct, start: i, end: i + punct.length });
    i += punct.length;
  }
  tokens.push({ type: "eof", value: "", start: text.length, end: text.length });
  return { ok: true, value: tokens };
}
