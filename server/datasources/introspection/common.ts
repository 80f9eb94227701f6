/**
 * Shared by the per-database introspection queries: how they run SQL (through the driver's own
 * read path, so introspection gets the same read-only transaction, timeout and pool as any read)
 * and small helpers to fold catalog rows into SchemaInfo.
 */
import type { SchemaColumn, SchemaForeignKey, SchemaTable } from "@/server/datasources/drivers/types";

/** Runs one read-only catalog query and returns its rows. */
export type IntrospectionQuery = (sql: string, values?: unknown[]) => Promise<Record<string, unknown>[]>;

export function str(value: unknown): string {
  return value === null || value === undefined ? "" : String(value);
}

export function strOrNull(value: unknown): string | null {
  return value === null || value === undefined ? null : String(value);
}

export function truthy(value: unknown): boolean {
  return value === true || value === 1 || value === "1" || value === "YES" || value === "t";
}

function tableKey(schema: string | null, name: string): string {
  return JSON.stringify([schema, name]);
}

/** Collects tables in catalog order, then attaches columns, keys and foreign keys by name. */
export class SchemaBuilder {
  private readonly tables = new Map<string, SchemaTable>();

  addTable(schema: string | null, name: string, kind: SchemaTable["kind"]): void {
    const key = tableKey(schema, name);
    if (!this.tables.has(key)) this.tables.set(key, { schema, name, kind, columns: [], primaryKey: [], foreignKeys: [] });
  }

  addColumn(schema: string | null, table: string, column: Omit<SchemaColumn, "isPrimaryKey">): void {
    this.tables.get(tableKey(schema, table))?.columns.push({ ...column, isPrimaryKey: false });
  }

  setPrimaryKey(schema: string | null, table: string, columns: string[]): void {
    const found = this.tables.get(tableKey(schema, table));
    if (!found) return;
    found.primaryKey = columns;
    for (const column of found.columns) column.isPrimaryKey = columns.includes(column.name);
  }

  addForeignKey(schema: string | null, table: string, foreignKey: SchemaForeignKey): void {
    this.tables.get(tableKey(schema, table))?.foreignKeys.push(foreignKey);
  }

  primaryKeyOf(schema: string | null, table: string): string[] {
    return this.tables.get(tableKey(schema, table))?.primaryKey ?? [];
  }

  build(): { tables: SchemaTable[] } {
    return { tables: [...this.tables.values()] };
  }
}

/** Groups rows by a key, keeping first-seen order (catalog queries sort within a group). */
export function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = groups.get(k);
    if (list) list.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}
