// Dialect-aware scan of the user's SQL, run before any parser sees it. It finds `{{ }}`
// templates, refuses templates hidden in literals/comments/quoted identifiers, hand-written
// placeholders, MySQL executable comments and anything after the first top-level ";".
// The parsers cannot do this for us: they never see the templates, and they may read quotes
// differently from the server (MySQL backslash escapes depend on sql_mode, PostgreSQL's on
// standard_conforming_strings), so strings containing backslashes are scanned both ways and a
// disagreement is refused.
import { DepthMeter, OPERATOR_WORDS, SEPARATOR_WORDS } from "./depth";
import { fail, GuardFailure, MULTIPLE_STATEMENTS_MESSAGE } from "./errors";
import type { Dialect } from "./types";

export interface Template {
  /** Offset of the opening "{{". */
  start: number;
  /** Offset just after the closing "}}". */
  end: number;
  /** The text between the braces, trimmed. */
  expression: string;
}

export interface LexResult {
  templates: Template[];
  /** First word of the statement (upper-cased), skipping leading "(" and comments. */
  firstWord: { word: string; position: number } | null;
  /** Offsets of the first and past-the-last significant token (comments and ";" excluded). */
  contentStart: number;
  contentEnd: number;
  /** Upper-cased words outside literals and comments, in order (for positions and diagnostics). */
  words: readonly Word[];
  /** Offset of a second statement after the first top-level ";", or null. Scanning stops there. */
  secondStatement: number | null;
}

export interface Word {
  word: string;
  position: number;
  /** Parentheses open around the word (0 = the statement's own clauses, not a subquery or call). */
  depth: number;
}

const isSpace = (c: number): boolean => c === 32 || (c >= 9 && c <= 13);
const isIdentStart = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c >= 128;
const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isIdentChar = (c: number): boolean => isIdentStart(c) || isDigit(c) || c === 36; // "$" continues identifiers
const isOperatorChar = (c: number): boolean => "+-*/%<>=!~^&|#@?:".includes(String.fromCharCode(c));
const DOLLAR_TAG = /\$(?:[A-Za-z_\u0080-\uffff][A-Za-z0-9_\u0080-\uffff]*)?\$/y;

const PLACEHOLDER_HINT = "Write {{ expression }} instead; Rowcraft binds the value for you.";

class Scanner {
  readonly templates: Template[] = [];
  /** Start/end of every quoted token, comment and ";" — compared between the two backslash readings. */
  readonly boundaries: number[] = [];
  readonly words: Word[] = [];
  ambiguousBackslash = -1;
  firstWord: { word: string; position: number } | null = null;
  contentStart = -1;
  contentEnd = 0;
  secondStatement: number | null = null;
  private readonly depth = new DepthMeter();
  private operatorRunEnd = -1;
  private parenDepth = 0;
  private onlyParensSoFar = true;
  private semicolon = -1;
  private i = 0;

  constructor(
    private readonly sql: string,
    private readonly dialect: Dialect,
    /** Whether a backslash escapes the next character in ordinary quoted strings. */
    private readonly backslashEscapes: boolean,
  ) {}

  scan(): void {
    const { sql } = this;
    const n = sql.length;
    while (this.i < n) {
      const c = sql.charCodeAt(this.i);
      if (isSpace(c)) {
        this.i++;
        continue;
      }
      if (this.skipComment(c)) continue;
      if (c === 59 /* ; */) {
        if (this.semicolon < 0) this.semicolon = this.i;
        this.boundaries.push(this.i);
        this.i++;
        continue;
      }
      if (this.semicolon >= 0) {
        // Reported by the caller, after the first keyword: "CREATE TRIGGER ... BEGIN ...; END"
        // is better answered as a forbidden statement than as two statements.
        this.secondStatement = this.i;
        this.boundaries.push(this.i);
        return;
      }
      this.token(c);
    }
    if (this.contentStart < 0) fail("syntax_error", "The query is empty; write one SELECT, INSERT, UPDATE or DELETE statement.", 0);
  }

