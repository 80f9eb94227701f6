/**
 * `tables.save` through the real router as a builder, on real PostgreSQL, MariaDB and an SQLite
 * file: staged edits, inserts and deletes saved in one transaction and audited; a row changed
 * meanwhile is a conflict that applies NOTHING and shows "theirs", until the user overwrites it
 * knowingly; refusals (not writable, primary-key or unknown columns) and database failures
 * change nothing; awkward values round-trip byte for byte.
 */
import { describe, expect, it } from "vitest";
import { fixturesPerKind } from "@/server/queries/query-test-support";
import { keyId, type SaveTableChangesResult } from "@/lib/schemas/tables";
import { DANGEROUS_VALUES } from "@/server/datasources/drivers/driver-test-support";
import { createTestMetadataDb } from "@/server/testing/metadata-db";
import { saveTableChanges } from "./save-table-changes";
import { browse, createEditorFixture, errorCode, itemRow, KINDS, save, tableRef, type SaveInput } from "./table-test-support";

const suite = fixturesPerKind(createEditorFixture);
const fixture = suite.fixture;

type Row = Record<string, unknown>;
type Edits = Record<string, unknown>;

function expectOk(result: SaveTableChangesResult) {
  if (!result.ok) throw new Error(`save failed: ${JSON.stringify(result)}`);
  return result;
}

async function auditSince(since: Date, targetId: string, action: string) {
  const events = await suite.meta.db.auditEvent.findMany({ where: { action, targetId, at: { gte: since } }, orderBy: { at: "asc" } });
  return events.map((event) => ({ actorEmail: event.actorEmail, outcome: event.outcome, detail: JSON.parse(event.detail) as Row }));
}

