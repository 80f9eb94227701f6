// The SQL guard: the one function that decides whether a Rowcraft query may run, and in what
// form. It scans the user's SQL (templates, literals, statement boundaries), parses it with a
// real parser for the dialect, checks it against the mode and the table policy, and turns every
// `{{ expression }}` into a bound parameter. Pure: it never touches a database.
//
//   await initGuard();                       // once, loads the WASM parsers
//   const r = guardSql({ sql, dialect, mode, params, policy });
//   if (r.ok) await db.query(r.sql, r.values);
import { CheckContext } from "./context";
import { fail, GuardFailure, IDENTIFIER_TEMPLATE_MESSAGE, MULTIPLE_STATEMENTS_MESSAGE } from "./errors";
import { asArray, isRecord } from "./json";
import { findWords, lexSql, type LexResult, type Template } from "./lexer";
import { bindValues } from "./params";
import { loadParsers, parsePostgres, parseSqlparser } from "./parsers";
import { DEFAULT_POLICY } from "./policy";
import { TextPositions } from "./positions";
import { PostgresChecker } from "./postgres/check";
import { buildPreviewTexts, PREVIEW_SAMPLE_ROWS } from "./preview";
import { SqlparserChecker } from "./sqlparser/check";
import { checkFirstWord, firstWordHint } from "./statement-kind";
import { buildOutputSql, buildParseText, checkTemplateCount } from "./templates";
import type { BoundStatement, GuardInput, GuardMode, GuardOk, GuardResult, PreviewPlan, StatementKind } from "./types";
import type { WriteShape } from "./write-shape";

export type {
  BoundStatement,
  Dialect,
  GuardError,
  GuardErrorCode,
  GuardInput,
  GuardMode,
  GuardOk,
  GuardResult,
  ParamSource,
  PreviewPlan,
  ProjectionItem,
  ReadProjection,
  StatementKind,
  TablePolicy,
} from "./types";
export { DEFAULT_POLICY } from "./policy";
export { PREVIEW_SAMPLE_ROWS, quoteIdentifier } from "./preview";

/** Loads the WASM parsers. Call (and await) once before guardSql(); later calls are free. */
export async function initGuard(): Promise<void> {
  await loadParsers();
}

const DIALECTS: ReadonlySet<string> = new Set(["postgres", "mysql", "sqlite"]);

/** Checks one query and binds its templates. Synchronous once initGuard() has resolved. */
export function guardSql(input: GuardInput): GuardResult {
  if (typeof input.sql !== "string") throw new TypeError("guardSql: sql must be a string.");
  if (!DIALECTS.has(input.dialect)) throw new TypeError(`guardSql: unknown dialect "${String(input.dialect)}".`);
  if (input.mode !== "read" && input.mode !== "write") throw new TypeError(`guardSql: unknown mode "${String(input.mode)}".`);
  try {
    return guard(input);
  } catch (error) {
    if (error instanceof GuardFailure) return { ok: false, error: error.toGuardError() };
    throw error;
  }
}

function guard(input: GuardInput): GuardOk {
  const { sql, dialect, mode } = input;
  const lex = lexSql(sql, dialect);
  checkTemplateCount(lex.templates);
  checkFirstWord(lex, mode);
  if (lex.secondStatement !== null) fail("multiple_statements", MULTIPLE_STATEMENTS_MESSAGE, lex.secondStatement);

  const parseText = buildParseText(sql, lex.templates, dialect);
  const positions = new TextPositions(parseText);
  const ctx = new CheckContext(dialect, mode, input.policy ?? DEFAULT_POLICY, lex.firstWord?.position ?? lex.contentStart);
  let kind: StatementKind;
  try {
    kind = dialect === "postgres" ? checkPostgres(parseText, lex, positions, ctx) : checkSqlparser(parseText, dialect, lex, positions, ctx);
  } catch (error) {
    // The recursive walkers ran out of stack on a tree the depth limit did not foresee.
    if (error instanceof RangeError) fail("syntax_error", "This query is nested too deeply to be checked safely; simplify it.", null);
    throw error;
  }

  verifyPlaceholders(ctx.parameterPositions, lex.templates);
  const values = bindValues(input.params, lex.templates, dialect);
  const ok: GuardOk = {
    ok: true,
    kind,
    sql: buildOutputSql(sql, lex, dialect),
    values,
    tables: { read: ctx.tablesRead, write: ctx.tablesWritten },
    params: lex.templates.map((t) => ({ expression: t.expression, position: t.start })),
    projection: kind === "select" ? ctx.projection : null,
    writeTarget: kind !== "select" && ctx.writeShape !== null ? { schema: ctx.writeShape.target.schema, name: ctx.writeShape.target.name } : null,
  };
  if (input.preview === true && kind !== "select" && ctx.writeShape !== null) ok.preview = previewPlan(input, lex, ctx.writeShape);
  return ok;
}

/**
 * The preview statements, each checked by the guard itself (read mode for the SELECT, so the
 * target must be readable; write mode for the RETURNING variant). A refusal only costs the
 * sample, with the reason in `notes`: the write itself was already accepted.
 */