  /** Skips a comment starting at the cursor; returns false if there is none. */
  private skipComment(c: number): boolean {
    const { sql, i } = this;
    const next = sql.charCodeAt(i + 1);
    const lineComment =
      (c === 45 && next === 45 && (this.dialect !== "mysql" || i + 2 >= sql.length || sql.charCodeAt(i + 2) <= 32)) ||
      (c === 35 && this.dialect === "mysql");
    if (lineComment) {
      let end = i;
      // PostgreSQL also ends a line comment at "\r"; MySQL and SQLite only at "\n".
      while (end < sql.length && sql.charCodeAt(end) !== 10 && !(this.dialect === "postgres" && sql.charCodeAt(end) === 13)) end++;
      this.literal(i, end, "comment");
      this.i = end;
      return true;
    }
    if (c !== 47 || next !== 42) return false;
    if (this.dialect === "mysql" && (sql.startsWith("/*!", i) || sql.startsWith("/*M!", i))) {
      fail("forbidden_statement", "MySQL executable comments (/*! ... */) are not allowed; write the SQL without them.", i);
    }
    if (this.dialect !== "sqlite" && sql.startsWith("/*+", i)) {
      fail("forbidden_statement", "Optimizer hint comments (/*+ ... */) are not allowed; remove the hint.", i);
    }
    let depth = 1;
    let j = i + 2;
    while (j < sql.length && depth > 0) {
      if (sql.charCodeAt(j) === 42 && sql.charCodeAt(j + 1) === 47) {
        depth--;
        j += 2;
      } else if (this.dialect === "postgres" && sql.charCodeAt(j) === 47 && sql.charCodeAt(j + 1) === 42) {
        depth++; // PostgreSQL block comments nest
        j += 2;
      } else j++;
    }
    if (depth > 0) fail("syntax_error", "A /* comment is never closed; add */ or remove it.", i);
    this.literal(i, j, "comment");
    this.i = j;
    return true;
  }

  private token(c: number): void {
    const { sql, dialect } = this;
    const start = this.i;
    if (c === 39 /* ' */) {
      const prev = sql.charCodeAt(start - 1);
      // E'...' always takes backslash escapes on PostgreSQL, whatever standard_conforming_strings says.
      const eString = dialect === "postgres" && (prev === 69 || prev === 101) && !isIdentChar(sql.charCodeAt(start - 2));
      const escapes = eString || (dialect !== "sqlite" && this.backslashEscapes);
      this.quoted(39, escapes, "string", dialect !== "sqlite" && !eString);
    } else if (c === 34 /* " */) {
      if (dialect === "mysql") this.quoted(34, this.backslashEscapes, "string", true);
      else this.quoted(34, false, "identifier", false);
    } else if (c === 96 /* ` */ && dialect !== "postgres") {
      this.quoted(96, false, "identifier", false);
    } else if (c === 91 /* [ */ && dialect === "sqlite") {
      const end = sql.indexOf("]", start + 1);
      if (end < 0) fail("syntax_error", "A [quoted identifier] is never closed; add ].", start);
      this.literal(start, end + 1, "identifier");
      this.i = end + 1;
    } else if (c === 123 /* { */ && sql.charCodeAt(start + 1) === 123) {
      this.template(start);
    } else if (isIdentStart(c) || (dialect === "mysql" && c === 36)) {
      let j = start + 1;
      while (j < sql.length && isIdentChar(sql.charCodeAt(j))) j++;
      const word = sql.slice(start, j).toUpperCase();
      this.words.push({ word, position: start, depth: this.parenDepth });
      this.measureWord(word, start);
      if (this.firstWord === null && this.onlyParensSoFar) this.firstWord = { word, position: start };
      this.i = j;
    } else if (c === 36 /* $ */ && dialect === "postgres") {
      this.dollar(start);
    } else {
      this.placeholderCheck(c, start);
      this.measureSymbol(c, start);
      if (c === 40 /* ( */) this.parenDepth++;
      else if (c === 41 /* ) */ && this.parenDepth > 0) this.parenDepth--;
      this.i = start + 1;
    }
    if (c !== 40 /* ( */) this.onlyParensSoFar = false;
    if (this.contentStart < 0) this.contentStart = start;
    this.contentEnd = this.i;
  }

