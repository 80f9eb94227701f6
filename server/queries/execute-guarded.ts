/**
 * The one path from Rowcraft-built SQL to a database: guard it against the source's policy
 * (templates become bound parameters), then execute it on the source's driver with the policy's
 * timeout and row cap. The table editor and server paging use it; their SQL is generated, but
 * it gets no shortcut around the guard.
 */
import type { DataSource } from "@/generated/prisma/client";
import type { Policy } from "@/lib/schemas/datasources";
import type { QueryMode } from "@/lib/schemas/queries";
import { dialectOf } from "@/lib/sql/dialects";
import { guardSql, initGuard, type GuardError, type GuardOk, type TablePolicy } from "@/server/sql/guard";
import { getDriver } from "@/server/datasources/drivers/registry";
import type { ExecuteResult } from "@/server/datasources/drivers/types";
import { openConnection, toDatasourceSummary, type DatasourceSummary } from "@/server/datasources/stored-datasource";

/** Write mode on a read-only source has nothing writable, so the guard refuses every write. */
export function tablePolicyOf(policy: Policy): TablePolicy {
  return { read: policy.read, write: policy.readOnly ? [] : policy.write, allowSystemCatalogs: policy.allowSystemCatalogs };
}

export interface GuardedStatement {
  sql: string;
  params: Record<string, unknown>;
}

/** Guards without executing: for callers that run several statements in one transaction. */
export async function guardStatement(source: DatasourceSummary, statement: GuardedStatement, mode: QueryMode): Promise<GuardOk | { ok: false; error: GuardError }> {
  await initGuard();
  return guardSql({ sql: statement.sql, dialect: dialectOf(source.kind), mode, params: statement.params, policy: tablePolicyOf(source.policy) });
}

export class GuardRefusal extends Error {
  constructor(readonly error: GuardError) {
    super(error.message);
    this.name = "GuardRefusal";
  }
}

/** Guards then executes one statement; a refusal throws GuardRefusal, a database error DriverError. */
/** `userId`: who runs it, for fair sharing of the source between people (see the drivers' FairGate). */
export async function executeGuarded(options: { row: DataSource; statement: GuardedStatement; mode: QueryMode; rowCap?: number; signal?: AbortSignal; userId?: string }): Promise<{ guarded: GuardOk; result: ExecuteResult }> {
  const source = toDatasourceSummary(options.row);
  const guarded = await guardStatement(source, options.statement, options.mode);
  if (!guarded.ok) throw new GuardRefusal(guarded.error);
  const result = await getDriver(options.row.id, openConnection(options.row), options.row.updatedAt).execute({
    sql: guarded.sql,
    values: guarded.values,
    mode: options.mode,
    timeoutMs: source.policy.statementTimeoutMs,
    rowCap: options.rowCap ?? source.policy.rowCap,
    maxAffectedRows: source.policy.maxAffectedRows,
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.userId ? { user: options.userId } : {}),
  });
  return { guarded, result };
}
