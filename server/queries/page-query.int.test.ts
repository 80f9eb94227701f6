/**
 * Server paging of a builder's read query on real PostgreSQL, MariaDB and SQLite: the query is
 * wrapped with sort, filters, LIMIT/OFFSET and a count — and the wrapped text still goes
 * through the guard.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestMetadataDb, type TestMetadataDb } from "@/server/testing/metadata-db";
import { builder, createEditorFixture, errorCode, KINDS, type EditorFixture, type SourceKind } from "@/server/tables/table-test-support";

describe.each(KINDS)("queries.page on %s", (kind: SourceKind) => {
  let meta: TestMetadataDb;
  let fixture: EditorFixture;
  beforeAll(async () => {
    meta = await createTestMetadataDb();
    fixture = await createEditorFixture(meta, kind);
  });
  afterAll(async () => {
    await fixture.cleanup();
    await meta.cleanup();
  });

  const sql = "select id, name, status, qty from items where qty >= {{ minimum }} -- trailing comment";

  it("counts, sorts, filters and pages a query's result, with the query's own parameters bound", async () => {
    const caller = await builder(meta);
    const base = { datasourceId: fixture.editorId, sql, params: { minimum: 0 }, columns: ["id", "name", "status", "qty"] };
    const all = await caller.queries.page({ ...base, offset: 0, limit: 1000, withCount: true });
    expect(all.totalCount).toBe(all.rows.length);
    const paid = all.rows.filter((row) => row.status === "paid");
    expect(paid.length).toBeGreaterThan(2);
    const view = { sort: [{ id: "qty", desc: true }], filters: [{ id: "status", value: { kind: "oneOf" as const, values: ["paid"] } }] };
    const first = await caller.queries.page({ ...base, view, offset: 0, limit: 2, withCount: true });
    const second = await caller.queries.page({ ...base, view, offset: 2, limit: 2, withCount: false });
    expect(first.totalCount).toBe(paid.length);
    const prices = [...first.rows, ...second.rows].map((row) => Number(row.qty));
    expect(prices).toEqual([...prices].sort((a, b) => b - a));
    expect([...first.rows, ...second.rows].every((row) => row.status === "paid")).toBe(true);
    expect(second.totalCount).toBeNull();
  });

  it("refuses a write smuggled in as the query, and a sort on a column the result does not have", async () => {
    const caller = await builder(meta);
    const before = await fixture.editorSnapshot();
    expect(await errorCode(caller.queries.page({ datasourceId: fixture.editorId, sql: "delete from items where id > 0", columns: ["id"], offset: 0, limit: 10 }))).toBe("BAD_REQUEST");
    expect(await errorCode(caller.queries.page({ datasourceId: fixture.editorId, sql: "select id from items", columns: ["id"], view: { sort: [{ id: "secret", desc: false }], filters: [] }, offset: 0, limit: 10 }))).toBe("BAD_REQUEST");
    expect(await fixture.editorSnapshot()).toBe(before);
  });
});
