/**
 * Test fixture for actions (unit tests, no metadata database): a real Acme Ops SQLite file
 * generated at small scale in a temp folder, registered as "Acme Ops" for `ctx.datasource()`,
 * with `invoke()` going through the same invokeAction as production, and direct SQL to arrange
 * data and check effects behind the action's back.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import type { Role } from "@/lib/roles";
import { generateAcmeOps } from "@/server/demo/acme-ops";
import { createSharedActionDatabase, UnknownDatasourceError, type SharedDatabaseResolver } from "@/server/actions/databases/action-databases";
import type { SharedActionDatabase } from "@/server/actions/databases/types";
import type { ActionUser, AnyAction } from "@/server/actions/define-action";
import { invokeAction, type InvocationReport } from "@/server/actions/invoke-action";
import { ACME_OPS_SOURCE } from "@/server/actions/demo/acme-ops";

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

export function createActionTestbed(options: { scale?: number; seed?: number } = {}): ActionTestbed {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rowcraft-actions-"));
  const file = path.join(dir, "acme-ops.sqlite");
  generateAcmeOps({ file, scale: options.scale ?? 0.02, seed: options.seed });
  const shared: SharedActionDatabase = createSharedActionDatabase(ACME_OPS_SOURCE, { kind: "sqlite", file });
  const direct = new Database(file);
  direct.pragma("busy_timeout = 5000");
  const databases: SharedDatabaseResolver = async (name) => {
    if (name !== ACME_OPS_SOURCE) throw new UnknownDatasourceError(name);
    return shared;
  };
  return {
    file,
    databases,
    invoke: (action, input, invokeOptions = {}) =>
      invokeAction({
        action,
        input,
        idempotencyKey: invokeOptions.key ?? `test-key-${++keys}`,
        user: testUser(invokeOptions.role),
        databases,
        logError: () => undefined,
      }),
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
