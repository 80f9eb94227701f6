/**
 * Runs one builder query: the guard decides what may run and binds every template as a
 * parameter, then the source's driver executes it with the policy's timeout and row cap inside
 * the database's own read-only / transactional protections. Refusals and database errors come
 * back as values with a position, so the editor can underline them; writes are audited. Reads
 * whose rows are rows of one writable table say how to save edits of them (`editable`).
 */
import { TRPCError } from "@trpc/server";
import type { Db } from "@/server/db/client";
import type { SessionUser } from "@/server/auth/sessions";
import { DEFAULT_MAX_AFFECTED_ROWS } from "@/lib/schemas/datasources";
import type { QueryPreview, QueryResult, RunQueryInput } from "@/lib/schemas/queries";
import { dialectOf } from "@/lib/sql/dialects";
import { guardSql, initGuard } from "@/server/sql/guard";
import { tablePolicyOf } from "@/server/queries/execute-guarded";
import { getDriver } from "@/server/datasources/drivers/registry";
import { DriverError } from "@/server/datasources/drivers/types";
import { openConnection, toDatasourceSummary } from "@/server/datasources/stored-datasource";
import { recordAuditEvent } from "@/server/audit/record-audit-event";
import { finishRun, registerRun } from "@/server/queries/running-queries";
import { mapPosition } from "@/server/queries/map-position";
import { previewSampling } from "@/server/queries/preview-sampling";
import { editableResult } from "@/server/queries/editable-result";
import { cascadeNotes, checkCascades } from "@/server/queries/cascades";

/** Default for the policy's `maxAffectedRows`: most rows a single write may change before it is rolled back. */
export const MAX_AFFECTED_ROWS = DEFAULT_MAX_AFFECTED_ROWS;

export async function runQuery(options: { db: Db; user: SessionUser; input: RunQueryInput }): Promise<QueryResult> {
  const { db, user, input } = options;
  const row = await db.dataSource.findUnique({ where: { id: input.datasourceId } });
  if (!row) throw new TRPCError({ code: "NOT_FOUND", message: "That data source no longer exists." });
  const source = toDatasourceSummary(row);

  await initGuard();
  const dialect = dialectOf(source.kind);
  const preview = input.mode === "write" && input.preview;
  const guarded = guardSql({ sql: input.sql, dialect, mode: input.mode, params: input.params, policy: tablePolicyOf(source.policy), preview });
  if (!guarded.ok) {
    if (input.mode === "write") {
      await recordAuditEvent({ db, actor: user, action: "query.write", outcome: "denied", target: { type: "datasource", id: source.id }, detail: { sql: input.sql, code: guarded.error.code } });
    }
    return { ok: false, error: { source: "guard", ...guarded.error } };
  }

  const controller = registerRun(input.runId, user.id);
  try {
    const connection = openConnection(row);
    const driver = getDriver(row.id, connection, row.updatedAt);
    // Foreign-key actions write tables the statement does not name: refuse when one is not writable.
    const cascades =
      input.mode === "write"
        ? await checkCascades({ driver, dialect, policy: source.policy, tablePolicy: tablePolicyOf(source.policy), database: connection.kind === "mysql" ? connection.database : null, guarded, signal: controller.signal })
        : null;
    if (cascades?.refusal) {
      if (!preview) {
        await recordAuditEvent({ db, actor: user, action: "query.write", outcome: "denied", target: { type: "datasource", id: source.id }, detail: { sql: input.sql, code: cascades.refusal.code } });
      }
      return { ok: false, error: { source: "guard", ...cascades.refusal } };
    }
    const sampling = guarded.preview ? await previewSampling({ db, datasourceId: source.id, dialect, plan: guarded.preview }) : undefined;
    const cascadeTables = preview && cascades ? cascades.steps.map((step) => ({ ...step.table, display: step.display })) : [];
    const result = await driver.execute({
      sql: guarded.sql,
      values: guarded.values,
      mode: input.mode,
      timeoutMs: source.policy.statementTimeoutMs,
      rowCap: source.policy.rowCap,
      maxAffectedRows: source.policy.maxAffectedRows,
      preview,
      ...(sampling ? { sampling } : {}),
      ...(cascadeTables.length > 0 ? { cascadeTables } : {}),
      // Only PostgreSQL reads are explained; null means the admin lifted the limit.
      ...(dialect === "postgres" && input.mode === "read" && source.policy.maxCost !== null ? { maxCost: source.policy.maxCost } : {}),
      signal: controller.signal,
      // Fair sharing of the source: one person's slow queries wait behind each other, not everyone's.
      user: user.id,
    });
    if (input.mode === "write" && !preview) {
      await recordAuditEvent({
        db,
        actor: user,
        action: "query.write",
        target: { type: "datasource", id: source.id },
        detail: { sql: guarded.sql, values: guarded.values, tables: guarded.tables.write, affectedRows: result.affectedRows },
      });
    }
    return {
      ok: true,
      kind: guarded.kind,
      columns: result.columns,
      rows: result.rows,
      rowCount: result.rowCount,
      truncated: result.truncated,
      rowCap: source.policy.rowCap,
      affectedRows: result.affectedRows,
      preview: preview ? previewOf(result.preview, cascades ? cascadeNotes(cascades.steps) : []) : null,
      durationMs: result.durationMs,
      editable: guarded.kind === "select" ? await editableResult({ db, source, dialect, projection: guarded.projection, columns: result.columns }) : null,
      ...(result.warnings && result.warnings.length > 0 ? { warnings: result.warnings } : {}),
    };
  } catch (error) {
    if (!(error instanceof DriverError)) throw error;
    if (input.mode === "write" && !preview) {
      await recordAuditEvent({ db, actor: user, action: "query.write", outcome: "error", target: { type: "datasource", id: source.id }, detail: { sql: guarded.sql, values: guarded.values, code: error.code, message: error.message } });
    }
    // The database reports positions in the SQL it ran (with placeholders); map back to the user's text.
    return { ok: false, error: { source: "database", code: error.code, message: error.message, position: error.position === null ? null : mapPosition(input.sql, guarded.sql, error.position) } };
  } finally {
    finishRun(input.runId);
  }
}

function previewOf(samples: QueryPreview | undefined, cascadeNotes: string[]): QueryPreview {
  const base = samples ?? { before: null, after: null, notes: ["No samples of the changed rows are available for this statement."] };
  return { ...base, notes: [...cascadeNotes, ...base.notes] };
}
