/**
 * Saves the table editor's staged changes in ONE transaction, through the guard, with
 * optimistic concurrency: each UPDATE also requires the edited columns to still hold the values
 * that were read, and every statement must touch exactly one row. If any row changed or vanished
 * meanwhile, nothing is applied; the conflicting rows come back with their current values
 * ("theirs") so the user can take theirs or overwrite knowingly. Every applied change is audited
 * with its key, after, and before — the values read from the database in the same transaction
 * (a deleted row: all of it), never the client's (its "before" is only the concurrency expectation). An app's table passes a
 * `scope`: its query, bound; then the same transaction first checks that the query returns every
 * edited row, and saves nothing if one is not among them.
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
import { buildDelete, buildInsert, buildKeyedUpdate, buildOptimisticUpdate, buildScopedKeys, buildSelectByKeys, isMysqlTextType } from "@/server/tables/sql-builders";
import { resolveTableContext, type TableContext } from "@/server/tables/table-context";

interface PlannedChange {
  statement: GuardedStatement;
  action: "table.update" | "table.insert" | "table.delete";
  key: Record<string, unknown> | null;
  detail: Record<string, unknown>;
}

/** The rows a save may change: those `sql` (already bound with `params`) returns. */
export interface SaveScope {
  sql: string;
  params: Record<string, unknown>;
  /** The table's key column → the query's output name for it. */
  keyOutputs: ReadonlyMap<string, string>;
  /** Named in the refusal: "ordersTable". */
  label: string;
  /** Added to each audited change: which app, version and widget it was made through. */
  audit: Record<string, unknown>;
}

/**
 * Reads run first in the batch: the current rows of every key edited or deleted (what the audit
 * records as "before"), then, with a scope, which edited keys the scope's query returns.
 */