function previewPlan(input: GuardInput, lex: LexResult, shape: WriteShape): PreviewPlan {
  const texts = buildPreviewTexts(input.sql, input.dialect, lex, shape);
  const notes: string[] = [];
  const refusals = new Map<string, string[]>(); // reason → "before" / "after"
  const check = (sql: string | null, mode: GuardMode, what: string): BoundStatement | null => {
    if (sql === null) return null;
    const result = guardSql({ ...input, sql, mode, preview: false });
    if (result.ok) return { sql: result.sql, values: result.values };
    refusals.set(result.error.message, [...(refusals.get(result.error.message) ?? []), what]);
    return null;
  };
  const kind = shape.kind;
  const before = kind === "insert" ? null : check(texts.before, "read", "before");
  if (kind !== "insert" && texts.before === null) notes.push("No sample of the rows before the change: Rowcraft could not isolate this statement's WHERE clause.");
  const returning = check(texts.returning, "write", "after");
  for (const [reason, what] of refusals) notes.push(`No sample of the rows ${what.join(" or ")} the change: ${reason}`);
  return { kind, sampleSize: PREVIEW_SAMPLE_ROWS, before, returning, hasReturning: shape.hasReturning, target: texts.target, notes };
}

function checkPostgres(parseText: string, lex: LexResult, positions: TextPositions, ctx: CheckContext): StatementKind {
  let result: unknown;
  try {
    result = parsePostgres(parseText);
  } catch (error) {
    const details = isRecord(error) && isRecord(error.sqlDetails) ? error.sqlDetails : null;
    const cursor = details && typeof details.cursorPosition === "number" ? positions.fromCodePointOffset(details.cursorPosition) : null;
    const reason = details && typeof details.message === "string" ? details.message : error instanceof Error ? error.message : String(error);
    syntaxFailure(reason, cursor, lex, parseText);
  }
  const stmts = isRecord(result) ? asArray(result.stmts) : [];
  const second = stmts[1];
  if (second !== undefined) {
    const location = isRecord(second) && typeof second.stmt_location === "number" ? positions.fromByteOffset(second.stmt_location) : null;
    fail("multiple_statements", MULTIPLE_STATEMENTS_MESSAGE, location);
  }
  const first = stmts[0];
  if (!isRecord(first)) fail("syntax_error", "The query is empty; write one SELECT, INSERT, UPDATE or DELETE statement.", 0);
  return new PostgresChecker(ctx, positions, lex.words).checkStatement(first.stmt);
}

function checkSqlparser(parseText: string, dialect: "mysql" | "sqlite", lex: LexResult, positions: TextPositions, ctx: CheckContext): StatementKind {
  let stmts: unknown[];
  try {
    stmts = parseSqlparser(parseText, dialect);
  } catch (error) {
    if (!(error instanceof Error) || error.name !== "ParserError") throw error; // e.g. a crashed WASM instance
    const raw = error.message;
    const reason = raw.replace(/^sql parser error:\s*/i, "");
    const at = /at Line: (\d+), Column: (\d+)/.exec(reason);
    let cursor = at ? positions.fromLineColumn(Number(at[1]), Number(at[2])) : null;
    if (cursor === null && /found: EOF/.test(reason)) cursor = lex.contentEnd;
    if (dialect === "mysql") mysqlDiagnostics(lex, ctx.mode);
    syntaxFailure(reason.replace(/\s*at Line: \d+, Column: \d+/, ""), cursor, lex, parseText);
  }
  if (stmts.length > 1) fail("multiple_statements", MULTIPLE_STATEMENTS_MESSAGE, null);
  if (stmts.length === 0) fail("syntax_error", "The query is empty; write one SELECT, INSERT, UPDATE or DELETE statement.", 0);
  return new SqlparserChecker(ctx, positions, lex.words).checkStatement(stmts[0]);
}

/** MySQL statements sqlparser-rs cannot parse but that deserve a precise refusal. */
function mysqlDiagnostics(lex: LexResult, mode: GuardMode): void {
  const file = findWords(lex.words, "OUTFILE") ?? findWords(lex.words, "DUMPFILE");
  if (file !== null) fail("forbidden_statement", "SELECT ... INTO OUTFILE/DUMPFILE writes files on the server and is not allowed.", file);
  const into = mode === "read" ? findWords(lex.words, "INTO") : null;
  if (into !== null) fail("forbidden_statement", "SELECT ... INTO is not allowed; remove INTO to just read the rows.", into);
  const lock = findWords(lex.words, "LOCK", "IN", "SHARE", "MODE");
  if (lock !== null) fail("forbidden_statement", "Locking clauses (FOR UPDATE, FOR SHARE, LOCK IN SHARE MODE) are not allowed; remove them.", lock);
}

function syntaxFailure(reason: string, cursor: number | null, lex: LexResult, text: string): never {
  // The parser stumbled on a placeholder: the template sits where SQL needs a name or keyword.
  const template = cursor === null ? undefined : lex.templates.find((t) => cursor >= t.start && cursor < t.end);
  if (template) fail("identifier_template", IDENTIFIER_TEMPLATE_MESSAGE, template.start);
  const at = cursor === null ? "" : ` at ${lineColumn(text, cursor)}`;
  fail("syntax_error", `Syntax error${at}: ${reason.replace(/\.$/, "")}.${firstWordHint(lex, cursor)} Fix the SQL there and run it again.`, cursor);
}

/** "line 2, column 5" (1-based, as editors count) of an offset in the SQL. */
function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  return `line ${line}, column ${offset - before.lastIndexOf("\n")}`;
}

/** Every template must have become exactly one parameter node, and nothing else may be one. */
function verifyPlaceholders(found: readonly number[], templates: readonly Template[]): void {
  const byStart = new Map<number, number>();
  templates.forEach((t, i) => byStart.set(t.start, i));
  const seen = new Set<number>();
  for (const position of found) {
    const index = byStart.get(position);
    if (index === undefined) {
      fail("manual_placeholder", "Hand-written placeholders are not allowed. Write {{ expression }} instead; Rowcraft binds the value for you.", position);
    }
    seen.add(index);
  }
  templates.forEach((t, i) => {
    if (!seen.has(i)) fail("identifier_template", IDENTIFIER_TEMPLATE_MESSAGE, t.start);
  });
}
