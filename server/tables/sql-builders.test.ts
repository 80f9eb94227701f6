import { beforeAll, describe, expect, it } from "vitest";
import { guardSql, initGuard } from "@/server/sql/guard";
import type { Dialect } from "@/lib/sql/dialects";
import { buildCountQuery, buildDelete, buildInsert, buildKeyedUpdate, buildOptimisticUpdate, buildPageQuery, buildSelectByKeys, isMysqlTextType, nextDay, quoteIdent, seekOrder, UnknownColumnError } from "@/server/tables/sql-builders";

beforeAll(async () => {
  await initGuard();
});

const DIALECTS: Dialect[] = ["postgres", "mysql", "sqlite"];
const policy = { read: ["*"], write: ["*"] };
const columns = new Set(["id", "status", "total_cents", "placed_at", 'odd"name']);
const table = { schema: "public", name: "orders" };

describe("quoteIdent", () => {
  it("doubles the quote character so a name can never end the identifier", () => {
    expect(quoteIdent("postgres", 'a"; DROP TABLE x; --')).toBe('"a""; DROP TABLE x; --"');
    expect(quoteIdent("mysql", "a`b")).toBe("`a``b`");
  });
});

describe("buildPageQuery", () => {
  it("pushes sort, filters and paging down with every value as a template", () => {
    const built = buildPageQuery({
      dialect: "postgres",
      source: { table },
      columns,
      view: {
        sort: [{ id: "total_cents", desc: true }],
        filters: [
          { id: "status", value: { kind: "oneOf", values: ["paid", "shipped"] } },
          { id: "total_cents", value: { kind: "range", min: 100, max: 5000 } },
          { id: 'odd"name', value: { kind: "contains", text: "50%_off!" } },
          { id: "placed_at", value: { kind: "dateRange", from: "2026-01-01", to: "2026-01-31" } },
        ],
      },
      tieBreaker: ["id"],
      offset: 200,
      limit: 100,
    });
    expect(built.sql).toBe(
      'SELECT * FROM "public"."orders" WHERE CAST("status" AS TEXT) = ANY({{ #0 }}) AND "total_cents" >= {{ #1 }} AND "total_cents" <= {{ #2 }} AND CAST("odd""name" AS TEXT) ILIKE {{ #3 }} ESCAPE \'!\' AND CAST("placed_at" AS TEXT) >= {{ #4 }} AND CAST("placed_at" AS TEXT) < {{ #5 }} ORDER BY "total_cents" DESC, "id" ASC LIMIT {{ #6 }} OFFSET {{ #7 }}',
    );
    expect(built.params).toEqual({ "#0": ["paid", "shipped"], "#1": 100, "#2": 5000, "#3": "%50!%!_off!!%", "#4": "2026-01-01", "#5": "2026-02-01", "#6": 100, "#7": 200 });
  });

  it("refuses a column that is not in the view", () => {
    expect(() => buildPageQuery({ dialect: "sqlite", source: { table }, columns, view: { sort: [{ id: "nope", desc: false }], filters: [] }, tieBreaker: [], offset: 0, limit: 1 })).toThrow(UnknownColumnError);
  });

  it("casts fractional range bounds to NUMERIC on PostgreSQL (an integer column would refuse 2.5), whole ones stay bare", () => {
    const view = { sort: [], filters: [{ id: "total_cents", value: { kind: "range" as const, min: 2.5, max: 10 } }] };
    const built = buildPageQuery({ dialect: "postgres", source: { table }, columns, view, tieBreaker: [], offset: 0, limit: 1 });
    expect(built.sql).toContain('"total_cents" >= CAST({{ #0 }} AS NUMERIC) AND "total_cents" <= {{ #1 }}');
    expect(guardSql({ sql: built.sql, dialect: "postgres", mode: "read", params: built.params, policy }).ok).toBe(true);
    expect(buildPageQuery({ dialect: "mysql", source: { table }, columns, view, tieBreaker: [], offset: 0, limit: 1 }).sql).toContain("`total_cents` >= {{ #0 }}");
  });

  it.each(DIALECTS)("wraps a builder query and passes the guard on %s", (dialect) => {
    const built = buildPageQuery({
      dialect,
      source: { sql: "select id, status from orders where status <> {{ excluded }};", params: { excluded: "cancelled" } },
      columns,
      view: { sort: [{ id: "status", desc: false }], filters: [{ id: "status", value: { kind: "contains", text: "pai" } }] },
      tieBreaker: ["id"],
      offset: 0,
      limit: 50,
    });
    const guarded = guardSql({ sql: built.sql, dialect, mode: "read", params: built.params, policy });
    expect(guarded.ok ? guarded.values : guarded.error).toEqual(["cancelled", "%pai%", 50, 0]);
  });
});

