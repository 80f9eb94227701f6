/**
 * `tables.list` and `tables.browse` through the real router as a builder, on real PostgreSQL,
 * MariaDB and an SQLite file: which tables the policy lets the editor open and edit, which
 * columns are editable, and sort, filters and paging pushed down to the database with a count.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { TableView } from "@/lib/schemas/table-view";
import { fixturesPerKind, saveSource } from "@/server/queries/query-test-support";
import { browse, builder, createEditorFixture, EDITOR_POLICY, errorCode, KINDS, tableRef } from "./table-test-support";

const suite = fixturesPerKind(createEditorFixture);
const fixture = suite.fixture;

const ids = (rows: Record<string, unknown>[]) => rows.map((row) => Number(row.id));

describe.each(KINDS)("%s: tables.list", (kind) => {
  it("lists the readable tables, writable only where the policy allows writing AND there is a primary key", async () => {
    const tables = await (await builder(suite.meta)).tables.list({ datasourceId: fixture(kind).editorId });
    const byName = Object.fromEntries(tables.map((table) => [table.name, { kind: table.kind, writable: table.writable, hasPrimaryKey: table.hasPrimaryKey }]));
    expect(byName).toEqual({
      items: { kind: "table", writable: true, hasPrimaryKey: true },
      order_lines: { kind: "table", writable: true, hasPrimaryKey: true },
      people: { kind: "table", writable: true, hasPrimaryKey: true },
      cheap_items: { kind: "view", writable: false, hasPrimaryKey: false },
      ledger: { kind: "table", writable: false, hasPrimaryKey: true },
      keyless: { kind: "table", writable: false, hasPrimaryKey: false },
    });
    expect(tables.map((table) => table.display)).toEqual([...tables.map((table) => table.display)].sort((a, b) => a.localeCompare(b)));
  });

  it("follows each source's own policy: another policy on the same database, and a read-only source", async () => {
    const caller = await builder(suite.meta);
    const other = await caller.tables.list({ datasourceId: fixture(kind).id });
    expect(Object.fromEntries(other.map((table) => [table.name, table.writable]))).toEqual({ people: true, notes: true, ledger: false, keyless: false });
    const readOnly = await caller.tables.list({ datasourceId: fixture(kind).editorReadOnlyId });
    expect(readOnly.map((table) => table.name).sort()).toEqual(["cheap_items", "items", "keyless", "ledger", "order_lines", "people"]);
    expect(readOnly.every((table) => !table.writable)).toBe(true);
  });
});

describe.each(KINDS)("%s: tables.browse", (kind) => {
  const items = () => tableRef(kind, "items", fixture(kind));
  const run = (view: Parameters<typeof browse>[3] = {}, window: Parameters<typeof browse>[4] = {}) => browse(suite.meta, fixture(kind).editorId, items(), view, window);

  it("returns the columns (primary key never editable, the others editable iff the table is writable) and every row", async () => {
    const result = await run();
    expect(result).toMatchObject({ writable: true, primaryKey: ["id"], offset: 0, totalCount: 30, clientLimit: 1_000 });
    expect(result.columns.map(({ name, isPrimaryKey, editable }) => ({ name, isPrimaryKey, editable }))).toEqual([
      { name: "id", isPrimaryKey: true, editable: false },
      ...["name", "status", "qty", "price", "created_on", "note"].map((name) => ({ name, isPrimaryKey: false, editable: true })),
    ]);
    expect(result.columns.find((column) => column.name === "name")).toMatchObject({ nullable: false });
    expect(result.columnTypes.map((column) => column.name)).toEqual(["id", "name", "status", "qty", "price", "created_on", "note"]);
    expect(ids(result.rows)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(result.rows[2]).toMatchObject({ id: 3, name: "item 3", status: "shipped", qty: 3, created_on: "2026-01-03", note: "none" });
    expect(Number(result.rows[2]?.price)).toBe(3.5);
  });

  it("marks nothing editable on a table the policy does not let be written, or on a read-only source", async () => {
    const ledger = await browse(suite.meta, fixture(kind).editorId, tableRef(kind, "ledger", fixture(kind)));
    expect(ledger.writable).toBe(false);
    expect(ledger.columns.every((column) => !column.editable)).toBe(true);
    const readOnly = await browse(suite.meta, fixture(kind).editorReadOnlyId, items());
    expect(readOnly.writable).toBe(false);
    expect(readOnly.columns.every((column) => !column.editable)).toBe(true);
  });

  it("sorts and pages with offset and limit, and counts every matching row", async () => {
    const page = await run({ sort: [{ id: "qty", desc: true }] }, { offset: 5, limit: 5 });
    expect(ids(page.rows)).toEqual([25, 24, 23, 22, 21]);
    expect(page).toMatchObject({ offset: 5, totalCount: 30 });
    const last = await run({ sort: [{ id: "qty", desc: true }] }, { offset: 28, limit: 5 });
    expect(ids(last.rows)).toEqual([2, 1]);
    // Ties on status are broken by the primary key, so pages never overlap.
    const byStatus = await run({ sort: [{ id: "status", desc: false }] }, { offset: 0, limit: 3 });
    expect(ids(byStatus.rows)).toEqual([1, 4, 7]);
  });

  it("filters with contains (case-insensitive, wildcards taken literally)", async () => {
    const found = await run({ filters: [{ id: "name", value: { kind: "contains", text: "ITEM 1" } }] });
    expect(ids(found.rows)).toEqual([1, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19]);
    expect(found.totalCount).toBe(11);
    expect((await run({ filters: [{ id: "name", value: { kind: "contains", text: "item%" } }] })).rows).toEqual([]);
    expect((await run({ filters: [{ id: "name", value: { kind: "contains", text: "_" } }] })).rows).toEqual([]);
  });

  it("filters with range (integers and decimals, either end open)", async () => {
    expect(ids((await run({ filters: [{ id: "qty", value: { kind: "range", min: 5, max: 8 } }] })).rows)).toEqual([5, 6, 7, 8]);
    expect(ids((await run({ filters: [{ id: "price", value: { kind: "range", min: 10, max: 12.5 } }] })).rows)).toEqual([10, 11, 12]);
    expect(ids((await run({ filters: [{ id: "qty", value: { kind: "range", min: 28 } }] })).rows)).toEqual([28, 29, 30]);
    expect(ids((await run({ filters: [{ id: "qty", value: { kind: "range", min: 2.5, max: 4.5 } }] })).rows)).toEqual([3, 4]);
  });

  it("filters with dateRange (whole days, inclusive) and oneOf", async () => {
    expect(ids((await run({ filters: [{ id: "created_on", value: { kind: "dateRange", from: "2026-01-03", to: "2026-01-05" } }] })).rows)).toEqual([3, 4, 5]);
    expect(ids((await run({ filters: [{ id: "created_on", value: { kind: "dateRange", from: "2026-01-29T00:00:00.000Z" } }] })).rows)).toEqual([29, 30]);
    const paid = await run({ filters: [{ id: "status", value: { kind: "oneOf", values: ["paid"] } }] });
    expect(ids(paid.rows)).toEqual([2, 5, 8, 11, 14, 17, 20, 23, 26, 29]);
    expect(paid.totalCount).toBe(10);
  });

  it("combines filters with a sort, and counts only the matching rows", async () => {
    const result = await run(
      {
        sort: [{ id: "name", desc: true }],
        filters: [
          { id: "status", value: { kind: "oneOf", values: ["new", "shipped"] } },
          { id: "qty", value: { kind: "range", max: 6 } },
        ],
      },
      { offset: 0, limit: 3 },
    );
    expect(ids(result.rows)).toEqual([6, 4, 3]);
    expect(result.totalCount).toBe(4);
  });

  it("pages a table with a composite primary key in key order", async () => {
    const lines = await browse(suite.meta, fixture(kind).editorId, tableRef(kind, "order_lines", fixture(kind)));
    expect(lines.primaryKey).toEqual(["order_id", "line"]);
    expect(lines.rows.map((row) => [row.order_id, row.line])).toEqual([
      [1, 1],
      [1, 2],
      [2, 1],
    ]);
  });

  it("refuses tables it must not show and columns that do not exist", async () => {
    expect(await errorCode(browse(suite.meta, fixture(kind).editorId, tableRef(kind, "secrets", fixture(kind))))).toBe("FORBIDDEN");
    expect(await errorCode(browse(suite.meta, fixture(kind).editorId, tableRef(kind, "notes", fixture(kind))))).toBe("FORBIDDEN");
    expect(await errorCode(browse(suite.meta, fixture(kind).editorId, tableRef(kind, "no_such_table", fixture(kind))))).toBe("NOT_FOUND");
    expect(await errorCode(run({ sort: [{ id: "nope", desc: false }] }))).toBe("BAD_REQUEST");
    expect(await errorCode(run({ filters: [{ id: "secret_column", value: { kind: "contains", text: "x" } }] }))).toBe("BAD_REQUEST");
  });
});

/**
 * Deep pages in key order seek on the primary key (and continue after the previous page's last
 * key when the client sends it): every page must be exactly the rows LIMIT/OFFSET returns, i.e.
 * the same slice of the whole view read from its start. `paged` has gaps in its keys (3i + i % 2),
 * so no position can be computed from a key.
 */
