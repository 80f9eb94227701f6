// The guard's write-preview statements, per dialect: the exact "before" SELECT and RETURNING
// variant it builds from the user's text, the values it binds to them (re-bound from the same
// templates, numbered for the dialect), and the notes when a sample must be left out.
import { beforeAll, describe, expect, it } from "vitest";
import { guardSql, initGuard, type Dialect, type PreviewPlan, type TablePolicy } from "./guard";

beforeAll(async () => {
  await initGuard();
});

const WRITE_ALL: TablePolicy = { read: ["*"], write: ["*"] };
/** Each template binds its own expression upper-cased, so a value shows which template it came from. */
const params = (expression: string) => expression.toUpperCase();

function plan(dialect: Dialect, sql: string, policy: TablePolicy = WRITE_ALL): PreviewPlan {
  const result = guardSql({ sql, dialect, mode: "write", params, policy, preview: true });
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.error)}`);
  if (!result.preview) throw new Error("no preview plan");
  return result.preview;
}

describe("preview plans on PostgreSQL", () => {
  it("UPDATE: the WHERE becomes a SELECT with its own numbering; RETURNING * is appended to the write", () => {
    const p = plan("postgres", "UPDATE people SET note = {{ note }} WHERE id <= {{ max }} AND name <> {{ name }}");
    expect(p.before).toEqual({ sql: 'SELECT "people".* FROM "people" WHERE id <= $1 AND name <> $2 LIMIT 20', values: ["MAX", "NAME"] });
    expect(p.returning).toEqual({ sql: "UPDATE people SET note = $1 WHERE id <= $2 AND name <> $3 RETURNING *", values: ["NOTE", "MAX", "NAME"] });
    expect(p).toMatchObject({ kind: "update", sampleSize: 20, hasReturning: false, notes: [], target: { schema: null, name: "people", sql: '"people"' } });
  });

  it("keeps the WITH prefix, ONLY, the schema and the alias; FROM items become an EXISTS test; the user's RETURNING stays", () => {
    const p = plan(
      "postgres",
      "WITH ids AS (SELECT id FROM people WHERE name = {{ n }}) UPDATE ONLY public.people AS p SET note = {{ note }} FROM ids WHERE p.id = ids.id AND p.note IS DISTINCT FROM {{ old }} RETURNING p.id",
    );
    expect(p.before).toEqual({
      sql: 'WITH ids AS (SELECT id FROM people WHERE name = $1) SELECT "p".* FROM ONLY "public"."people" AS "p" WHERE EXISTS (SELECT 1 FROM ids WHERE p.id = ids.id AND p.note IS DISTINCT FROM $2) LIMIT 20',
      values: ["N", "OLD"],
    });
    expect(p.returning).toBeNull();
    expect(p.hasReturning).toBe(true);
    expect(p.target).toEqual({ schema: "public", name: "people", sql: '"public"."people"' });
  });

  it("UPDATE … FROM returns only the target's columns", () => {
    const p = plan("postgres", "UPDATE people p SET note = o.note FROM orders o WHERE o.person_id = p.id AND o.id = {{ id }}");
    expect(p.returning?.sql).toBe("UPDATE people p SET note = o.note FROM orders o WHERE o.person_id = p.id AND o.id = $1 RETURNING \"p\".*");
    expect(p.before?.sql).toBe('SELECT "p".* FROM "people" AS "p" WHERE EXISTS (SELECT 1 FROM orders o WHERE o.person_id = p.id AND o.id = $1) LIMIT 20');
  });

  it("DELETE … USING: before only (deleted rows have no after); a trailing comment is left out", () => {
    const p = plan("postgres", "DELETE FROM people p USING orders o WHERE o.person_id = p.id AND o.amount > {{ a }} -- cleanup");
    expect(p.before).toEqual({ sql: 'SELECT "p".* FROM "people" AS "p" WHERE EXISTS (SELECT 1 FROM orders o WHERE o.person_id = p.id AND o.amount > $1) LIMIT 20', values: ["A"] });
    expect(p.returning).toBeNull();
  });

  it("a line comment inside the WHERE cannot swallow the appended LIMIT", () => {
    const p = plan("postgres", "DELETE FROM people WHERE id = {{ id }} -- only this one\n RETURNING id");
    expect(p.before).toEqual({ sql: 'SELECT "people".* FROM "people" WHERE id = $1 -- only this one\n LIMIT 20', values: ["ID"] });
  });

  it("quotes names that need it and keeps a subquery's WHERE out of the clause search", () => {
    const p = plan("postgres", 'UPDATE "Order Lines" SET qty = (SELECT max(q) FROM limits WHERE kind = {{ k }}) WHERE "Order Lines".id = {{ id }}');
    expect(p.before).toEqual({ sql: 'SELECT "Order Lines".* FROM "Order Lines" WHERE "Order Lines".id = $1 LIMIT 20', values: ["ID"] });
  });

  it("INSERT: no before, RETURNING * appended (after ON CONFLICT too)", () => {
    const p = plan("postgres", "INSERT INTO people (id, name) VALUES ({{ id }}, {{ name }}) ON CONFLICT (id) DO UPDATE SET name = excluded.name");
    expect(p.before).toBeNull();
    expect(p.returning).toEqual({ sql: "INSERT INTO people (id, name) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET name = excluded.name RETURNING *", values: ["ID", "NAME"] });
  });

  it("a target that is writable but not readable gets no samples, and says why", () => {
    const p = plan("postgres", "UPDATE secrets SET v = {{ v }} WHERE id = {{ id }}", { read: ["public.people"], write: ["public.secrets"] });
    expect(p.before).toBeNull();
    expect(p.returning).toBeNull();
    expect(p.notes).toEqual(["No sample of the rows before or after the change: Table public.secrets is not readable under this data source's policy."]);
  });

  it("is only built when asked for", () => {
    const result = guardSql({ sql: "DELETE FROM people WHERE id = 1", dialect: "postgres", mode: "write", params: {}, policy: WRITE_ALL });
    expect(result.ok && result.preview).toBeUndefined();
  });
});

describe("preview plans on MySQL / MariaDB", () => {
  it("UPDATE: before with ? in text order; no RETURNING variant (no server has UPDATE … RETURNING)", () => {
    const p = plan("mysql", "UPDATE people SET note = {{ note }} WHERE id <= {{ max }}");
    expect(p.before).toEqual({ sql: "SELECT `people`.* FROM `people` WHERE id <= ? LIMIT 20", values: ["MAX"] });
    expect(p.returning).toBeNull();
    expect(p.target).toEqual({ schema: null, name: "people", sql: "`people`" });
  });

  it("ORDER BY … LIMIT limits the sample to the rows the write changes", () => {
    const p = plan("mysql", "UPDATE people AS p SET note = {{ note }} WHERE p.id > {{ min }} ORDER BY id DESC LIMIT {{ n }}");
    expect(p.before).toEqual({ sql: "SELECT * FROM (SELECT `p`.* FROM `people` AS `p` WHERE p.id > ? ORDER BY id DESC LIMIT ?) AS rowcraft_before LIMIT 20", values: ["MIN", "N"] });
  });

  it("DELETE with a subquery and a trailing # comment", () => {
    const p = plan("mysql", "DELETE FROM people WHERE id IN (SELECT person_id FROM orders WHERE amount > {{ a }}) # old orders");
    expect(p.before).toEqual({ sql: "SELECT `people`.* FROM `people` WHERE id IN (SELECT person_id FROM orders WHERE amount > ?) LIMIT 20", values: ["A"] });
    expect(p.returning).toBeNull();
  });

  it("INSERT: RETURNING * for MariaDB 10.5+ (the driver decides whether the server has it)", () => {
    const p = plan("mysql", "INSERT INTO `app`.`people` (id, name) VALUES ({{ id }}, {{ name }})");
    expect(p.returning).toEqual({ sql: "INSERT INTO `app`.`people` (id, name) VALUES (?, ?) RETURNING *", values: ["ID", "NAME"] });
    expect(p.target).toEqual({ schema: "app", name: "people", sql: "`app`.`people`" });
  });
});

describe("preview plans on SQLite", () => {
  it("UPDATE … FROM: EXISTS for the before rows, plain RETURNING * (SQLite returns only the target's columns)", () => {
    const p = plan("sqlite", "UPDATE people SET note = u.b FROM (SELECT 1 AS id, {{ b }} AS b) AS u WHERE u.id = people.id AND people.note <> {{ old }}");
    expect(p.before).toEqual({
      sql: 'SELECT "people".* FROM "people" WHERE EXISTS (SELECT 1 FROM (SELECT 1 AS id, ? AS b) AS u WHERE u.id = people.id AND people.note <> ?) LIMIT 20',
      values: ["B", "OLD"],
    });
    expect(p.returning).toEqual({ sql: "UPDATE people SET note = u.b FROM (SELECT 1 AS id, ? AS b) AS u WHERE u.id = people.id AND people.note <> ? RETURNING *", values: ["B", "OLD"] });
  });

  it("the same expression twice binds twice, in order", () => {
    const p = plan("sqlite", "UPDATE people SET note = {{ x }} WHERE name = {{ x }} OR note = {{ x }}");
    expect(p.before).toEqual({ sql: 'SELECT "people".* FROM "people" WHERE name = ? OR note = ? LIMIT 20', values: ["X", "X"] });
  });

  it("DELETE with an alias-free WHERE and RETURNING of its own", () => {
    const p = plan("sqlite", "DELETE FROM main.people WHERE id = {{ id }} RETURNING id");
    expect(p.before).toEqual({ sql: 'SELECT "people".* FROM "main"."people" WHERE id = ? LIMIT 20', values: ["ID"] });
    expect(p.hasReturning).toBe(true);
  });

  it("INSERT … SELECT", () => {
    const p = plan("sqlite", "INSERT INTO people (id, name) SELECT id + 1000, name FROM people WHERE id < {{ n }}");
    expect(p.before).toBeNull();
    expect(p.returning).toEqual({ sql: "INSERT INTO people (id, name) SELECT id + 1000, name FROM people WHERE id < ? RETURNING *", values: ["N"] });
  });
});