describe("buildPageQuery in key order: seek and keyset", () => {
  const paid = { id: "status", value: { kind: "oneOf" as const, values: ["paid"] } };
  const keyed = (dialect: Dialect, view: { sort?: { id: string; desc: boolean }[]; filters?: (typeof paid)[] }, window: { offset: number; after?: number; total?: number }) =>
    buildPageQuery({ dialect, source: { table: { schema: dialect === "postgres" ? "public" : null, name: "orders" } }, columns, view: { sort: view.sort ?? [], filters: view.filters ?? [] }, tieBreaker: ["id"], seekKey: "id", limit: 500, ...window });

  it("seeks deep pages by skipping on the key alone, then fetching only the window's rows by key", () => {
    const built = keyed("postgres", { filters: [paid] }, { offset: 999_500 });
    expect(built.method).toBe("seek");
    expect(built.sql).toBe(
      'SELECT "rowcraft_t".* FROM "public"."orders" AS "rowcraft_t" JOIN (SELECT "id" FROM "public"."orders" WHERE CAST("status" AS TEXT) = ANY({{ #0 }}) ORDER BY "id" ASC LIMIT {{ #1 }} OFFSET {{ #2 }}) AS "rowcraft_k" ON "rowcraft_t"."id" = "rowcraft_k"."id" ORDER BY "rowcraft_t"."id" ASC',
    );
    expect(built.params).toEqual({ "#0": ["paid"], "#1": 500, "#2": 999_500 });
  });

  it("seeks in descending key order too, with each dialect's quoting", () => {
    const built = keyed("mysql", { sort: [{ id: "id", desc: true }] }, { offset: 1_000 });
    expect(built.sql).toBe("SELECT `rowcraft_t`.* FROM `orders` AS `rowcraft_t` JOIN (SELECT `id` FROM `orders` ORDER BY `id` DESC LIMIT {{ #0 }} OFFSET {{ #1 }}) AS `rowcraft_k` ON `rowcraft_t`.`id` = `rowcraft_k`.`id` ORDER BY `rowcraft_t`.`id` DESC");
  });

  it("finds a page past the middle of a counted view from the end: the index read backwards", () => {
    const built = keyed("postgres", { filters: [paid] }, { offset: 999_500, total: 1_000_000 });
    expect(built.method).toBe("seek from the end");
    expect(built.sql).toBe(
      'SELECT "rowcraft_t".* FROM "public"."orders" AS "rowcraft_t" JOIN (SELECT "id" FROM "public"."orders" WHERE CAST("status" AS TEXT) = ANY({{ #0 }}) ORDER BY "id" DESC LIMIT {{ #1 }} OFFSET {{ #2 }}) AS "rowcraft_k" ON "rowcraft_t"."id" = "rowcraft_k"."id" ORDER BY "rowcraft_t"."id" ASC',
    );
    expect(built.params).toEqual({ "#0": ["paid"], "#1": 500, "#2": 0 });
    // The last, partial page takes only the rows that are left; a descending view reads the index forwards.
    expect(keyed("postgres", {}, { offset: 999_800, total: 1_000_000 }).params).toEqual({ "#0": 200, "#1": 0 });
    expect(keyed("mysql", { sort: [{ id: "id", desc: true }] }, { offset: 700_000, total: 1_000_000 }).sql).toContain("ORDER BY `id` ASC LIMIT {{ #0 }} OFFSET {{ #1 }}) AS `rowcraft_k`");
    expect(keyed("postgres", {}, { offset: 400_000, total: 1_000_000 }).method).toBe("seek");
  });

  it("continues after the previous page's last key (keyset), > ascending and < descending", () => {
    const up = keyed("sqlite", { filters: [paid] }, { offset: 500, after: 1_234 });
    expect(up).toEqual({ sql: 'SELECT * FROM "orders" WHERE "status" IN ({{ #0 }}) AND "id" > {{ #1 }} ORDER BY "id" ASC LIMIT {{ #2 }}', params: { "#0": "paid", "#1": 1_234, "#2": 500 }, method: "keyset" });
    expect(keyed("sqlite", { sort: [{ id: "id", desc: true }] }, { offset: 500, after: 1_234 }).sql).toBe('SELECT * FROM "orders" WHERE "id" < {{ #0 }} ORDER BY "id" DESC LIMIT {{ #1 }}');
  });

  it("reads the first page with a plain LIMIT, and keeps LIMIT/OFFSET for any other order", () => {
    expect(keyed("postgres", {}, { offset: 0 })).toMatchObject({ method: "offset", sql: 'SELECT * FROM "public"."orders" ORDER BY "id" ASC LIMIT {{ #0 }} OFFSET {{ #1 }}' });
    for (const sort of [[{ id: "status", desc: false }], [{ id: "id", desc: false }, { id: "status", desc: false }], [{ id: "status", desc: true }, { id: "id", desc: false }]]) {
      expect(keyed("postgres", { sort }, { offset: 5_000, after: 7 }).method, JSON.stringify(sort)).toBe("offset");
    }
  });

  it("seeks only on a seek key that leads the order, and only for a table", () => {
    const base = { dialect: "postgres" as const, source: { table }, columns, view: { sort: [], filters: [] }, tieBreaker: ["id"] };
    expect(seekOrder({ ...base, seekKey: "id" })).toEqual({ column: "id", desc: false });
    expect(seekOrder(base)).toBeNull();
    expect(seekOrder({ ...base, seekKey: "id", tieBreaker: [] })).toBeNull();
    expect(seekOrder({ ...base, seekKey: "id", source: { sql: "select * from orders", params: {} } })).toBeNull();
    expect(seekOrder({ ...base, seekKey: "id", view: { sort: [{ id: "id", desc: true }], filters: [] } })).toEqual({ column: "id", desc: true });
  });

  it.each(DIALECTS)("seek and keyset pages pass the guard with every value bound on %s", (dialect) => {
    const seek = keyed(dialect, { filters: [paid] }, { offset: 10_000 });
    const guardedSeek = guardSql({ sql: seek.sql, dialect, mode: "read", params: seek.params, policy });
    expect(guardedSeek.ok ? guardedSeek.values : guardedSeek.error).toEqual([dialect === "postgres" ? ["paid"] : "paid", 500, 10_000]);
    const keyset = keyed(dialect, { sort: [{ id: "id", desc: true }] }, { offset: 500, after: 42 });
    const guardedKeyset = guardSql({ sql: keyset.sql, dialect, mode: "read", params: keyset.params, policy });
    expect(guardedKeyset.ok ? guardedKeyset.values : guardedKeyset.error).toEqual([42, 500]);
    // The inner query reads the same table: a policy that cannot read it refuses the whole page.
    expect(guardSql({ sql: seek.sql, dialect, mode: "read", params: seek.params, policy: { read: ["customers"], write: [] } }).ok).toBe(false);
  });
});