describe.each(KINDS)("%s: pages in key order seek on the primary key, identical to OFFSET pages", (kind) => {
  const TOTAL = 1_237;
  const LIMIT = 200;
  let sourceId = "";
  const pagedRows = () => tableRef(kind, "paged", fixture(kind));

  beforeAll(async () => {
    const { raw, connection } = fixture(kind);
    const rows = Array.from({ length: TOTAL }, (_, n) => {
      const i = n + 1;
      return `(${3 * i + (i % 2)}, '${["a", "b", "c", "d"][i % 4]}', ${i % 7 === 0 ? "NULL" : i % 10}, '${["k", "Q", "m"][i % 3]}-${String(i).padStart(5, "0")}')`;
    });
    await raw.exec("CREATE TABLE paged (id INT NOT NULL PRIMARY KEY, grp VARCHAR(10) NOT NULL, n INT, code VARCHAR(20) NOT NULL)");
    await raw.exec(`INSERT INTO paged (id, grp, n, code) VALUES ${rows.join(", ")}`);
    // The same rows keyed by text: a seek compares with the collation the ORDER BY sorts with.
    await raw.exec("CREATE TABLE paged_codes (code VARCHAR(20) NOT NULL PRIMARY KEY, grp VARCHAR(10) NOT NULL)");
    await raw.exec("INSERT INTO paged_codes (code, grp) SELECT code, grp FROM paged");
    sourceId = await saveSource(suite.meta, { name: `Paging ${kind}`, connection, policy: { ...EDITOR_POLICY, read: ["paged", "paged_codes", "items", "order_lines"], write: [], rowCap: 5_000 } });
  });

  const views: [string, Partial<TableView>][] = [
    ["no sort", {}],
    ["the key ascending", { sort: [{ id: "id", desc: false }] }],
    ["the key descending", { sort: [{ id: "id", desc: true }] }],
    ["filters", { filters: [{ id: "grp", value: { kind: "oneOf", values: ["a", "c", "d"] } }, { id: "n", value: { kind: "range", min: 2 } }] }],
    ["filters, the key descending", { sort: [{ id: "id", desc: true }], filters: [{ id: "code", value: { kind: "contains", text: "q-" } }] }],
  ];

  it.each(views)("seeks every page of %s, down to the last partial page and past the end", async (_, view) => {
    const whole = await browse(suite.meta, sourceId, pagedRows(), view, { offset: 0, limit: 5_000 });
    const total = whole.totalCount ?? 0;
    expect(whole.rows).toHaveLength(total);
    expect(total).toBeGreaterThan(2 * LIMIT);
    const offsets = [1, 199, LIMIT, 333, 2 * LIMIT, 3 * LIMIT + 7, total - LIMIT, total - 123, total - 1, total, total + 50];
    for (const offset of offsets) {
      const page = await browse(suite.meta, sourceId, pagedRows(), view, { offset, limit: LIMIT });
      expect(page.paging, `offset ${offset}`).toBe("seek");
      expect(page.rows, `offset ${offset}`).toEqual(whole.rows.slice(offset, offset + LIMIT));
    }
    expect((await browse(suite.meta, sourceId, pagedRows(), view, { offset: total - 123, limit: LIMIT })).rows).toHaveLength(123);
  });

  it.each(views)("finds pages past the middle from the end when the client sends its count (%s)", async (_, view) => {
    const whole = await browse(suite.meta, sourceId, pagedRows(), view, { offset: 0, limit: 5_000 });
    const total = whole.totalCount ?? 0;
    for (const offset of [Math.floor(total / 2) + 1, total - LIMIT - 1, total - LIMIT, total - 123, total - 1]) {
      const page = await browse(suite.meta, sourceId, pagedRows(), view, { offset, limit: LIMIT, knownTotal: total });
      expect(page.paging, `offset ${offset}`).toBe("seek from the end");
      expect(page.rows, `offset ${offset}`).toEqual(whole.rows.slice(offset, offset + LIMIT));
    }
    // Before the middle, and at or past the end, the count changes nothing.
    expect((await browse(suite.meta, sourceId, pagedRows(), view, { offset: 10, limit: LIMIT, knownTotal: total })).paging).toBe("seek");
    const past = await browse(suite.meta, sourceId, pagedRows(), view, { offset: total, limit: LIMIT, knownTotal: total });
    expect(past.rows).toEqual([]);
  });

  it.each(views)("continues after the previous page's last key (keyset) through every page of %s", async (_, view) => {
    const whole = await browse(suite.meta, sourceId, pagedRows(), view, { offset: 0, limit: 5_000 });
    let previous = await browse(suite.meta, sourceId, pagedRows(), view, { offset: 0, limit: LIMIT });
    expect(previous.paging).toBe("offset");
    for (let offset = LIMIT; offset < whole.rows.length + LIMIT; offset += LIMIT) {
      const afterKey = Number(previous.rows.at(-1)?.id);
      const page = await browse(suite.meta, sourceId, pagedRows(), view, { offset, limit: LIMIT, afterKey });
      expect(page.paging, `offset ${offset}`).toBe("keyset");
      expect(page.rows, `offset ${offset}`).toEqual(whole.rows.slice(offset, offset + LIMIT));
      previous = page;
    }
  });

  it("seeks on a text key, in the order the database sorts it", async () => {
    const codes = tableRef(kind, "paged_codes", fixture(kind));
    for (const view of [{}, { sort: [{ id: "code", desc: true }] }]) {
      const whole = await browse(suite.meta, sourceId, codes, view, { offset: 0, limit: 5_000 });
      for (const offset of [1, 617, TOTAL - 37]) {
        const page = await browse(suite.meta, sourceId, codes, view, { offset, limit: LIMIT });
        expect(page.paging).toBe("seek");
        expect(page.rows).toEqual(whole.rows.slice(offset, offset + LIMIT));
      }
    }
  });

  it("keeps LIMIT/OFFSET for any other order, a composite key, and (on SQLite) a key that may hold NULL", async () => {
    const bySort = await browse(suite.meta, sourceId, pagedRows(), { sort: [{ id: "grp", desc: false }] }, { offset: 300, limit: LIMIT, afterKey: 5 });
    expect(bySort.paging).toBe("offset");
    const whole = await browse(suite.meta, sourceId, pagedRows(), { sort: [{ id: "grp", desc: false }] }, { offset: 0, limit: 5_000 });
    expect(bySort.rows).toEqual(whole.rows.slice(300, 300 + LIMIT));
    expect((await browse(suite.meta, sourceId, tableRef(kind, "order_lines", fixture(kind)), {}, { offset: 1, limit: 1 })).paging).toBe("offset");
    // `id INT PRIMARY KEY`: NOT NULL on PostgreSQL and MySQL; on SQLite it could hold NULL.
    expect((await browse(suite.meta, sourceId, tableRef(kind, "items", fixture(kind)), {}, { offset: 1, limit: 1 })).paging).toBe(kind === "sqlite" ? "offset" : "seek");
  });
});