  private measureWord(word: string, start: number): void {
    if (OPERATOR_WORDS.has(word)) this.depth.operator(start);
    else if (SEPARATOR_WORDS.has(word)) this.depth.separator();
    else if (word === "CASE") this.depth.open("case", start);
    else if (word === "END") this.depth.close("case");
    else if (word === "WHEN" || word === "THEN" || word === "ELSE") this.depth.caseBranch();
  }

  private measureSymbol(c: number, start: number): void {
    if (c === 40 /* ( */ || c === 91 /* [ */) this.depth.open("paren", start);
    else if (c === 41 /* ) */ || c === 93 /* ] */) this.depth.close("paren");
    else if (c === 44 /* , */) this.depth.separator();
    else if (isOperatorChar(c)) {
      // "->>", "<=", "::" are one operator each.
      if (start !== this.operatorRunEnd) this.depth.operator(start);
      this.operatorRunEnd = start + 1;
    }
  }

  private placeholderCheck(c: number, start: number): void {
    const { sql, dialect } = this;
    const next = sql.charCodeAt(start + 1);
    const manual =
      (c === 63 /* ? */ && dialect !== "postgres") ||
      (dialect === "sqlite" && (c === 58 /* : */ || c === 64 /* @ */ || c === 36 /* $ */) && isIdentChar(next) && next !== 36);
    if (manual) {
      fail("manual_placeholder", `Hand-written placeholders like "${sql.slice(start, start + 8).split(/[\s,)]/)[0]}" are not allowed. ${PLACEHOLDER_HINT}`, start);
    }
  }

  private dollar(start: number): void {
    const { sql } = this;
    if (isDigit(sql.charCodeAt(start + 1))) {
      const m = /^\$\d+/.exec(sql.slice(start, start + 12));
      fail("manual_placeholder", `Hand-written placeholders like "${m?.[0] ?? "$1"}" are not allowed. ${PLACEHOLDER_HINT}`, start);
    }
    DOLLAR_TAG.lastIndex = start;
    const tag = DOLLAR_TAG.exec(sql);
    if (!tag) {
      this.i = start + 1;
      return;
    }
    const close = sql.indexOf(tag[0], start + tag[0].length);
    if (close < 0) fail("syntax_error", `The dollar-quoted string ${tag[0]} is never closed; add ${tag[0]}.`, start);
    const end = close + tag[0].length;
    this.literal(start, end, "string");
    this.i = end;
  }

  private quoted(quote: number, escapes: boolean, kind: "string" | "identifier", backslashIsAmbiguous: boolean): void {
    const { sql } = this;
    const start = this.i;
    let j = start + 1;
    for (;;) {
      if (j >= sql.length) {
        fail("syntax_error", kind === "string" ? "A quoted string is never closed; add the closing quote." : "A quoted identifier is never closed; add the closing quote.", start);
      }
      const ch = sql.charCodeAt(j);
      if (ch === 92 /* \ */ && kind === "string") {
        if (backslashIsAmbiguous && this.ambiguousBackslash < 0) this.ambiguousBackslash = j;
        if (escapes) {
          j += 2;
          continue;
        }
      }
      if (ch === quote) {
        if (sql.charCodeAt(j + 1) === quote) {
          j += 2;
          continue;
        }
        break;
      }
      j++;
    }
    this.literal(start, j + 1, kind);
    this.i = j + 1;
  }

  private template(start: number): void {
    const { sql } = this;
    const close = sql.indexOf("}}", start + 2);
    if (close < 0) fail("bad_template", "A {{ template is never closed; add }} after the expression.", start);
    const inner = sql.slice(start + 2, close);
    const nested = inner.indexOf("{{");
    if (nested >= 0) fail("bad_template", "A {{ template is never closed before the next {{; add }} after the expression.", start);
    const expression = inner.trim();
    if (expression === "") fail("bad_template", "A template is empty; write an expression between {{ and }}.", start);
    if (isIdentChar(sql.charCodeAt(close + 2))) {
      // "{{x}}OR" would become "$1OR" (and "{{x}}1" "$11"): keep the executed SQL a plain
      // template-for-placeholder substitution by asking for the space instead of adding one.
      fail("bad_template", "Put a space after }}: a template cannot be directly followed by a letter or digit.", close + 2);
    }
    this.templates.push({ start, end: close + 2, expression });
    this.i = close + 2;
  }