describe("buildCountQuery", () => {
  it.each(DIALECTS)("counts the filtered rows and passes the guard on %s", (dialect) => {
    const built = buildCountQuery({ dialect, source: { table: { schema: null, name: "orders" } }, columns, view: { sort: [{ id: "id", desc: true }], filters: [{ id: "status", value: { kind: "oneOf", values: ["paid"] } }] }, tieBreaker: ["id"] });
    expect(built.sql).not.toContain("ORDER BY");
    const guarded = guardSql({ sql: built.sql, dialect, mode: "read", params: built.params, policy });
    expect(guarded.ok).toBe(true);
  });
});

describe("write builders", () => {
  it("makes an optimistic update that also requires the values that were read", () => {
    const built = buildOptimisticUpdate("sqlite", { schema: null, name: "orders" }, { key: { id: 7 }, changes: { status: { before: "paid", after: "shipped" }, notes: { before: null, after: "call" } } });
    expect(built.sql).toBe('UPDATE "orders" SET "status" = {{ #0 }}, "notes" = {{ #1 }} WHERE "id" = {{ #2 }} AND "status" IS NOT DISTINCT FROM {{ #3 }} COLLATE BINARY AND "notes" IS NOT DISTINCT FROM {{ #4 }} COLLATE BINARY');
    expect(built.params).toEqual({ "#0": "shipped", "#1": "call", "#2": 7, "#3": "paid", "#4": null });
  });

  it("uses MySQL's null-safe <=>, byte for byte (through utf8mb4) for text columns", () => {
    expect(buildOptimisticUpdate("mysql", table, { key: { id: 1 }, changes: { notes: { before: null, after: "x" } } }).sql).toContain("`notes` <=> {{ #2 }}");
    const text = buildOptimisticUpdate("mysql", table, { key: { id: 1 }, changes: { notes: { before: "a", after: "b" }, total_cents: { before: 1, after: 2 } } }, new Set(["notes"]));
    expect(text.sql).toContain("CAST(CONVERT(`notes` USING utf8mb4) AS BINARY) <=> CAST({{ #3 }} AS BINARY) AND `total_cents` <=> {{ #4 }}");
    const guarded = guardSql({ sql: text.sql, dialect: "mysql", mode: "write", params: text.params, policy });
    expect(guarded.ok ? guarded.values : guarded.error).toEqual(["b", 2, 1, "a", 1]);
  });

  it("tells MySQL text column types from the others", () => {
    for (const type of ["varchar(200)", "char(3)", "text", "tinytext", "mediumtext", "longtext", "enum('a','b')", "set('x')"]) expect(isMysqlTextType(type), type).toBe(true);
    for (const type of ["int(11)", "decimal(10,2)", "varbinary(16)", "blob", "json", "datetime", "binary(4)"]) expect(isMysqlTextType(type), type).toBe(false);
  });

  it("inserts a row of defaults with each dialect's syntax", () => {
    expect(buildInsert("mysql", table, {}).sql).toBe("INSERT INTO `orders` () VALUES ()");
    expect(buildInsert("sqlite", table, {}).sql).toBe('INSERT INTO "orders" DEFAULT VALUES');
    expect(buildInsert("postgres", table, {}).sql).toBe('INSERT INTO "public"."orders" DEFAULT VALUES');
  });

  it.each(DIALECTS)("every write statement passes the guard in write mode on %s, and only when the table is writable", (dialect) => {
    const target = { schema: dialect === "postgres" ? "public" : null, name: "orders" };
    const statements = [
      buildOptimisticUpdate(dialect, target, { key: { id: 1 }, changes: { status: { before: "a", after: "b" } } }),
      buildInsert(dialect, target, { status: "paid", total_cents: 100 }),
      buildInsert(dialect, target, {}),
      buildKeyedUpdate(dialect, target, { id: 2 }, { status: "x" }),
      buildDelete(dialect, target, { id: 3 }),
    ];
    for (const statement of statements) {
      expect(guardSql({ sql: statement.sql, dialect, mode: "write", params: statement.params, policy }).ok).toBe(true);
      const refused = guardSql({ sql: statement.sql, dialect, mode: "write", params: statement.params, policy: { read: ["*"], write: [] } });
      expect(refused.ok ? "ok" : refused.error.code).toBe("table_not_writable");
    }
    const select = buildSelectByKeys(dialect, target, ["id"], [{ id: 1 }, { id: 2 }]);
    expect(guardSql({ sql: select.sql, dialect, mode: "read", params: select.params, policy }).ok).toBe(true);
  });
});

describe("nextDay", () => {
  it("crosses months and years", () => {
    expect(nextDay("2026-01-31")).toBe("2026-02-01");
    expect(nextDay("2025-12-31")).toBe("2026-01-01");
  });
});
