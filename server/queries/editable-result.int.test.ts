/**
 * `queries.run` says when a read's rows can be edited in place (`editable`), through the real
 * router as a builder on real PostgreSQL, MariaDB and an SQLite file (fixture:
 * server/tables/table-test-support.ts): plain and renamed columns, `*` and `t.*` expanded from the
 * schema, composite keys, repeated names lined up by position; null for joins, missing keys,
 * views, tables the policy does not let be written and read-only sources. An edit saved through
 * `tables.save` with the descriptor's output → source mapping lands in the right column.
 */
import { describe, expect, it } from "vitest";
import type { QueryEditable, QueryResult } from "@/lib/schemas/queries";
import { createEditorFixture, KINDS, save, tableRef, type SourceKind } from "@/server/tables/table-test-support";
import { runAs, fixturesPerKind } from "./query-test-support";

const suite = fixturesPerKind(createEditorFixture);
const fixture = suite.fixture;

function success(result: QueryResult) {
  if (!result.ok) throw new Error(`query failed: ${JSON.stringify(result.error)}`);
  return result;
}

async function run(kind: SourceKind, sql: string, datasourceId = fixture(kind).editorId) {
  return success(await runAs(suite.meta, { datasourceId, sql }));
}

async function editableOf(kind: SourceKind, sql: string): Promise<QueryEditable | null> {
  return (await run(kind, sql)).editable ?? null;
}

const same = (...names: string[]) => names.map((name) => ({ output: name, source: name }));
const ITEM_COLUMNS = ["name", "status", "qty", "price", "created_on", "note"];

describe.each(KINDS)("%s: editable query results", (kind) => {
  const items = () => tableRef(kind, "items", fixture(kind));
  const display = (name: string) => (kind === "postgres" ? `public.${name}` : name);

  it("maps plain and renamed columns, with WHERE, ORDER BY and LIMIT", async () => {
    const result = await run(kind, "SELECT id, name AS title, note FROM items WHERE id <= 3 ORDER BY id DESC LIMIT 2");
    expect(result.rows.map((row) => row.title)).toEqual(["item 3", "item 2"]);
    expect(result.editable).toEqual({
      table: items(),
      display: display("items"),
      primaryKey: ["id"],
      key: same("id"),
      columns: [{ output: "title", source: "name" }, ...same("note")],
    });
  });

  it("expands * and t.* from the schema; expressions stay read-only", async () => {
    expect(await editableOf(kind, "SELECT * FROM items")).toMatchObject({ key: same("id"), columns: same(...ITEM_COLUMNS) });
    expect(await editableOf(kind, "SELECT i.*, upper(i.name) AS shout, i.qty * 2 AS twice FROM items i")).toMatchObject({ key: same("id"), columns: same(...ITEM_COLUMNS) });
  });

  it("lines repeated names up by position, as the driver renamed them", async () => {
    const result = await run(kind, "SELECT *, upper(name) AS id FROM items WHERE id = 1");
    expect(result.columns.map((column) => column.name)).toEqual(["id", ...ITEM_COLUMNS, "id_2"]);
    expect(result.editable).toMatchObject({ key: same("id"), columns: same(...ITEM_COLUMNS) });
    expect(await editableOf(kind, "SELECT note AS id, id AS note FROM items")).toMatchObject({ key: [{ output: "note", source: "id" }], columns: [{ output: "id", source: "note" }] });
  });

  it("leaves a column shown twice read-only", async () => {
    expect(await editableOf(kind, "SELECT id, name, name AS again, note FROM items")).toMatchObject({ columns: same("note") });
  });

  it("matches names the way the database does", async () => {
    const result = await run(kind, "SELECT ID, Note FROM items");
    expect(result.editable).toMatchObject({ key: [{ output: result.columns[0]?.name, source: "id" }], columns: [{ output: result.columns[1]?.name, source: "note" }] });
  });

  it("addresses composite keys in key order", async () => {
    expect(await editableOf(kind, "SELECT line, order_id, qty AS amount FROM order_lines")).toEqual({
      table: tableRef(kind, "order_lines", fixture(kind)),
      display: display("order_lines"),
      primaryKey: ["order_id", "line"],
      key: same("order_id", "line"),
      columns: [{ output: "amount", source: "qty" }],
    });
    expect(await editableOf(kind, "SELECT line, qty FROM order_lines")).toBeNull();
  });

  it.each([
    ["the primary key is missing", "SELECT name, note FROM items"],
    ["only the key and expressions are shown", "SELECT id, upper(name) AS shout FROM items"],
    ["a join", "SELECT i.id, i.name FROM items i JOIN order_lines l ON l.order_id = i.id"],
    ["a subquery in FROM", "SELECT id, name FROM (SELECT id, name FROM items) AS s"],
    ["GROUP BY", "SELECT id, name FROM items GROUP BY id, name"],
    ["DISTINCT", "SELECT DISTINCT id, name FROM items"],
    ["a window function", "SELECT id, name, (SELECT 1) AS one, count(*) OVER () AS n FROM items"],
    ["aggregates named like the columns", "SELECT max(id) AS id, max(name) AS name FROM items"],
    ["a CTE", "WITH i AS (SELECT * FROM items) SELECT id, name FROM i"],
    ["UNION", "SELECT id, name FROM items UNION ALL SELECT id, name FROM items"],
    ["a view (never writable)", "SELECT id, name FROM cheap_items"],
    ["a table the policy only lets be read", "SELECT id, v FROM ledger"],
    ["a table without a primary key", "SELECT a, b FROM keyless"],
  ])("is null when %s", async (_name, sql) => {
    expect(await editableOf(kind, sql)).toBeNull();
  });

  it("is null on a read-only source", async () => {
    expect((await run(kind, "SELECT id, name FROM items", fixture(kind).editorReadOnlyId)).editable).toBeNull();
  });

  it("saves an edit of a renamed column into its source column through tables.save", async () => {
    const first = await run(kind, "SELECT id AS item, name AS title FROM items WHERE id = 30");
    const editable = first.editable;
    if (!editable) throw new Error("expected an editable result");
    const row = first.rows[0] ?? {};
    const source = (output: string) => editable.columns.find((column) => column.output === output)?.source ?? output;
    const key = Object.fromEntries(editable.key.map((column) => [column.source, row[column.output] as number]));
    const result = await save(suite.meta, { datasourceId: fixture(kind).editorId, table: editable.table, updates: [{ key, changes: { [source("title")]: { before: "item 30", after: "renamed in place" } } }] });
    expect(result).toEqual({ ok: true, updated: 1, inserted: 0, deleted: 0 });
    expect((await run(kind, "SELECT id AS item, name AS title FROM items WHERE id = 30")).rows).toEqual([{ item: 30, title: "renamed in place" }]);
  });

  it("refreshes a cached schema that predates a new column", async () => {
    await run(kind, "SELECT * FROM items"); // the schema is cached now
    await fixture(kind).raw.exec("ALTER TABLE items ADD COLUMN extra VARCHAR(20)");
    const result = await run(kind, "SELECT * FROM items WHERE id = 1");
    // SQLite's worker may still report the old columns once (it names them before the first step);
    // either way the descriptor covers exactly the result's non-key columns.
    if (kind !== "sqlite") expect(result.columns.map((column) => column.name)).toEqual(["id", ...ITEM_COLUMNS, "extra"]);
    expect(result.editable).toMatchObject({ columns: same(...result.columns.map((column) => column.name).filter((name) => name !== "id")) });
  });
});
