// scripts/guard.ts, the JSON Lines front end: one output line per input line, in order, exit 0
// even when queries are refused, and `bad_input` for lines it cannot read.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(__dirname, "../..");

function runCli(input: string) {
  const result = spawnSync(process.execPath, ["--import", "tsx", "scripts/guard.ts"], {
    cwd: root,
    input,
    encoding: "utf8",
    timeout: 60_000,
  });
  const lines = result.stdout.split("\n").filter((l) => l !== "");
  return { status: result.status, stderr: result.stderr, outputs: lines.map((l): unknown => JSON.parse(l)) };
}

describe("scripts/guard.ts", () => {
  it("answers every line in order and exits 0", () => {
    const inputs = [
      { sql: "SELECT * FROM orders WHERE id = {{ id }}", dialect: "postgres", mode: "read", params: { id: 5 } },
      { sql: "SELECT 1; DROP TABLE orders", dialect: "mysql", mode: "read", params: {} },
      { sql: "DELETE FROM orders WHERE id = {{id}}", dialect: "sqlite", mode: "write", params: { id: 2 }, policy: { read: [], write: ["orders"] } },
      { sql: "SELECT * FROM secrets", dialect: "postgres", mode: "read", params: {}, policy: { read: ["orders"], write: [] } },
    ];
    const text = [JSON.stringify(inputs[0]), "{not json", JSON.stringify(inputs[1]), "", JSON.stringify(inputs[2]), JSON.stringify(inputs[3]), JSON.stringify({ sql: 1 })].join("\n");
    const { status, outputs, stderr } = runCli(`${text}\n`);
    expect(stderr).toBe("");
    expect(status).toBe(0);
    expect(outputs).toEqual([
      { ok: true, kind: "select", sql: "SELECT * FROM orders WHERE id = $1", values: [5], tables: { read: ["public.orders"], write: [] } },
      { ok: false, error: { code: "bad_input", message: expect.any(String), position: null } },
      { ok: false, error: { code: "multiple_statements", message: expect.any(String), position: 10 } },
      { ok: true, kind: "delete", sql: "DELETE FROM orders WHERE id = ?", values: [2], tables: { read: [], write: ["orders"] } },
      { ok: false, error: { code: "table_not_readable", message: expect.stringContaining("public.secrets"), position: 14 } },
      { ok: false, error: { code: "bad_input", message: expect.stringContaining('"sql"'), position: null } },
    ]);
  });

  it("rejects unknown dialects, modes and policies as bad input", () => {
    const lines = [
      { sql: "SELECT 1", dialect: "oracle", mode: "read", params: {} },
      { sql: "SELECT 1", dialect: "sqlite", mode: "admin", params: {} },
      { sql: "SELECT 1", dialect: "sqlite", mode: "read", params: [] },
      { sql: "SELECT 1", dialect: "sqlite", mode: "read", params: {}, policy: { read: "*" } },
    ];
    const { status, outputs } = runCli(lines.map((l) => JSON.stringify(l)).join("\n"));
    expect(status).toBe(0);
    expect(outputs.map((o) => (o as { error: { code: string } }).error.code)).toEqual(["bad_input", "bad_input", "bad_input", "bad_input"]);
  });
});
