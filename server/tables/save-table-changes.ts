/**
 * Saves the table editor's staged changes in ONE transaction, through the guard, with
 * optimistic concurrency: each UPDATE also requires the edited columns to still hold the values
 * that were read, and every statement must touch exactly one row. If any row changed or vanished
 * meanwhile, nothing is applied; the conflicting rows come back with their current values
 * ("theirs") so the user can take theirs or overwrite knowingly. Every applied change is audited
 * with its key, before and after.
 */
import { TRPCError } from "@trpc/server";
import type { Db } from "@/server/db/client";
import type { SessionUser } from "@/server/auth/sessions";
import { keyId, type SaveConflict, type SaveTableChangesInput, type SaveTableChangesResult } from "@/lib/schemas/tables";
import { recordAuditEvent } from "@/server/audit/record-audit-event";
import { getDriver } from "@/server/datasources/drivers/registry";
import { DriverError, type BatchStatement } from "@/server/datasources/drivers/types";
import { openConnection } from "@/server/datasources/stored-datasource";
import { executeGuarded, guardStatement, GuardRefusal, type GuardedStatement } from "@/server/queries/execute-guarded";
import { firstCascadeRefusal } from "@/server/queries/cascades";
import type { GuardOk } from "@/server/sql/guard";
import { buildDelete, buildInsert, buildKeyedUpdate, buildOptimisticUpdate, buildSelectByKeys, isMysqlTextType } from "@/server/tables/sql-builders";
import { resolveTableContext, type TableContext } from "@/server/tables/table-context";

interface PlannedChange {
  statement: GuardedStatement;
  action: "table.update" | "table.insert" | "table.delete";
  key: Record<string, unknown> | null;
  detail: Record<string, unknown>;
}

function badRequest(message: string): TRPCError {
  return new TRPCError({ code: "BAD_REQUEST", message });
}

/** Only editable columns are changed, rows are addressed by their whole primary key, and each row at most once. */
function checkColumns(ctx: TableContext, input: SaveTableChangesInput): void {
  const editable = new Set(ctx.columns.filter((column) => column.editable).map((column) => column.name));
  const known = new Set(ctx.columns.map((column) => column.name));
  const keyColumns = [...ctx.primaryKey].sort().join(",");
  const keys = [...input.updates.map((update) => update.key), ...input.deletes];
  const badKey = keys.find((key) => Object.keys(key).sort().join(",") !== keyColumns);
  if (badKey) throw badRequest(`Rows are addressed by the primary key (${ctx.primaryKey.join(", ")}).`);
  // A second statement for the same row would see the first one's result and always "conflict".
  const seen = new Set<string>();
  for (const key of keys) {
    const id = keyId(key);
    if (seen.has(id)) throw badRequest("Each row can be changed or deleted once per save.");
    seen.add(id);
  }
  for (const update of input.updates) {
    if (Object.keys(update.changes).length === 0) throw badRequest("An edited row needs at least one changed column.");
    const column = Object.keys(update.changes).find((name) => !editable.has(name));
    if (column !== undefined) throw badRequest(`Column ${column} cannot be edited.`);
  }
  for (const insert of input.inserts) {
    const column = Object.keys(insert).find((name) => !known.has(name));
    if (column !== undefined) throw badRequest(`There is no column ${column}.`);
  }
}

function plan(ctx: TableContext, input: SaveTableChangesInput): PlannedChange[] {
  const overwrite = new Set(input.overwrite);
  const textColumns = new Set(ctx.dialect === "mysql" ? ctx.columns.filter((column) => isMysqlTextType(column.dataType)).map((column) => column.name) : []);
  const table = { datasource: ctx.source.name, table: ctx.ref.schema ? `${ctx.ref.schema}.${ctx.ref.name}` : ctx.ref.name };
  return [
    ...input.updates.map((update): PlannedChange => {
      const before = Object.fromEntries(Object.entries(update.changes).map(([column, change]) => [column, change.before]));
      const after = Object.fromEntries(Object.entries(update.changes).map(([column, change]) => [column, change.after]));
      const statement = overwrite.has(keyId(update.key)) ? buildKeyedUpdate(ctx.dialect, ctx.ref, update.key, after) : buildOptimisticUpdate(ctx.dialect, ctx.ref, update, textColumns);
      return { statement, action: "table.update", key: update.key, detail: { ...table, key: update.key, before, after, overwrite: overwrite.has(keyId(update.key)) } };
    }),
    ...input.inserts.map((values): PlannedChange => ({ statement: buildInsert(ctx.dialect, ctx.ref, values), action: "table.insert", key: null, detail: { ...table, after: values } })),
    ...input.deletes.map((key): PlannedChange => ({ statement: buildDelete(ctx.dialect, ctx.ref, key), action: "table.delete", key, detail: { ...table, key } })),
  ];
}

