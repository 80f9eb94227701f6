/**
 * Foreign-key actions through `queries.run` on real PostgreSQL, MariaDB and SQLite: a write whose
 * ON DELETE CASCADE / SET NULL reaches a table the policy does not let queries write is refused
 * (transitively, nothing changed, audited as denied), and a preview says which tables the write
 * also changes and, where the database can tell, how many of their rows.
 */
import { describe, expect, it } from "vitest";
import { DEFAULT_POLICY, type Policy } from "@/lib/schemas/datasources";
import { createSourceFixture, fixturesPerKind, KINDS, runAs, saveSource, type SourceFixture, type SourceKind } from "./query-test-support";
import type { TestMetadataDb } from "@/server/testing/metadata-db";
import { save, tableRef } from "@/server/tables/table-test-support";

const FK_SCHEMA = [
  "CREATE TABLE orders (id INT PRIMARY KEY, status VARCHAR(20))",
  "CREATE TABLE order_items (id INT PRIMARY KEY, order_id INT, sku VARCHAR(20), FOREIGN KEY (order_id) REFERENCES orders (id) ON DELETE CASCADE)",
  "CREATE TABLE item_notes (id INT PRIMARY KEY, item_id INT, note VARCHAR(20), FOREIGN KEY (item_id) REFERENCES order_items (id) ON DELETE SET NULL)",
  "CREATE TABLE shipments (id INT PRIMARY KEY, order_id INT, FOREIGN KEY (order_id) REFERENCES orders (id))",
  "INSERT INTO orders (id, status) VALUES (1, 'open'), (2, 'open'), (3, 'open')",
  "INSERT INTO order_items (id, order_id, sku) VALUES (1, 1, 'a'), (2, 1, 'b'), (3, 2, 'c')",
  "INSERT INTO item_notes (id, item_id, note) VALUES (1, 1, 'fragile')",
];

const policy = (write: string[]): Policy => ({ ...DEFAULT_POLICY, read: ["*"], write });

interface CascadeFixture extends SourceFixture {
  /** Writes only orders. */
  ordersOnly: string;
  /** Writes orders and order_items, not item_notes (reached by SET NULL). */
  withoutNotes: string;
  /** Writes every table a delete of orders reaches. */
  all: string;
}

async function createCascadeFixture(meta: TestMetadataDb, kind: SourceKind): Promise<CascadeFixture> {
  const base = await createSourceFixture(meta, kind);
  for (const sql of FK_SCHEMA) await base.raw.exec(sql);
  const save = (name: string, write: string[]) => saveSource(meta, { name: `${kind} ${name}`, connection: base.connection, policy: policy(write) });
  return {
    ...base,
    ordersOnly: await save("orders only", ["orders"]),
    withoutNotes: await save("orders and items", ["orders", "order_items"]),
    all: await save("all", ["orders", "order_items", "item_notes"]),
  };
}

const suite = fixturesPerKind(createCascadeFixture);

async function state(kind: SourceKind): Promise<string> {
  const raw = suite.fixture(kind).raw;
  const tables = await Promise.all(["orders", "order_items", "item_notes"].map((table) => raw.rows(`SELECT * FROM ${table} ORDER BY id`)));
  return JSON.stringify(tables, (_key, value: unknown) => (typeof value === "bigint" ? Number(value) : value));
}

const write = (datasourceId: string, sql: string, preview = false) => runAs(suite.meta, { datasourceId, sql, mode: "write", preview });

