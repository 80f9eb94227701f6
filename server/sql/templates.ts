// Turns `{{ expression }}` templates into bound-parameter placeholders, twice: once padded to the
// template's exact length for the parsers (so every position a parser reports is already a
// position in the user's text), once compact for the SQL that is executed.
import { fail } from "./errors";
import type { LexResult, Template } from "./lexer";
import type { Dialect } from "./types";

/** "{{x}}" is the shortest template (5 characters); "$9999" is the longest PostgreSQL placeholder that fits. */
export const MAX_TEMPLATES = 9999;

export function placeholderFor(dialect: Dialect, index: number): string {
  return dialect === "postgres" ? `$${index + 1}` : "?";
}

export function checkTemplateCount(templates: readonly Template[]): void {
  const extra = templates[MAX_TEMPLATES];
  if (extra) fail("bad_template", `A query can hold at most ${MAX_TEMPLATES} templates.`, extra.start);
}

/** The text the parsers see: same length and line breaks as `sql`, templates replaced by placeholders. */
export function buildParseText(sql: string, templates: readonly Template[], dialect: Dialect): string {
  if (templates.length === 0) return sql;
  let out = "";
  let from = 0;
  templates.forEach((t, index) => {
    const placeholder = placeholderFor(dialect, index);
    // Keep line breaks where they were so line/column positions still line up.
    const padding = sql.slice(t.start + placeholder.length, t.end).replace(/[^\n]/g, " ");
    out += sql.slice(from, t.start) + placeholder + padding;
    from = t.end;
  });
  return out + sql.slice(from);
}

/**
 * The SQL to execute: the user's text up to the end of the statement (trailing ";" and comments
 * dropped), each template replaced by its placeholder. Nothing else changes, so an offset in it
 * maps back to the user's text by undoing the template substitutions alone.
 */
export function buildOutputSql(sql: string, lex: LexResult, dialect: Dialect): string {
  let out = "";
  let from = 0;
  lex.templates.forEach((t, index) => {
    out += sql.slice(from, t.start) + placeholderFor(dialect, index);
    from = t.end;
  });
  return out + sql.slice(from, lex.contentEnd);
}
