// First line of defence, before any parser runs: the statement's first keyword must fit the
// mode. It gives clear "forbidden_statement" answers for statements a parser may not even know
// (MySQL HANDLER, LOAD DATA, SQLite VACUUM INTO…) instead of a confusing syntax error. The AST
// checks repeat the decision on the parsed statement. A first word that starts no statement of
// any dialect (`SELEC`) is a typo, not a forbidden statement: it is left to the parser, whose
// syntax error (with a "did you mean") says so.
import { closestName } from "@/lib/closest-name";
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

/** Words that start a statement in PostgreSQL, MySQL/MariaDB or SQLite. */
const STATEMENT_WORDS = new Set([
  ...READ_WORDS, ...WRITE_WORDS, ...DATA_CHANGING, ...Object.keys(HINTS),
  "ABORT", "ALTER", "ANALYZE", "ANALYSE", "BINLOG", "CACHE", "CALL", "CHANGE", "CHECK", "CHECKPOINT", "CHECKSUM", "CLONE", "CLOSE", "CLUSTER", "COMMENT",
  "CREATE", "DEALLOCATE", "DECLARE", "DELIMITER", "DESC", "DESCRIBE", "DETACH", "DISCARD", "DO", "DROP", "END", "EXECUTE", "FETCH", "FLUSH", "GET", "GRANT",
  "HANDLER", "HELP", "IMPORT", "INSTALL", "KILL", "LISTEN", "LOAD", "LOCK", "MOVE", "NOTIFY", "OPTIMIZE", "PREPARE", "PURGE", "REASSIGN", "REFRESH",
  "REINDEX", "RELEASE", "RENAME", "REPAIR", "RESIGNAL", "RESTART", "REVOKE", "SAVEPOINT", "SECURITY", "SHOW", "SHUTDOWN", "SIGNAL", "UNINSTALL",
  "UNLISTEN", "UNLOCK", "USE", "VACUUM", "XA",
]);

/** "Did you mean SELECT?" when the query starts with a word no statement starts with; "" otherwise. */
export function firstWordHint(lex: LexResult, cursor: number | null): string {
  const first = lex.firstWord;
  if (!first || STATEMENT_WORDS.has(first.word) || (cursor !== null && cursor > first.position + first.word.length)) return "";
  const guess = closestName(first.word, [...READ_WORDS, ...WRITE_WORDS]);
  const known = guess === null ? "a query starts with SELECT or WITH (INSERT, UPDATE or DELETE in write mode)." : `did you mean ${guess}?`;
  return ` "${first.word}" does not start any SQL statement: ${known}`;
}

export function checkFirstWord(lex: LexResult, mode: GuardMode): void {
  const first = lex.firstWord;
  if (!first) return; // let the parser explain what is wrong
  const { word, position } = first;
  if (!STATEMENT_WORDS.has(word)) return; // a typo: the parser's syntax error says where
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
