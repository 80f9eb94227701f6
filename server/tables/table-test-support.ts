/**
 * Fixture for the table editor's integration tests (imported only by *.int.test.ts): the query
 * fixture's databases (real PostgreSQL, MariaDB and an SQLite file, see
 * server/queries/query-test-support.ts) plus editor tables, registered once more as a source
 * whose policy makes some of them writable, and helpers to call `tables.*` as the builder.
 *
 * Tables: items (30 rows, PK, writable), order_lines (composite PK, writable), cheap_items (a view,
 * named in the write list but never writable), people (writable), ledger (readable only),
 * keyless (in the write list, no primary key), notes and secrets (not readable).
 */
import { createHash } from "node:crypto";
import { DEFAULT_POLICY, type Policy } from "@/lib/schemas/datasources";
import type { SaveTableChangesInput, TableRefInput } from "@/lib/schemas/tables";
import type { TableView } from "@/lib/schemas/table-view";
import { createSourceFixture, saveSource, type SourceFixture, type SourceKind } from "@/server/queries/query-test-support";
import { contextAs, type TestMetadataDb } from "@/server/testing/metadata-db";
import { createCaller } from "@/server/trpc/root";

export { KINDS, type SourceKind } from "@/server/queries/query-test-support";

export const EDITOR_POLICY: Policy = {
  ...DEFAULT_POLICY,
  read: ["items", "order_lines", "cheap_items", "people", "ledger", "keyless"],
  write: ["items", "order_lines", "cheap_items", "people", "keyless"],
  statementTimeoutMs: 5_000,
  rowCap: 1_000,
};

export const STATUSES = ["new", "paid", "shipped"] as const;

/** Item i (1-based): name "item i", status cycling new/paid/shipped, qty i, price i + 0.5, created 2026-01-i. */
export function itemRow(i: number): Record<string, unknown> {
  return { id: i, name: `item ${i}`, status: STATUSES[(i - 1) % 3], qty: i, price: `${i}.50`, created_on: `2026-01-${String(i).padStart(2, "0")}`, note: "none" };
}

function editorSchemaSql(): string[] {
  const items = Array.from({ length: 30 }, (_, n) => {
    const row = itemRow(n + 1);
    return `(${n + 1}, '${String(row.name)}', '${String(row.status)}', ${n + 1}, ${String(row.price)}, '${String(row.created_on)}', 'none')`;
  });
  return [
    "CREATE TABLE items (id INT PRIMARY KEY, name VARCHAR(200) NOT NULL, status VARCHAR(20), qty INT, price NUMERIC(10,2), created_on DATE, note TEXT)",
    `INSERT INTO items (id, name, status, qty, price, created_on, note) VALUES ${items.join(", ")}`,
    "CREATE TABLE order_lines (order_id INT NOT NULL, line INT NOT NULL, qty INT, PRIMARY KEY (order_id, line))",
    "INSERT INTO order_lines (order_id, line, qty) VALUES (1, 1, 10), (1, 2, 20), (2, 1, 30)",
    "CREATE VIEW cheap_items AS SELECT id, name, qty FROM items WHERE qty < 5",
  ];
}

export interface EditorFixture extends SourceFixture {
  /** The source registered with EDITOR_POLICY (the query fixture's own `id` uses its test policy). */
  editorId: string;
  /** The same database under EDITOR_POLICY with `readOnly: true`. */
  editorReadOnlyId: string;
  /** A hash of every row of items and order_lines, read directly from the database. */
  editorSnapshot(): Promise<string>;
}

export async function createEditorFixture(meta: TestMetadataDb, kind: SourceKind): Promise<EditorFixture> {
  const base = await createSourceFixture(meta, kind);
  for (const statement of editorSchemaSql()) await base.raw.exec(statement);
  const editorId = await saveSource(meta, { name: `Editor ${kind}`, connection: base.connection, policy: EDITOR_POLICY });
  const editorReadOnlyId = await saveSource(meta, { name: `Editor ${kind} (read-only)`, connection: base.connection, policy: { ...EDITOR_POLICY, readOnly: true } });
  return {
    ...base,
    editorId,
    editorReadOnlyId,
    editorSnapshot: async () => {
      const hash = createHash("sha256");
      for (const table of ["items", "order_lines"]) hash.update(table).update(JSON.stringify(await base.raw.rows(`SELECT * FROM ${table} ORDER BY 1, 2`)));
      return hash.digest("hex");
    },
  };
}

/** How each kind names a table in the editor API: MySQL tables carry their database as schema, PostgreSQL "public". */
export function tableRef(kind: SourceKind, name: string, fixture: { connection: SourceFixture["connection"] }): TableRefInput {
  if (kind === "postgres") return { schema: "public", name };
  if (kind === "mysql" && fixture.connection.kind === "mysql") return { schema: fixture.connection.database, name };
  return { schema: null, name };
}

export async function builder(meta: TestMetadataDb) {
  return createCaller(await contextAs(meta.db, "builder"));
}

export async function browse(
  meta: TestMetadataDb,
  datasourceId: string,
  table: TableRefInput,
  view: Partial<TableView> = {},
  window: { offset?: number; limit?: number; afterKey?: number; knownTotal?: number } = {},
) {
  const { offset = 0, limit = 1_000, ...hints } = window;
  return (await builder(meta)).tables.browse({ datasourceId, table, view: { sort: [], filters: [], ...view }, offset, limit, withCount: true, ...hints });
}

export type SaveInput = Pick<SaveTableChangesInput, "datasourceId" | "table"> & Partial<Omit<SaveTableChangesInput, "datasourceId" | "table">>;

export async function save(meta: TestMetadataDb, input: SaveInput) {
  return (await builder(meta)).tables.save({ updates: [], inserts: [], deletes: [], overwrite: [], ...input });
}

export { trpcCodeOf as errorCode } from "@/server/testing/trpc-errors";
