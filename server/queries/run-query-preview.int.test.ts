/**
 * Write previews through `queries.run` on real PostgreSQL, MariaDB and SQLite: the count, the
 * "before" and "after" samples, and proof that nothing changed (a snapshot of every table taken
 * directly from the database before and after) and nothing was audited as a write.
 */
import { describe, expect, it } from "vitest";
import type { QueryResult, QueryRowSample } from "@/lib/schemas/queries";
import { createSourceFixture, KINDS, runAs, type SourceKind, fixturesPerKind } from "./query-test-support";

const suite = fixturesPerKind(createSourceFixture);
const fixture = suite.fixture;

/** Previews `sql` and checks that the database is exactly as before and no write was audited. */
async function preview(kind: SourceKind, sql: string, params: Record<string, string | number> = {}) {
  const f = fixture(kind);
  const before = await f.snapshot();
  const audited = await suite.meta.db.auditEvent.count({ where: { action: "query.write" } });
  const result = await runAs(suite.meta, { datasourceId: f.id, sql, mode: "write", params, preview: true });
  expect(await f.snapshot(), "a preview must not change anything").toBe(before);
  expect(await suite.meta.db.auditEvent.count({ where: { action: "query.write" } })).toBe(audited);
  return result;
}

function previewed(result: QueryResult) {
  if (!result.ok) throw new Error(`query failed: ${JSON.stringify(result.error)}`);
  if (!result.preview) throw new Error("no preview in the result");
  return { ...result, preview: result.preview };
}

/** Rows sorted by id (samples come in the database's order) and reduced to some columns. */
function rowsOf(sample: QueryRowSample | null, ...columns: string[]): Record<string, unknown>[] {
  if (!sample) return [];
  const pick = (row: Record<string, unknown>) => Object.fromEntries(columns.map((c) => [c, row[c]]));
  return [...sample.rows].sort((a, b) => Number(a[columns[0] ?? "id"]) - Number(b[columns[0] ?? "id"])).map(pick);
}

