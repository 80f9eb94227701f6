/**
 * Turns the guard's preview plan into what a driver samples during a previewed write. Where the
 * database cannot return the changed rows (MariaDB/MySQL have no UPDATE … RETURNING), the driver
 * re-selects them by primary key, which comes from the source's introspected schema (cached).
 */
import type { Db } from "@/server/db/client";
import type { PreviewSampling } from "@/server/datasources/drivers/types";
import type { SchemaTable } from "@/server/datasources/drivers/types";
import { getDatasourceSchema } from "@/server/datasources/datasource-schema";
import type { Dialect, PreviewPlan } from "@/server/sql/guard";

function findTable(tables: readonly SchemaTable[], target: PreviewPlan["target"]): SchemaTable | null {
  const candidates = tables.filter((t) => t.kind === "table" && (target.schema === null || t.schema === target.schema));
  return candidates.find((t) => t.name === target.name) ?? candidates.find((t) => t.name.toLowerCase() === target.name.toLowerCase()) ?? null;
}

/** The target's primary key columns, or a note saying why there are none. */
async function primaryKeyOf(db: Db, datasourceId: string, target: PreviewPlan["target"]): Promise<{ primaryKey: string[] } | { note: string }> {
  try {
    let table = findTable((await getDatasourceSchema({ db, id: datasourceId })).schema.tables, target);
    // The cached schema may predate the table.
    table ??= findTable((await getDatasourceSchema({ db, id: datasourceId, refresh: true })).schema.tables, target);
    if (table === null) return { note: `No sample of the rows after the change: ${target.name} was not found in the source's schema.` };
    if (table.primaryKey.length === 0) return { note: `No sample of the rows after the change: this server has no UPDATE … RETURNING and ${target.name} has no primary key to find the changed rows again.` };
    return { primaryKey: table.primaryKey };
  } catch (error) {
    return { note: `No sample of the rows after the change: the schema could not be read (${error instanceof Error ? error.message : String(error)}).` };
  }
}

export async function previewSampling(options: { db: Db; datasourceId: string; dialect: Dialect; plan: PreviewPlan }): Promise<PreviewSampling> {
  const { plan } = options;
  const sampling: PreviewSampling = {
    kind: plan.kind,
    sampleSize: plan.sampleSize,
    before: plan.before,
    returning: plan.returning,
    hasReturning: plan.hasReturning,
    reselect: null,
    notes: [...plan.notes],
  };
  if (options.dialect === "mysql" && plan.kind === "update" && !plan.hasReturning && plan.before !== null) {
    const key = await primaryKeyOf(options.db, options.datasourceId, plan.target);
    if ("primaryKey" in key) sampling.reselect = { table: plan.target.sql, primaryKey: key.primaryKey };
    else sampling.notes.push(key.note);
  }
  return sampling;
}