describe.each(KINDS)("%s: tables.save", (kind) => {
  const items = () => tableRef(kind, "items", fixture(kind));
  const source = () => fixture(kind).editorId;
  const rows = async (): Promise<Map<number, Row>> => new Map((await browse(suite.meta, source(), items())).rows.map((row) => [Number(row.id), row]));
  const rowOf = async (id: number): Promise<Row> => {
    const row = (await rows()).get(id);
    if (!row) throw new Error(`no item ${id}`);
    return row;
  };
  /** An update as the grid sends it: the key, and for each edited column the value read and the new one. */
  const edit = (row: Row, after: Edits) => ({ key: { id: row.id as number }, changes: Object.fromEntries(Object.entries(after).map(([column, value]) => [column, { before: row[column] as string | number | null, after: value as string | number | null }])) });
  const saveItems = (input: Omit<SaveInput, "datasourceId" | "table">) => save(suite.meta, { datasourceId: source(), table: items(), ...input });

  it("saves three edits in one transaction: persisted, and each audited with key, before and after", async () => {
    const read = await rows();
    const since = new Date();
    const result = await saveItems({ updates: [edit(read.get(1) as Row, { note: "edited 1" }), edit(read.get(2) as Row, { note: "edited 2", qty: 20 }), edit(read.get(3) as Row, { price: "9.99", status: "paid" })] });
    expect(result).toEqual({ ok: true, updated: 3, inserted: 0, deleted: 0 });
    const after = await rows();
    expect(after.get(1)).toMatchObject({ note: "edited 1", qty: 1 });
    expect(after.get(2)).toMatchObject({ note: "edited 2", qty: 20 });
    expect(after.get(3)).toMatchObject({ status: "paid", note: "none" });
    expect(Number(after.get(3)?.price)).toBe(9.99);
    const audited = await auditSince(since, source(), "table.update");
    expect(audited).toHaveLength(3);
    expect(audited[0]).toMatchObject({ actorEmail: "builder@acme.test", outcome: "ok", detail: { table: expect.stringContaining("items"), key: { id: 1 }, before: { note: "none" }, after: { note: "edited 1" } } });
    expect(audited[1]?.detail).toMatchObject({ key: { id: 2 }, before: { note: "none", qty: 2 }, after: { note: "edited 2", qty: 20 } });
    expect(audited[2]?.detail).toMatchObject({ key: { id: 3 }, before: { status: "shipped" }, after: { price: "9.99", status: "paid" } });
  });

  it("a row changed in the database meanwhile is a conflict: theirs comes back, NOTHING is applied; overwriting it knowingly applies all", async () => {
    const read = await rows();
    await fixture(kind).raw.exec("UPDATE items SET note = 'theirs', qty = 50 WHERE id = 5");
    const before = await fixture(kind).editorSnapshot();
    const since = new Date();
    const updates = [4, 5, 6].map((id) => edit(read.get(id) as Row, { note: `mine ${id}` }));
    const result = await saveItems({ updates });
    expect(result).toMatchObject({ ok: false, reason: "conflict", conflicts: [{ keyId: keyId({ id: 5 }), key: { id: 5 }, theirs: { id: 5, name: "item 5", note: "theirs", qty: 50 } }] });
    expect(await fixture(kind).editorSnapshot()).toBe(before);
    expect(await auditSince(since, source(), "table.update")).toEqual([]);
    expect((await auditSince(since, source(), "table.save"))[0]).toMatchObject({ outcome: "denied", detail: { reason: "conflict", keys: [{ id: 5 }] } });

    expect(await saveItems({ updates, overwrite: [keyId({ id: 5 })] })).toEqual({ ok: true, updated: 3, inserted: 0, deleted: 0 });
    const after = await rows();
    expect([4, 5, 6].map((id) => after.get(id)?.note)).toEqual(["mine 4", "mine 5", "mine 6"]);
    expect(after.get(5)?.qty).toBe(50); // their change to a column we did not edit stays
    expect((await auditSince(since, source(), "table.update")).find((event) => (event.detail.key as Row).id === 5)?.detail).toMatchObject({ overwrite: true });
  });

  it("audits the values the save replaced as read in its transaction, not the before the client claims", async () => {
    const row = await rowOf(9);
    const since = new Date();
    const claimed = { key: { id: 9 }, changes: { note: { before: "a made-up before", after: "overwritten" }, qty: { before: 12345, after: 9 } } };
    expectOk(await saveItems({ updates: [claimed], overwrite: [keyId({ id: 9 })] }));
    const audited = await auditSince(since, source(), "table.update");
    expect(audited[0]?.detail).toMatchObject({ key: { id: 9 }, before: { note: row.note, qty: row.qty }, after: { note: "overwritten", qty: 9 } });
  });

  it("a concurrent change to a column the user did not edit is not a conflict, and is kept", async () => {
    const row = await rowOf(8);
    await fixture(kind).raw.exec("UPDATE items SET status = 'theirs' WHERE id = 8");
    expectOk(await saveItems({ updates: [edit(row, { note: "mine" })] }));
    expect(await rowOf(8)).toMatchObject({ status: "theirs", note: "mine" });
  });

  it("detects changes a case-insensitive or padding-insensitive comparison would miss", async () => {
    for (const [id, theirs] of [
      [20, "ITEM 20"],
      [21, "item 21 "],
    ] as const) {
      const row = await rowOf(id);
      await fixture(kind).raw.exec(`UPDATE items SET name = '${theirs}' WHERE id = ${id}`);
      const result = await saveItems({ updates: [edit(row, { name: "mine" })] });
      expect(result).toMatchObject({ ok: false, reason: "conflict", conflicts: [{ key: { id }, theirs: { name: theirs } }] });
      expect((await rowOf(id)).name).toBe(theirs);
    }
  });

  it("a row deleted meanwhile is a conflict with no theirs, for edits and deletes alike", async () => {
    const row = await rowOf(7);
    await fixture(kind).raw.exec("DELETE FROM items WHERE id IN (7, 19)");
    const before = await fixture(kind).editorSnapshot();
    const result = await saveItems({ updates: [edit(row, { note: "too late" })], inserts: [{ id: 107, name: "never" }], deletes: [{ id: 19 }] });
    expect(result).toMatchObject({ ok: false, reason: "conflict", conflicts: [{ key: { id: 7 }, theirs: null }, { key: { id: 19 }, theirs: null }] });
    expect(await fixture(kind).editorSnapshot()).toBe(before);
  });

  it("inserts and deletes rows of a writable table, and audits them", async () => {
    const since = new Date();
    const result = await saveItems({ inserts: [{ id: 101, name: "new 101", status: "new", qty: 1 }, { id: 102, name: "new 102" }], deletes: [{ id: 30 }] });
    expect(result).toEqual({ ok: true, updated: 0, inserted: 2, deleted: 1 });
    const after = await rows();
    expect(after.get(101)).toMatchObject({ name: "new 101", status: "new", qty: 1, note: null });
    expect(after.get(102)).toMatchObject({ name: "new 102", qty: null });
    expect(after.has(30)).toBe(false);
    expect((await auditSince(since, source(), "table.insert")).map((event) => event.detail.after)).toEqual([{ id: 101, name: "new 101", status: "new", qty: 1 }, { id: 102, name: "new 102" }]);
    // A deleted row's values, as read in the saving transaction.
    expect((await auditSince(since, source(), "table.delete"))[0]?.detail).toMatchObject({ key: { id: 30 }, before: { id: 30, name: "item 30", note: "none" } });
  });

  it("edits rows of a table with a composite primary key, and overwrites by that key", async () => {
    const lines = tableRef(kind, "order_lines", fixture(kind));
    const key = { order_id: 1, line: 2 };
    await fixture(kind).raw.exec("UPDATE order_lines SET qty = 25 WHERE order_id = 1 AND line = 2");
    const update = { key: { line: 2, order_id: 1 }, changes: { qty: { before: 20, after: 21 } } };
    expect(await save(suite.meta, { datasourceId: source(), table: lines, updates: [update] })).toMatchObject({ ok: false, conflicts: [{ keyId: keyId(key), theirs: { qty: 25 } }] });
    expectOk(await save(suite.meta, { datasourceId: source(), table: lines, updates: [update], overwrite: [keyId(key)] }));
    const after = await browse(suite.meta, source(), lines);
    expect(after.rows.map((row) => row.qty)).toEqual([10, 21, 30]);
  });

  it("with a scope (an app table's query), saves only rows that query returns, checked before any write of the same transaction", async () => {
    const user = await suite.meta.db.user.findUniqueOrThrow({ where: { email: "operator@acme.test" } });
    const scope = { sql: "SELECT id AS item_id, note FROM items WHERE status = {{ wanted }} ORDER BY id LIMIT 50;", params: { wanted: "paid" }, keyOutputs: new Map([["id", "item_id"]]), label: "paidItems", audit: { widget: "paidItems" } };
    const saveScoped = (updates: SaveInput["updates"]) => saveTableChanges({ db: suite.meta.db, user: { ...user, role: "operator" }, input: { datasourceId: source(), table: items(), updates: updates ?? [], inserts: [], deletes: [], overwrite: [] }, scope });
    const [paid, shipped, alsoPaid] = [await rowOf(23), await rowOf(24), await rowOf(26)];
    expect([paid.status, shipped.status, alsoPaid.status]).toEqual(["paid", "shipped", "paid"]);
    const before = await fixture(kind).editorSnapshot();
    const refused = await errorCode(saveScoped([edit(paid, { note: "in view" }), edit(shipped, { note: "not in view" })]));
    expect(refused).toBe("FORBIDDEN");
    expect(await fixture(kind).editorSnapshot()).toBe(before);
    // A row the edit itself moves out of the view was in it when the save began: accepted.
    expectOk(await saveScoped([edit(paid, { note: "in view", status: "shipped" }), edit(alsoPaid, { note: "also in view" })]));
    expect(await rowOf(23)).toMatchObject({ note: "in view", status: "shipped" });
    const audited = await suite.meta.db.auditEvent.findFirst({ where: { action: "table.update", targetId: source(), detail: { contains: "also in view" } } });
    expect(JSON.parse(audited?.detail ?? "{}")).toMatchObject({ key: { id: 26 }, before: { note: "none" }, widget: "paidItems" });
    expect((await rowOf(26)).note).toBe("also in view");
  });

  it("refuses tables that are not writable (policy, no primary key, a view, a read-only source) with FORBIDDEN", async () => {
    const before = await fixture(kind).snapshot();
    const attempts: SaveInput[] = [
      { datasourceId: source(), table: tableRef(kind, "ledger", fixture(kind)), updates: [{ key: { id: 1 }, changes: { v: { before: "opening balance", after: "x" } } }] },
      { datasourceId: source(), table: tableRef(kind, "keyless", fixture(kind)), deletes: [{ a: 1 }] },
      { datasourceId: source(), table: tableRef(kind, "cheap_items", fixture(kind)), deletes: [{ id: 1 }] },
      { datasourceId: fixture(kind).editorReadOnlyId, table: items(), inserts: [{ id: 200, name: "nope" }] },
    ];
    for (const attempt of attempts) expect(await errorCode(save(suite.meta, attempt))).toBe("FORBIDDEN");
    expect(await fixture(kind).snapshot()).toBe(before);
  });

  it("refuses edits to the primary key, unknown columns, rows not addressed by their key, and a row edited twice with BAD_REQUEST", async () => {
    const row = await rowOf(9);
    const before = await fixture(kind).editorSnapshot();
    const attempts: Omit<SaveInput, "datasourceId" | "table">[] = [
      { updates: [{ key: { id: 9 }, changes: { id: { before: 9, after: 99 } } }] },
      { updates: [{ key: { id: 9 }, changes: { no_such_column: { before: null, after: "x" } } }] },
      { updates: [{ key: { id: 9 }, changes: {} }] },
      { inserts: [{ id: 300, name: "x", no_such_column: 1 }] },
      { updates: [{ key: { name: "item 9" }, changes: { note: { before: "none", after: "x" } } }] },
      { deletes: [{ id: 9, name: "item 9" }] },
      { updates: [edit(row, { note: "a" }), edit(row, { qty: 1 })] },
      { updates: [edit(row, { note: "a" })], deletes: [{ id: 9 }] },
    ];
    for (const attempt of attempts) expect(await errorCode(saveItems(attempt)), JSON.stringify(attempt)).toBe("BAD_REQUEST");
    expect(await fixture(kind).editorSnapshot()).toBe(before);
  });

  it("round-trips dangerous values byte for byte, and later edits compare them exactly", async () => {
    const ids = DANGEROUS_VALUES.map((_, i) => 10 + i);
    const read = await rows();
    expectOk(await saveItems({ updates: ids.map((id, i) => edit(read.get(id) as Row, { note: DANGEROUS_VALUES[i] ?? null })) }));
    const stored = await rows();
    expect(ids.map((id) => stored.get(id)?.note)).toEqual(DANGEROUS_VALUES);
    const raw = await fixture(kind).raw.rows(`SELECT note FROM items WHERE id BETWEEN ${ids[0]} AND ${ids.at(-1)} ORDER BY id`);
    expect(raw.map((r) => r[0])).toEqual(DANGEROUS_VALUES);
    // The stored values are now the "before" of optimistic updates: they must compare equal exactly.
    const again = DANGEROUS_VALUES.map((value) => (value === null ? "was null" : `${value} (2)`));
    expectOk(await saveItems({ updates: ids.map((id, i) => edit(stored.get(id) as Row, { note: again[i] ?? null })) }));
    const edited = await rows();
    expect(ids.map((id) => edited.get(id)?.note)).toEqual(again);
    expectOk(await saveItems({ inserts: DANGEROUS_VALUES.map((note, i) => ({ id: 400 + i, name: `dangerous ${i}`, note })) }));
    const inserted = await rows();
    expect(DANGEROUS_VALUES.map((_, i) => inserted.get(400 + i)?.note)).toEqual(DANGEROUS_VALUES);
  });

  it("a database error applies nothing and says so", async () => {
    const read = await rows();
    const before = await fixture(kind).editorSnapshot();
    const since = new Date();
    const result = await saveItems({ updates: [edit(read.get(17) as Row, { note: "lost" }), edit(read.get(18) as Row, { name: null })] });
    expect(result).toMatchObject({ ok: false, reason: "error", message: expect.stringMatching(/^Nothing was saved: .*null/i) });
    expect(await fixture(kind).editorSnapshot()).toBe(before);
    expect((await auditSince(since, source(), "table.save"))[0]).toMatchObject({ outcome: "error" });
  });
});

describe.each(KINDS)("%s: tables.save when the database is gone", (kind) => {
  it("reports an error that says nothing was saved", async () => {
    const downMeta = await createTestMetadataDb();
    const doomed = await createEditorFixture(downMeta, kind);
    try {
      const table = tableRef(kind, "items", doomed);
      const read = await browse(downMeta, doomed.editorId, table);
      const row = read.rows[0] ?? itemRow(1);
      await doomed.cleanup(); // drops the database, or deletes the SQLite file
      const result = await save(downMeta, { datasourceId: doomed.editorId, table, updates: [{ key: { id: 1 }, changes: { note: { before: row.note as string, after: "x" } } }] });
      expect(result).toMatchObject({ ok: false, reason: "error", message: expect.stringMatching(/^Nothing was saved: /) });
    } finally {
      await doomed.cleanup().catch(() => undefined);
      await downMeta.cleanup();
    }
  });
});