describe.each(KINDS)("%s: previewing writes", (kind) => {
  it("UPDATE: the count, the matched rows before, the same rows after", async () => {
    const result = previewed(await preview(kind, "UPDATE people SET note = {{ note }} WHERE id <= {{ max }}", { note: "preview", max: 3 }));
    expect(result).toMatchObject({ kind: "update", affectedRows: 3, rows: [], columns: [] });
    expect(result.preview.notes).toEqual([]);
    expect(rowsOf(result.preview.before, "id", "name", "note")).toEqual([1, 2, 3].map((id) => ({ id, name: `person ${id}`, note: "none" })));
    expect(rowsOf(result.preview.after, "id", "name", "note")).toEqual([1, 2, 3].map((id) => ({ id, name: `person ${id}`, note: "preview" })));
    expect(result.preview.before?.columns.map((c) => c.name)).toEqual(["id", "name", "note"]);
  });

  it("DELETE: the rows that would go; nothing after", async () => {
    const result = previewed(await preview(kind, "DELETE FROM people WHERE id > {{ min }}", { min: 47 }));
    expect(result).toMatchObject({ kind: "delete", affectedRows: 3 });
    expect(rowsOf(result.preview.before, "id")).toEqual([{ id: 48 }, { id: 49 }, { id: 50 }]);
    expect(result.preview.after).toBeNull();
  });

  it("INSERT: nothing before, the new row after (RETURNING where the server has it)", async () => {
    const result = previewed(await preview(kind, "INSERT INTO people (id, name, note) VALUES ({{ id }}, {{ name }}, {{ note }})", { id: 1000, name: "Zoë O'Brien", note: "new" }));
    expect(result).toMatchObject({ kind: "insert", affectedRows: 1, rows: [] });
    expect(result.preview.before).toBeNull();
    // MariaDB has INSERT … RETURNING from 10.5 (this machine runs 10.11); MySQL has none.
    expect(rowsOf(result.preview.after, "id", "name", "note")).toEqual([{ id: 1000, name: "Zoë O'Brien", note: "new" }]);
  });

  it("samples at most 20 rows of a larger change", async () => {
    const result = previewed(await preview(kind, "UPDATE people SET note = 'many' WHERE id <= {{ n }}", { n: 25 }));
    expect(result.affectedRows).toBe(25);
    expect(result.preview.before?.rows).toHaveLength(20);
    expect(result.preview.after?.rows).toHaveLength(20);
    expect(result.preview.after?.rows.every((row) => row.note === "many")).toBe(true);
  });

  it("a table without a primary key: after rows from RETURNING, or (MariaDB) a note saying why there are none", async () => {
    const result = previewed(await preview(kind, "UPDATE keyless SET b = {{ b }} WHERE a = {{ a }}", { b: "changed", a: 1 }));
    expect(result.affectedRows).toBe(2);
    expect(rowsOf(result.preview.before, "a", "b").map((row) => row.b).sort()).toEqual(["x", "y"]);
    if (kind === "mysql") {
      expect(result.preview.after).toBeNull();
      expect(result.preview.notes.join(" ")).toContain("has no primary key");
    } else {
      expect(rowsOf(result.preview.after, "a", "b")).toEqual([
        { a: 1, b: "changed" },
        { a: 1, b: "changed" },
      ]);
    }
  });

  it("a writable table the policy hides: the count only, no rows, and why", async () => {
    const result = previewed(await preview(kind, "UPDATE secrets SET v = {{ v }} WHERE id = {{ id }}", { v: "new secret", id: 1 }));
    expect(result.affectedRows).toBe(1);
    expect(result.preview).toMatchObject({ before: null, after: null });
    expect(result.preview.notes.join(" ")).toContain("is not readable under this data source's policy");
    expect(JSON.stringify(result)).not.toContain("hunter2");
  });

  it("a previewed write over the affected-rows limit fails like the real one", async () => {
    const result = await preview(kind, "DELETE FROM people WHERE id > {{ min }}", { min: 0 });
    expect(result).toMatchObject({ ok: false, error: { source: "database", code: "too_many_rows_affected" } });
  });

  it("the write's own RETURNING rows are the result (and for UPDATE the after sample)", async () => {
    if (kind === "mysql") {
      // MariaDB has DELETE … RETURNING but no UPDATE … RETURNING.
      const deleted = previewed(await preview(kind, "DELETE FROM people WHERE id = {{ id }} RETURNING id, note", { id: 7 }));
      expect(deleted.rows).toEqual([{ id: 7, note: "none" }]);
      expect(rowsOf(deleted.preview.before, "id", "note")).toEqual([{ id: 7, note: "none" }]);
      expect(deleted.preview.after).toBeNull();
      return;
    }
    const result = previewed(await preview(kind, "UPDATE people SET note = {{ note }} WHERE id = {{ id }} RETURNING id, note", { note: "returned", id: 7 }));
    expect(result.rows).toEqual([{ id: 7, note: "returned" }]);
    expect(result.preview.after?.rows).toEqual([{ id: 7, note: "returned" }]);
    expect(rowsOf(result.preview.before, "id", "note")).toEqual([{ id: 7, note: "none" }]);
  });

  it("a real write afterwards reports no preview and changes the data", async () => {
    const f = fixture(kind);
    const result = await runAs(suite.meta, { datasourceId: f.id, sql: "UPDATE people SET note = {{ note }} WHERE id = {{ id }}", mode: "write", params: { note: "kept", id: 9 } });
    expect(result).toMatchObject({ ok: true, affectedRows: 1, preview: null });
    expect(await f.raw.rows("SELECT note FROM people WHERE id = 9")).toEqual([["kept"]]);
    await f.raw.exec("UPDATE people SET note = 'none' WHERE id = 9");
  });
});