async function readTheirs(ctx: TableContext, keys: Record<string, unknown>[]): Promise<SaveConflict[]> {
  const { result } = await executeGuarded({ row: ctx.row, statement: buildSelectByKeys(ctx.dialect, ctx.ref, ctx.primaryKey, keys), mode: "read", rowCap: keys.length });
  const current = new Map(result.rows.map((row) => [keyId(Object.fromEntries(ctx.primaryKey.map((column) => [column, row[column]]))), row]));
  return keys.map((key) => ({ keyId: keyId(key), key, theirs: current.get(keyId(key)) ?? null }));
}

export async function saveTableChanges(options: { db: Db; user: SessionUser; input: SaveTableChangesInput }): Promise<SaveTableChangesResult> {
  const { db, user, input } = options;
  const ctx = await resolveTableContext({ db, datasourceId: input.datasourceId, table: input.table });
  if (!ctx.writable) {
    throw new TRPCError({ code: "FORBIDDEN", message: `${ctx.table.name} is not writable: the policy of ${ctx.source.name} does not allow it, or it has no primary key.` });
  }
  checkColumns(ctx, input);
  const changes = plan(ctx, input);
  if (changes.length === 0) return { ok: true, updated: 0, inserted: 0, deleted: 0 };

  const statements: BatchStatement[] = [];
  const guardedWrites: GuardOk[] = [];
  for (const change of changes) {
    const guarded = await guardStatement(ctx.source, change.statement, "write");
    if (!guarded.ok) return { ok: false, reason: "error", message: `Nothing was saved: Rowcraft refused the change (${guarded.error.message})` };
    statements.push({ sql: guarded.sql, values: guarded.values, expectedAffected: 1 });
    guardedWrites.push(guarded);
  }
  try {
    // Deleting a row can delete or change rows of other tables through foreign keys.
    const cascade = await firstCascadeRefusal({ row: ctx.row, guarded: guardedWrites });
    if (cascade) return { ok: false, reason: "error", message: `Nothing was saved: Rowcraft refused the change (${cascade.message})` };
    const driver = getDriver(ctx.row.id, openConnection(ctx.row), ctx.row.updatedAt);
    const batch = await driver.executeBatch({ statements, timeoutMs: ctx.source.policy.statementTimeoutMs, user: user.id });
    if (!batch.committed) {
      const missed = changes.filter((_, index) => batch.affected[index] !== statements[index]?.expectedAffected);
      const conflicted = missed.flatMap((change) => (change.key ? [change.key] : []));
      // An insert cannot conflict; one that added no row (or several) is an error, not "theirs".
      const reason = missed.length === conflicted.length ? "conflict" : "an insert did not add exactly one row";
      await recordAuditEvent({ db, actor: user, action: "table.save", outcome: "denied", target: { type: "datasource", id: ctx.row.id }, detail: { table: ctx.table.name, reason, keys: conflicted } });
      if (reason !== "conflict") return { ok: false, reason: "error", message: `Nothing was saved: ${reason}.` };
      return { ok: false, reason: "conflict", conflicts: await readTheirs(ctx, conflicted) };
    }
    for (const change of changes) {
      await recordAuditEvent({ db, actor: user, action: change.action, target: { type: "datasource", id: ctx.row.id }, detail: change.detail });
    }
    return {
      ok: true,
      updated: input.updates.length,
      inserted: input.inserts.length,
      deleted: input.deletes.length,
    };
  } catch (error) {
    if (error instanceof DriverError || error instanceof GuardRefusal) {
      await recordAuditEvent({ db, actor: user, action: "table.save", outcome: "error", target: { type: "datasource", id: ctx.row.id }, detail: { table: ctx.table.name, message: error.message } });
      return { ok: false, reason: "error", message: `Nothing was saved: ${error.message}` };
    }
    throw error;
  }
}