  /** Records a literal/comment/quoted identifier and refuses templates written inside it. */
  private literal(start: number, end: number, kind: "string" | "comment" | "identifier"): void {
    this.boundaries.push(start, end);
    const { sql } = this;
    let at = sql.indexOf("{{", start);
    while (at >= 0 && at < end) {
      const close = sql.indexOf("}}", at + 2);
      if (close < 0 || close + 2 > end) return;
      const inner = sql.slice(at + 2, close);
      // `'{{1,2},{3,4}}'` is a PostgreSQL 2-D array literal, not a template: real templates hold no braces.
      if (inner.trim() !== "" && !/[{}]/.test(inner)) {
        if (kind === "identifier") {
          fail("identifier_template", "Templates cannot be used inside a quoted identifier; they can only stand for values. Write the table or column name directly.", at);
        }
        const name = `{{ ${inner.trim()} }}`;
        fail(
          "template_in_literal",
          kind === "comment"
            ? `The template ${name} is inside a comment, so it would not be replaced; move it out of the comment or delete it.`
            : `The template ${name} is inside a quoted string, so it would not be replaced. Remove the quotes around it: ${name} is bound as a value already (for LIKE, write '%' || ${name} || '%').`,
          at,
        );
      }
      at = sql.indexOf("{{", at + 2);
    }
  }
}

function runScan(scanner: Scanner): GuardFailure | null {
  try {
    scanner.scan();
    return null;
  } catch (error) {
    if (error instanceof GuardFailure) return error;
    throw error;
  }
}

function sameBoundaries(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return false;
  return true;
}

/** Scans one statement; throws GuardFailure on the first problem. */
export function lexSql(sql: string, dialect: Dialect): LexResult {
  const primaryEscapes = dialect === "mysql"; // the servers' defaults
  const primary = new Scanner(sql, dialect, primaryEscapes);
  const primaryError = runScan(primary);
  if (dialect !== "sqlite" && primary.ambiguousBackslash >= 0) {
    const alternative = new Scanner(sql, dialect, !primaryEscapes);
    const alternativeError = runScan(alternative);
    const sameErrors =
      primaryError?.code === alternativeError?.code && primaryError?.position === alternativeError?.position;
    if (!sameErrors || !sameBoundaries(primary.boundaries, alternative.boundaries)) {
      const hidden = primary.secondStatement ?? alternative.secondStatement;
      if (hidden !== null) fail("multiple_statements", MULTIPLE_STATEMENTS_MESSAGE, hidden);
      if (primaryError && primaryError.code !== "syntax_error") throw primaryError;
      fail(
        "syntax_error",
        dialect === "mysql"
          ? "A backslash before a quote in a string is read differently depending on the server's sql_mode (NO_BACKSLASH_ESCAPES); write a quote inside a string as '' instead of \\', or pass the text as a {{ template }}."
          : "A backslash before a quote in a string is read differently depending on the server's standard_conforming_strings; write the string as E'...' (a backslash is then \\\\), or pass the text as a {{ template }}.",
        primary.ambiguousBackslash,
      );
    }
  }
  if (primaryError) throw primaryError;
  return {
    templates: primary.templates,
    firstWord: primary.firstWord,
    contentStart: primary.contentStart,
    contentEnd: primary.contentEnd,
    words: primary.words,
    secondStatement: primary.secondStatement,
  };
}

/** Offset of the first occurrence of `sequence` as consecutive words, or null. */
export function findWords(words: readonly Word[], ...sequence: string[]): number | null {
  for (let k = 0; k + sequence.length <= words.length; k++) {
    if (sequence.every((w, j) => words[k + j]?.word === w)) return words[k]?.position ?? null;
  }
  return null;
}