describe.each(KINDS)("%s: foreign-key actions", (kind) => {
  it("refuses a DELETE whose ON DELETE CASCADE reaches a table the policy does not let queries write, and changes nothing", async () => {
    const f = suite.fixture(kind);
    const before = await state(kind);
    const denied = await suite.meta.db.auditEvent.count({ where: { action: "query.write", outcome: "denied" } });
    for (const preview of [true, false]) {
      const result = await write(f.ordersOnly, "DELETE FROM orders WHERE id = 1", preview);
      expect(result).toMatchObject({ ok: false, error: { source: "guard", code: "table_not_writable" } });
      if (result.ok) return;
      expect(result.error.message).toContain("order_items");
      expect(result.error.message).toContain("ON DELETE CASCADE");
    }
    expect(await state(kind)).toBe(before);
    expect(await suite.meta.db.auditEvent.count({ where: { action: "query.write", outcome: "denied" } })).toBe(denied + 1);
  });

  it("follows actions transitively: SET NULL on item_notes, two tables away", async () => {
    const result = await write(suite.fixture(kind).withoutNotes, "DELETE FROM orders WHERE id = 1");
    expect(result).toMatchObject({ ok: false, error: { code: "table_not_writable" } });
    if (!result.ok) expect(result.error.message).toMatch(/item_notes.*ON DELETE SET NULL from (public\.)?order_items/);
  });

  it("lets writes through that set off no action on a non-writable table", async () => {
    const f = suite.fixture(kind);
    await expect(write(f.ordersOnly, "UPDATE orders SET status = 'packed' WHERE id = 3")).resolves.toMatchObject({ ok: true, affectedRows: 1 });
    await expect(write(f.ordersOnly, "INSERT INTO orders (id, status) VALUES (4, 'new')")).resolves.toMatchObject({ ok: true, affectedRows: 1 });
    // Deleting it again is refused although it has no items: the foreign key alone decides.
    await expect(write(f.ordersOnly, "DELETE FROM orders WHERE id = 4")).resolves.toMatchObject({ ok: false, error: { code: "table_not_writable" } });
  });

  it("previews say which tables the write also changes, and how many rows where the database tells", async () => {
    const f = suite.fixture(kind);
    const before = await state(kind);
    const result = await write(f.all, "DELETE FROM orders WHERE id = 1", true);
    expect(await state(kind)).toBe(before);
    if (!result.ok || !result.preview) throw new Error(JSON.stringify(result));
    const notes = result.preview.notes.join("\n");
    // PostgreSQL names tables with their schema, as the guard's messages do.
    const name = (table: string) => (kind === "postgres" ? `public.${table}` : table);
    expect(notes).toContain(`Foreign keys also delete rows of ${name("order_items")} (ON DELETE CASCADE from ${name("orders")})`);
    expect(notes).toContain(`Foreign keys also change rows of ${name("item_notes")} (ON DELETE SET NULL from ${name("order_items")})`);
    // shipments references orders without an action: a delete cannot change it.
    expect(notes).not.toContain("shipments");
    if (kind === "postgres") {
      expect(notes).toContain("public.order_items: 2 rows deleted or changed through foreign keys.");
      expect(notes).toContain("public.item_notes: 1 row deleted or changed through foreign keys.");
    } else if (kind === "sqlite") {
      expect(notes).toContain("The statement itself changes 1 row; 3 more rows of order_items, item_notes");
    } else {
      expect(notes).toMatch(/does not report how many rows of order_items, item_notes foreign keys changed/);
    }
  });

  it("the table editor's delete is refused the same way, and nothing is saved", async () => {
    const f = suite.fixture(kind);
    const before = await state(kind);
    const result = await save(suite.meta, { datasourceId: f.ordersOnly, table: tableRef(kind, "orders", f), deletes: [{ id: 2 }] });
    expect(result).toMatchObject({ ok: false, reason: "error" });
    if (!result.ok && result.reason === "error") expect(result.message).toMatch(/Nothing was saved: .*order_items.*ON DELETE CASCADE/);
    expect(await state(kind)).toBe(before);
  });

  it("runs the write when every table it reaches is writable (shipments, referenced without an action, is not)", async () => {
    const f = suite.fixture(kind);
    const result = await write(f.all, "DELETE FROM orders WHERE id = 1");
    expect(result).toMatchObject({ ok: true });
    expect(await f.raw.rows("SELECT id FROM order_items ORDER BY id")).toEqual([[3]]);
    expect(await f.raw.rows("SELECT item_id FROM item_notes")).toEqual([[null]]);
  });
});
