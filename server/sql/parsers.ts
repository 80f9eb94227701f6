// Loads the two WASM parsers once and exposes synchronous parse functions afterwards:
// libpg-query (the real PostgreSQL parser) for postgres, sqlparser-rs for mysql and sqlite.
import { init as initSqlparser, parse as sqlparserParse } from "@guanmingchiu/sqlparser-ts";
import { loadModule, parseSync } from "libpg-query";

let loading: Promise<void> | null = null;
let ready = false;

export function loadParsers(): Promise<void> {
  loading ??= Promise.all([loadModule(), initSqlparser()]).then(
    () => {
      ready = true;
    },
    (error: unknown) => {
      loading = null; // let a later call retry instead of caching the failure forever
      throw error;
    },
  );
  return loading;
}

function assertReady(): void {
  if (!ready) throw new Error("The SQL guard is not initialised; call `await initGuard()` once before guardSql().");
}

/** Parses PostgreSQL; throws libpg-query's SqlError (with sqlDetails.cursorPosition) on bad input. */
export function parsePostgres(sql: string): unknown {
  assertReady();
  return parseSync(sql);
}

/** Set when sqlparser-rs's WASM instance trapped: its memory is then corrupt for good. */
let sqlparserCrash: string | null = null;
const WASM_TRAP = /memory access out of bounds|unreachable|call stack|RuntimeError/i;

/**
 * Parses MySQL or SQLite; throws sqlparser's ParserError ("... at Line: X, Column: Y") on bad
 * input. A WASM trap (which the lexer's depth limit exists to prevent) poisons the instance for
 * every later call, and the package cannot reload it, so from then on this throws a plain Error:
 * callers fail closed and the process should be restarted.
 */
export function parseSqlparser(sql: string, dialect: "mysql" | "sqlite"): unknown[] {
  assertReady();
  if (sqlparserCrash !== null) {
    throw new Error(`The MySQL/SQLite parser crashed earlier in this process (${sqlparserCrash}); restart the process.`);
  }
  try {
    return sqlparserParse(sql, dialect);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (WASM_TRAP.test(message)) {
      sqlparserCrash = message;
      throw new Error(`The MySQL/SQLite parser crashed on this query (${message}); restart the process.`);
    }
    throw error;
  }
}
