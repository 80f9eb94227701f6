// First line of defence, before any parser runs: the statement's first keyword must fit the
// mode. It gives clear "forbidden_statement" answers for statements a parser may not even know
// (MySQL HANDLER, LOAD DATA, SQLite VACUUM INTO…) instead of a confusing syntax error. The AST
// checks repeat the decision on the parsed statement.
import { fail } from "./errors";
import type { LexResult } from "./lexer";
import type { GuardMode } from "./types";

const READ_WORDS = new Set(["SELECT", "WITH", "VALUES", "TABLE"]);
const WRITE_WORDS = new Set(["INSERT", "UPDATE", "DELETE", "REPLACE", "WITH"]);
const DATA_CHANGING = new Set(["INSERT", "UPDATE", "DELETE", "REPLACE", "MERGE", "UPSERT", "TRUNCATE"]);

const HINTS: Readonly<Record<string, string>> = {
  EXPLAIN: " (EXPLAIN ANALYZE would run the statement; run the query itself instead)",
  SET: " (session settings are managed by Rowcraft)",
  RESET: " (session settings are managed by Rowcraft)",
  BEGIN: " (Rowcraft manages transactions)",
  START: " (Rowcraft manages transactions)",
  COMMIT: " (Rowcraft manages transactions)",
  ROLLBACK: " (Rowcraft manages transactions)",
  COPY: " (COPY reads and writes files and programs on the server)",
  PRAGMA: " (PRAGMA changes database settings)",
  ATTACH: " (ATTACH opens other database files)",
};

export function checkFirstWord(lex: LexResult, mode: GuardMode): void {
  const first = lex.firstWord;
  if (!first) return; // let the parser explain what is wrong
  const { word, position } = first;
  if (mode === "read") {
    if (READ_WORDS.has(word)) return;
    if (DATA_CHANGING.has(word)) {
      fail("forbidden_statement", `${word} changes data; this query runs in read mode, which allows only SELECT.`, position);
    }
    fail(
      "forbidden_statement",
      `${word} statements are not allowed in Rowcraft queries${HINTS[word] ?? ""}; a read query must be one SELECT.`,
      position,
    );
  }
  if (WRITE_WORDS.has(word)) return;
  if (READ_WORDS.has(word)) {
    fail("forbidden_statement", "Write mode expects one INSERT, UPDATE or DELETE; run SELECT queries in read mode.", position);
  }
  fail(
    "forbidden_statement",
    `${word} statements are not allowed in Rowcraft queries${HINTS[word] ?? ""}; write mode allows one INSERT, UPDATE or DELETE.`,
    position,
  );
}
