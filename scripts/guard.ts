// Command-line front end to the SQL guard (server/sql/guard.ts), for scripts, CI and other
// languages: reads JSON Lines on stdin, one `{"sql","dialect","mode","params","policy"}` per line,
// and writes one JSON line per input, in order. Refused queries are normal output, so the exit
// code is 0 unless the guard itself cannot start.
//
//   echo '{"sql":"SELECT 1","dialect":"postgres","mode":"read","params":{}}' | npm run --silent guard
import { createInterface } from "node:readline";
import { guardSql, initGuard, type Dialect, type GuardMode, type TablePolicy } from "../server/sql/guard";

type Output =
  | { ok: true; kind: string; sql: string; values: unknown[]; tables: { read: string[]; write: string[] } }
  | { ok: false; error: { code: string; message: string; position: number | null } };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === "string");

function badInput(message: string): Output {
  return { ok: false, error: { code: "bad_input", message, position: null } };
}

function parsePolicy(value: unknown): TablePolicy | undefined | string {
  if (value === undefined || value === null) return undefined;
  if (!isRecord(value) || !isStringArray(value.read) || !isStringArray(value.write)) {
    return '"policy" must be {"read": string[], "write": string[], "allowSystemCatalogs"?: boolean}.';
  }
  if (value.allowSystemCatalogs !== undefined && typeof value.allowSystemCatalogs !== "boolean") {
    return '"policy.allowSystemCatalogs" must be a boolean.';
  }
  return { read: value.read, write: value.write, allowSystemCatalogs: value.allowSystemCatalogs === true };
}

function handleLine(line: string): Output {
  let input: unknown;
  try {
    input = JSON.parse(line);
  } catch {
    return badInput("The line is not valid JSON.");
  }
  if (!isRecord(input)) return badInput("Each line must be a JSON object.");
  const { sql, dialect, mode, params } = input;
  if (typeof sql !== "string") return badInput('"sql" must be a string.');
  if (dialect !== "postgres" && dialect !== "mysql" && dialect !== "sqlite") {
    return badInput('"dialect" must be "postgres", "mysql" or "sqlite".');
  }
  const guardMode: GuardMode | null = mode === undefined ? "read" : mode === "read" || mode === "write" ? mode : null;
  if (guardMode === null) return badInput('"mode" must be "read" or "write".');
  if (params !== undefined && !isRecord(params)) return badInput('"params" must be an object keyed by template expression.');
  const policy = parsePolicy(input.policy);
  if (typeof policy === "string") return badInput(policy);

  const result = guardSql({ sql, dialect: dialect satisfies Dialect, mode: guardMode, params: params ?? {}, policy });
  if (!result.ok) return { ok: false, error: result.error };
  return { ok: true, kind: result.kind, sql: result.sql, values: result.values, tables: result.tables };
}

async function main(): Promise<void> {
  await initGuard();
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.trim() === "") continue; // blank lines are not inputs
    let output: Output;
    try {
      output = handleLine(line);
    } catch (error) {
      // A bug or a crashed parser must not cost the answers to the lines after this one.
      output = { ok: false, error: { code: "internal_error", message: error instanceof Error ? error.message : String(error), position: null } };
    }
    process.stdout.write(`${JSON.stringify(output)}\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`guard: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
