/**
 * Whether a read's rows can be edited in place. The guard says which select-list items are
 * plain columns of one base table (its `projection`); here that table is found in the source's
 * cached schema and checked like the table editor checks it (`tableAccess`: writable under the
 * policy, a base table with a primary key). The items are lined up with the result's columns by
 * position — `*` expands to the table's columns in order, and the drivers rename repeated names
 * (`id`, `id_2`) — so a renamed or repeated column still points at the right cell. Editing is
 * offered only when every key column is in the output, so each row can be addressed.
 */
import type { Db } from "@/server/db/client";
import type { QueryColumn, QueryColumnSource, QueryEditable } from "@/lib/schemas/queries";
import type { Dialect } from "@/lib/sql/dialects";
import type { ReadProjection } from "@/server/sql/guard";
import { isWritable, resolveTable } from "@/server/sql/policy";
import type { SchemaTable } from "@/server/datasources/drivers/types";
import { getDatasourceSchema } from "@/server/datasources/datasource-schema";
import type { DatasourceSummary } from "@/server/datasources/stored-datasource";
import { tablePolicyOf } from "@/server/queries/execute-guarded";
import { tableAccess } from "@/server/tables/table-context";

/** PostgreSQL names are exact once parsed; MySQL and SQLite column names are case-insensitive. */
const fold = (dialect: Dialect, name: string): string => (dialect === "postgres" ? name : name.toLowerCase());

/** The schema's table (or view) a projection names, resolved the way the database resolves it. */
export function findProjectedTable(dialect: Dialect, tables: readonly SchemaTable[], target: ReadProjection["table"]): SchemaTable | null {
  if (dialect === "postgres") return tables.find((t) => t.schema === target.schema && t.name === target.name) ?? null;
  if (dialect === "sqlite") return target.schema === null ? (tables.find((t) => t.name.toLowerCase() === target.name.toLowerCase()) ?? null) : null;
  // MySQL: the schema lists the connection's database only; exact names first (lower_case_table_names decides the rest).
  const candidates = tables.filter((t) => target.schema === null || t.schema === target.schema);
  const exact = candidates.find((t) => t.name === target.name);
  if (exact) return exact;
  const folded = candidates.filter((t) => t.name.toLowerCase() === target.name.toLowerCase());
  return folded.length === 1 ? (folded[0] ?? null) : null;
}

/** The driver's name for a result column: as expected, or made unique with a `_n` suffix. */
function sameOutput(dialect: Dialect, actual: string, expected: string): boolean {
  const a = fold(dialect, actual);
  const e = fold(dialect, expected);
  return a === e || (a.startsWith(`${e}_`) && /^\d+$/.test(a.slice(e.length + 1)));
}

/**
 * The editable descriptor for a result, or "stale" when its columns do not line up with the
 * schema's idea of the table (the cached schema predates a change). Pure.
 */
export function describeEditable(options: {
  dialect: Dialect;
  projection: ReadProjection;
  table: SchemaTable;
  access: { writable: boolean; display: string };
  columns: readonly QueryColumn[];
}): QueryEditable | null | "stale" {
  const { dialect, projection, table, access, columns } = options;
  if (!access.writable || table.primaryKey.length === 0) return null;
  const expanded = projection.items.flatMap((item) => {
    if (item.kind === "all") return table.columns.map((column) => ({ expected: column.name, source: column.name }));
    return [item.kind === "column" ? { expected: item.output, source: item.source } : null];
  });
  if (expanded.length !== columns.length) return "stale";

  const schemaName = new Map(table.columns.map((column) => [fold(dialect, column.name), column.name]));
  const mapped: QueryColumnSource[] = [];
  for (const [index, entry] of expanded.entries()) {
    const column = columns[index];
    if (entry === null || column === undefined) continue;
    if (!sameOutput(dialect, column.name, entry.expected)) return "stale";
    const source = schemaName.get(fold(dialect, entry.source));
    if (source !== undefined) mapped.push({ output: column.name, source }); // else rowid, a string in quotes…
  }

  const key: QueryColumnSource[] = [];
  for (const column of table.primaryKey) {
    const found = mapped.find((entry) => entry.source === column);
    if (!found) return null; // rows could not be addressed
    key.push(found);
  }
  // A column shown twice is left read-only: an edit in one cell would leave the other one stale.
  const uses = new Map<string, number>();
  for (const entry of mapped) uses.set(entry.source, (uses.get(entry.source) ?? 0) + 1);
  const keyColumns = new Set(table.primaryKey);
  const editable = mapped.filter((entry) => !keyColumns.has(entry.source) && uses.get(entry.source) === 1);
  if (editable.length === 0) return null;
  return { table: { schema: table.schema, name: table.name }, display: access.display, primaryKey: [...table.primaryKey], key, columns: editable };
}

/**
 * `editable` for a read result, or null. Never throws: editing is an extra, so a schema that
 * cannot be read only costs it. The cached schema is refreshed once when the table is missing
 * from it or the result's columns do not line up.
 */
export async function editableResult(options: { db: Db; source: DatasourceSummary; dialect: Dialect; projection: ReadProjection | null; columns: readonly QueryColumn[] }): Promise<QueryEditable | null> {
  const { db, source, dialect, projection, columns } = options;
  if (projection === null || !projection.items.some((item) => item.kind !== "expression")) return null;
  // The name as the query wrote it must be writable too (what a hand-written UPDATE of it would need).
  const named = resolveTable(dialect, { schema: projection.table.schema, name: projection.table.name });
  if (!isWritable(dialect, tablePolicyOf(source.policy), named)) return null;
  try {
    for (const refresh of [false, true]) {
      const { schema } = await getDatasourceSchema({ db, id: source.id, refresh });
      const table = findProjectedTable(dialect, schema.tables, projection.table);
      if (table === null) continue;
      const result = describeEditable({ dialect, projection, table, access: tableAccess(dialect, source, table), columns });
      if (result !== "stale") return result;
    }
  } catch {
    // The schema could not be read: the result stays read-only.
  }
  return null;
}
