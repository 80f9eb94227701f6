// Builds the texts a write preview runs, from the user's own SQL: for UPDATE/DELETE a SELECT of
// the target rows its WHERE matches ("before"), and the write with RETURNING appended ("after").
// Pieces are copied from the user's text — WITH prefix, FROM/USING items, WHERE condition,
// MySQL's ORDER BY/LIMIT — with their `{{ }}` templates untouched; the guard then checks the
// result like any other query and binds the templates again, so placeholder numbering and
// values are right for the dialect and no value is ever spliced into SQL text.
import type { LexResult, Word } from "./lexer";
import type { Dialect } from "./types";
import type { WriteShape } from "./write-shape";

/** Rows shown before and after a previewed change. */
export const PREVIEW_SAMPLE_ROWS = 20;

export interface PreviewTexts {
  /** SELECT of the rows the write matches (template form), or null for INSERT / unknown shapes. */
  before: string | null;
  /** The write with RETURNING appended (template form), or null when not wanted or not possible. */
  returning: string | null;
  target: { schema: string | null; name: string; sql: string };
}

export function quoteIdentifier(dialect: Dialect, name: string): string {
  if (dialect === "mysql") return `\`${name.replace(/`/g, "``")}\``;
  return `"${name.replace(/"/g, '""')}"`;
}

/** The target table, qualified as the user qualified it, quoted (no alias). */
export function quotedTable(dialect: Dialect, schema: string | null, name: string): string {
  return schema === null ? quoteIdentifier(dialect, name) : `${quoteIdentifier(dialect, schema)}.${quoteIdentifier(dialect, name)}`;
}

/**
 * A copied piece of the user's text, trimmed. A line comment at its very end would swallow what
 * we append, so a line break follows it ("#" is only a comment on MySQL, but an extra line
 * break is harmless anywhere).
 */
function piece(text: string): string {
  const trimmed = text.trim();
  return /(--|#)[^\n\r]*$/.test(trimmed) ? `${trimmed}\n` : trimmed;
}

function lastBefore(words: readonly Word[], names: readonly string[], position: number): Word | null {
  let found: Word | null = null;
  for (const w of words) {
    if (w.position >= position) break;
    if (names.includes(w.word)) found = w;
  }
  return found;
}

function firstAfter(words: readonly Word[], names: readonly string[], position: number): Word | null {
  return words.find((w) => w.position > position && names.includes(w.word)) ?? null;
}

export function buildPreviewTexts(sql: string, dialect: Dialect, lex: LexResult, shape: WriteShape): PreviewTexts {
  const { target } = shape;
  const table = quotedTable(dialect, target.schema, target.name);
  const qualifier = quoteIdentifier(dialect, target.alias ?? target.name);
  // INSERT, and UPDATE where a server of the dialect has UPDATE … RETURNING (MariaDB has not).
  const wantsReturning = !shape.hasReturning && (shape.kind === "insert" || (shape.kind === "update" && dialect !== "mysql"));
  // With FROM items, PostgreSQL's RETURNING * would add their columns; SQLite only allows *
  // (which there means the target's columns).
  const star = shape.from !== null && dialect === "postgres" ? `${qualifier}.*` : "*";
  return {
    before: shape.kind === "insert" ? null : beforeText(sql, dialect, lex, shape, table, qualifier),
    returning: wantsReturning ? `${sql.slice(0, lex.contentEnd)} RETURNING ${star}` : null,
    target: { schema: target.schema, name: target.name, sql: table },
  };
}

function beforeText(sql: string, dialect: Dialect, lex: LexResult, shape: WriteShape, table: string, qualifier: string): string | null {
  const { target, where } = shape;
  if (where === null || target.position === null) return null;
  // Only the statement's own clauses: words inside parentheses belong to subqueries and calls.
  const words = lex.words.filter((w) => w.depth === 0);
  const verb = lastBefore(words, [shape.kind === "update" ? "UPDATE" : "DELETE"], target.position);
  const whereWord = lastBefore(words, ["WHERE"], where.first);
  if (verb === null || whereWord === null) return null;
  const prefix = piece(sql.slice(lex.contentStart, verb.position)); // WITH …, or nothing
  const end = firstAfter(words, ["ORDER", "LIMIT", "RETURNING"], where.last);
  const condition = piece(sql.slice(whereWord.position + whereWord.word.length, end?.position ?? lex.contentEnd));
  // MySQL/SQLite `… ORDER BY … LIMIT n`: the write changes only those rows.
  let tail = "";
  if (end !== null && end.word !== "RETURNING") {
    const returning = firstAfter(words, ["RETURNING"], end.position);
    tail = piece(sql.slice(end.position, returning?.position ?? lex.contentEnd));
  }
  let from: string | null = null;
  if (shape.from !== null) {
    const keyword = lastBefore(words, [shape.kind === "update" ? "FROM" : "USING"], shape.from.first);
    if (keyword === null) return null;
    from = piece(sql.slice(keyword.position + keyword.word.length, whereWord.position));
  }
  const source = target.only ? `ONLY ${table}` : table;
  const aliased = target.alias === null ? source : `${source} AS ${qualifier}`;
  let core: string;
  if (from === null) {
    core = `SELECT ${qualifier}.* FROM ${aliased} WHERE ${condition}`;
  } else if (dialect === "mysql") {
    // MySQL's DELETE … USING names the target among the USING tables: select from those.
    core = `SELECT ${qualifier}.* FROM ${from} WHERE ${condition}`;
  } else {
    // A join could repeat target rows; a write changes each row once, so test for a match instead.
    core = `SELECT ${qualifier}.* FROM ${aliased} WHERE EXISTS (SELECT 1 FROM ${from} WHERE ${condition})`;
  }
  const head = prefix === "" ? "" : `${prefix} `;
  if (tail !== "") return `${head}SELECT * FROM (${core} ${tail}) AS rowcraft_before LIMIT ${PREVIEW_SAMPLE_ROWS}`;
  return `${head}${core} LIMIT ${PREVIEW_SAMPLE_ROWS}`;
}
