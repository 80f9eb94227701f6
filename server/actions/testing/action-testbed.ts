/**
 * Test fixture for actions (unit tests, no metadata database): a real SQLite file in a temp
 * folder — the Acme Ops demo generated at small scale, or your own tables (`sqlite: "CREATE
 * TABLE …"`) — registered under the data source name the action asks `ctx.datasource()` for;
 * `invoke()` goes through the same invokeAction as production, and direct SQL arranges data and
 * checks effects behind the action's back. For a real PostgreSQL database see
 * postgres-testbed.ts (integration tests).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import type { Role } from "@/lib/roles";
import { generateAcmeOps } from "@/server/demo/acme-ops";
import { createSharedActionDatabase, fixedDatabaseResolver, type SharedDatabaseResolver } from "@/server/actions/databases/action-databases";
import type { SharedActionDatabase } from "@/server/actions/databases/types";
import type { ActionUser, AnyAction } from "@/server/actions/define-action";
import { invokeAction, type InvocationReport } from "@/server/actions/invoke-action";
import { DEMO_SOURCE as ACME_OPS_SOURCE } from "@/lib/app-document/demo-apps";

export interface ActionTestbed {
  file: string;
  databases: SharedDatabaseResolver;
  /** One invocation as `role` (default operator); `key` defaults to a fresh one per call. */
  invoke(action: AnyAction, input: unknown, options?: { key?: string; role?: Role }): Promise<InvocationReport>;
  /** Rows of a query run directly on the file. */
  rows(sql: string, values?: unknown[]): Record<string, unknown>[];
  /** A single value (first column of the first row). */
  value(sql: string, values?: unknown[]): unknown;
  exec(sql: string, values?: unknown[]): void;
  close(): Promise<void>;
}

let keys = 0;

export function testUser(role: Role = "operator"): ActionUser {
  return { id: `user-${role}`, email: `${role}@acme.test`, name: `Test ${role}`, role };
}

export interface ActionTestbedOptions {
  /** The data source's name; an action's target finds it like a connected source (default "Acme Ops", target acme-ops). */
  source?: string;
  /** SQL that creates (and fills) your tables in an empty SQLite file; without it, the Acme Ops demo is generated. */
  sqlite?: string;
  /** Acme Ops only: size and seed of the generated data. */
  scale?: number;
  seed?: number;
}

export function createActionTestbed(options: ActionTestbedOptions = {}): ActionTestbed {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rowcraft-actions-"));
  const file = path.join(dir, "database.sqlite");
  const source = options.source ?? ACME_OPS_SOURCE;
  if (options.sqlite === undefined) generateAcmeOps({ file, scale: options.scale ?? 0.02, seed: options.seed });
  const shared: SharedActionDatabase = createSharedActionDatabase(source, { kind: "sqlite", file });
  const direct = new Database(file);
  direct.pragma("busy_timeout = 5000");
  if (options.sqlite !== undefined) direct.exec(options.sqlite);
  const databases = fixedDatabaseResolver([shared]);
  return {
    file,
    databases,
    invoke: invokerFor(databases),
    rows: (sql, values = []) => direct.prepare(sql).all(...values) as Record<string, unknown>[],
    value: (sql, values = []) => direct.prepare(sql).pluck().get(...values),
    exec: (sql, values = []) => void direct.prepare(sql).run(...values),
    close: async () => {
      await shared.close();
      direct.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** `bed.invoke`: one invocation through invokeAction, as a test user with a fresh key unless given. */
export function invokerFor(databases: SharedDatabaseResolver): ActionTestbed["invoke"] {
  return (action, input, options = {}) =>
    invokeAction({ action, input, idempotencyKey: options.key ?? `test-key-${++keys}`, user: testUser(options.role), databases, logError: () => undefined });
}

/** The outcome's result, failing the test with the error when the invocation failed. */
export function okResult<T = Record<string, unknown>>(report: InvocationReport): T {
  if (report.outcome.status !== "ok") throw new Error(`expected ok, got ${report.outcome.errorKind}: ${report.outcome.error} ${report.internalMessage ?? ""}`);
  return report.outcome.result as T;
}

/** The outcome's error message, failing the test when the invocation succeeded. */
export function failure(report: InvocationReport): { kind: string; error: string } {
  if (report.outcome.status === "ok") throw new Error(`expected a failure, got ok: ${JSON.stringify(report.outcome.result)}`);
  return { kind: report.outcome.errorKind, error: report.outcome.error };
}