interface PlannedReads {
  statements: { statement: GuardedStatement; expected: number }[];
  /** Index in `statements` of the scope read, or null. */
  scope: number | null;
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

function planReads(ctx: TableContext, input: SaveTableChangesInput, scope: SaveScope | undefined): PlannedReads {
  const touched = [...input.updates.map((update) => update.key), ...input.deletes];
  if (touched.length === 0) return { statements: [], scope: null };
  const statements = [{ statement: buildSelectByKeys(ctx.dialect, ctx.ref, ctx.primaryKey, touched), expected: touched.length }];
  const keys = input.updates.map((update) => update.key);
  if (!scope || keys.length === 0) return { statements, scope: null };
  const outputs = ctx.primaryKey.map((column) => scope.keyOutputs.get(column) ?? column);
  const outputKeys = keys.map((key) => Object.fromEntries(ctx.primaryKey.map((column) => [scope.keyOutputs.get(column) ?? column, key[column]])));
  statements.push({ statement: buildScopedKeys(ctx.dialect, scope, outputs, outputKeys), expected: keys.length });
  return { statements, scope: 1 };
}

/** The row a result row (named by `names`: table column → result name) is, as a key id in the table's names. */
function rowKeyId(ctx: TableContext, row: Record<string, unknown>, names?: ReadonlyMap<string, string>): string {
  return keyId(Object.fromEntries(ctx.primaryKey.map((column) => [column, row[names?.get(column) ?? column]])));
}

function plan(ctx: TableContext, input: SaveTableChangesInput): PlannedChange[] {
  const overwrite = new Set(input.overwrite);
  const textColumns = new Set(ctx.dialect === "mysql" ? ctx.columns.filter((column) => isMysqlTextType(column.dataType)).map((column) => column.name) : []);
  const table = { datasource: ctx.source.name, table: ctx.ref.schema ? `${ctx.ref.schema}.${ctx.ref.name}` : ctx.ref.name };
  return [
    ...input.updates.map((update): PlannedChange => {
      const after = Object.fromEntries(Object.entries(update.changes).map(([column, change]) => [column, change.after]));
      const statement = overwrite.has(keyId(update.key)) ? buildKeyedUpdate(ctx.dialect, ctx.ref, update.key, after) : buildOptimisticUpdate(ctx.dialect, ctx.ref, update, textColumns);
      // `before` is filled in from the database once the batch has read it.
      return { statement, action: "table.update", key: update.key, detail: { ...table, key: update.key, before: null, after, overwrite: overwrite.has(keyId(update.key)) } };
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

/** What the audit records for a change: "before" as the batch read it (the edited columns of an updated row, all of a deleted one). */
function auditDetail(change: PlannedChange, read: ReadonlyMap<string, Record<string, unknown>>, scope: SaveScope | undefined): Record<string, unknown> {
  const current = change.key ? read.get(keyId(change.key)) : undefined;
  let detail = change.detail;
  if (current && change.action === "table.update") {
    const after = change.detail.after as Record<string, unknown>;
    detail = { ...detail, before: Object.fromEntries(Object.keys(after).map((column) => [column, current[column] ?? null])) };
  } else if (current && change.action === "table.delete") {
    detail = { ...detail, before: current };
  }
  return scope ? { ...detail, ...scope.audit } : detail;
}

export async function saveTableChanges(options: { db: Db; user: SessionUser; input: SaveTableChangesInput; scope?: SaveScope }): Promise<SaveTableChangesResult> {
  const { db, user, input, scope } = options;
  const ctx = await resolveTableContext({ db, datasourceId: input.datasourceId, table: input.table });
  if (!ctx.writable) {
    throw new TRPCError({ code: "FORBIDDEN", message: `${ctx.table.name} is not writable: the policy of ${ctx.source.name} does not allow it, or it has no primary key.` });
  }
  checkColumns(ctx, input);
  const changes = plan(ctx, input);
  if (changes.length === 0) return { ok: true, updated: 0, inserted: 0, deleted: 0 };
  const reads = planReads(ctx, input, scope);

  const statements: BatchStatement[] = [];
  for (const read of reads.statements) {
    const guarded = await guardStatement(ctx.source, read.statement, "read");
    if (!guarded.ok) return { ok: false, reason: "error", message: `Nothing was saved: Rowcraft refused to read the rows first (${guarded.error.message})` };
    statements.push({ sql: guarded.sql, values: guarded.values, expectedAffected: read.expected, returnRows: true });
  }
  const offset = statements.length;
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
    if (reads.scope !== null && scope && batch.affected[reads.scope] !== input.updates.length) {
      // Checked before any write in the transaction, so a row the edit itself moves out of view still counts as shown.
      const shown = new Set((batch.rows[reads.scope] ?? []).map((row) => rowKeyId(ctx, row, scope.keyOutputs)));
      const outside = input.updates.map((update) => update.key).filter((key) => !shown.has(keyId(key)));
      await recordAuditEvent({ db, actor: user, action: "table.save", outcome: "denied", target: { type: "datasource", id: ctx.row.id }, detail: { table: ctx.table.name, reason: "rows not shown", scope: scope.label, keys: outside, ...scope.audit } });
      const named = outside.slice(0, 5).map((key) => JSON.stringify(key)).join(", ");
      throw new TRPCError({ code: "FORBIDDEN", message: `Nothing was saved: ${named} ${outside.length === 1 ? "is not a row" : "are not rows"} ${scope.label} shows with your current inputs. Reload the table and edit the rows it shows.` });
    }
    if (!batch.committed) {
      const missed = changes.filter((_, index) => batch.affected[index + offset] !== statements[index + offset]?.expectedAffected);
      const conflicted = missed.flatMap((change) => (change.key ? [change.key] : []));
      // An insert cannot conflict; one that added no row (or several) is an error, not "theirs".
      const reason = missed.length === conflicted.length ? "conflict" : "an insert did not add exactly one row";
      await recordAuditEvent({ db, actor: user, action: "table.save", outcome: "denied", target: { type: "datasource", id: ctx.row.id }, detail: { table: ctx.table.name, reason, keys: conflicted } });
      if (reason !== "conflict") return { ok: false, reason: "error", message: `Nothing was saved: ${reason}.` };
      return { ok: false, reason: "conflict", conflicts: await readTheirs(ctx, conflicted) };
    }
    const read = new Map((batch.rows[0] ?? []).map((row) => [rowKeyId(ctx, row), row]));
    for (const change of changes) {
      await recordAuditEvent({ db, actor: user, action: change.action, target: { type: "datasource", id: ctx.row.id }, detail: auditDetail(change, read, scope) });
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
