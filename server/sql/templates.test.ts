// `{{ expression }}` templates: how they become bound parameters (exact SQL and values per
// dialect), where they are refused, and which values may be bound.
import { beforeAll, describe, expect, it } from "vitest";
import { guardSql, initGuard } from "./guard";
import { checkCase, type GuardCase } from "./test-support";
import type { Dialect } from "./types";

beforeAll(async () => {
  await initGuard();
});

type DialectCase = GuardCase & { dialect: Dialect };
const run = (c: DialectCase) => checkCase(c.dialect, c);
const longText = "x".repeat(100_000);

const binding: DialectCase[] = [
  {
    name: "postgres: two templates",
    dialect: "postgres",
    sql: "SELECT * FROM orders WHERE id = {{ id }} AND name = {{name}}",
    params: { id: 7, name: "O'Brien" },
    expect: "select",
    bound: { sql: "SELECT * FROM orders WHERE id = $1 AND name = $2", values: [7, "O'Brien"] },
  },
  {
    name: "postgres: SQL-looking value stays a value",
    dialect: "postgres",
    sql: "SELECT * FROM customers WHERE name = {{q}}",
    params: { q: "x'; DROP TABLE customers; --" },
    expect: "select",
    bound: { sql: "SELECT * FROM customers WHERE name = $1", values: ["x'; DROP TABLE customers; --"] },
  },
  { name: "postgres: array with = ANY", dialect: "postgres", sql: "SELECT * FROM orders WHERE id = ANY({{ids}})", params: { ids: [1, 2, 3] }, expect: "select", bound: { sql: "SELECT * FROM orders WHERE id = ANY($1)", values: [[1, 2, 3]] } },
  { name: "postgres: same expression twice gets two parameters", dialect: "postgres", sql: "SELECT {{x}} + {{ x }}", params: { x: 5 }, expect: "select", bound: { sql: "SELECT $1 + $2", values: [5, 5] } },
  { name: "postgres: LIMIT and OFFSET", dialect: "postgres", sql: "SELECT * FROM orders LIMIT {{n}} OFFSET {{o}}", params: { n: 10, o: 20 }, expect: "select", bound: { sql: "SELECT * FROM orders LIMIT $1 OFFSET $2", values: [10, 20] } },
  { name: "postgres: cast of a template", dialect: "postgres", sql: "SELECT {{d}}::date", params: { d: "2024-01-31" }, expect: "select", bound: { sql: "SELECT $1::date", values: ["2024-01-31"] } },
  { name: "postgres: leading comment is kept, trailing one dropped", dialect: "postgres", sql: "-- top customers\nSELECT {{x}} -- trailing", params: { x: 1 }, expect: "select", bound: { sql: "-- top customers\nSELECT $1", values: [1] } },
  { name: "postgres: dotted expression, spaces trimmed", dialect: "postgres", sql: "SELECT lower({{  input.value  }})", params: { "input.value": "ABC" }, expect: "select", bound: { sql: "SELECT lower($1)", values: ["ABC"] } },
  { name: "postgres: template inside a CTE and IN list", dialect: "postgres", sql: "WITH x AS (SELECT * FROM orders WHERE id IN ({{a}}, {{b}})) SELECT * FROM x", params: { a: 1, b: 2 }, expect: "select", bound: { sql: "WITH x AS (SELECT * FROM orders WHERE id IN ($1, $2)) SELECT * FROM x", values: [1, 2] } },
  { name: "postgres: INSERT values", dialect: "postgres", mode: "write", sql: "INSERT INTO orders (id, note) VALUES ({{id}}, {{note}})", params: { id: 1, note: null }, expect: "insert", bound: { sql: "INSERT INTO orders (id, note) VALUES ($1, $2)", values: [1, null] } },
  { name: "postgres: UPDATE SET and WHERE", dialect: "postgres", mode: "write", sql: "UPDATE orders SET paid = {{paid}} WHERE id = {{id}}", params: { paid: true, id: 9 }, expect: "update", bound: { sql: "UPDATE orders SET paid = $1 WHERE id = $2", values: [true, 9] } },
  { name: "postgres: long value", dialect: "postgres", sql: "SELECT length({{s}})", params: { s: longText }, expect: "select", bound: { sql: "SELECT length($1)", values: [longText] } },
  { name: "postgres: unicode value", dialect: "postgres", sql: "SELECT * FROM customers WHERE name = {{n}}", params: { n: "Zoë 😀 日本" }, expect: "select", bound: { sql: "SELECT * FROM customers WHERE name = $1", values: ["Zoë 😀 日本"] } },
  { name: "postgres: Date becomes ISO text", dialect: "postgres", sql: "SELECT {{d}}", params: { d: new Date("2024-02-03T04:05:06.007Z") }, expect: "select", bound: { sql: "SELECT $1", values: ["2024-02-03T04:05:06.007Z"] } },
  { name: "postgres: bigint", dialect: "postgres", sql: "SELECT {{n}}", params: { n: 9007199254740993n }, expect: "select", bound: { sql: "SELECT $1", values: [9007199254740993n] } },
  { name: "postgres: function as parameter source", dialect: "postgres", sql: "SELECT {{ a }}, {{b}}", params: (e: string) => e.toUpperCase(), expect: "select", bound: { sql: "SELECT $1, $2", values: ["A", "B"] } },
  { name: "postgres: $1 inside a string is text", dialect: "postgres", sql: "SELECT '$1 and ?' || {{x}}", params: { x: "y" }, expect: "select", bound: { sql: "SELECT '$1 and ?' || $1", values: ["y"] } },
  { name: "mysql: placeholders are ?", dialect: "mysql", sql: "SELECT * FROM orders WHERE id = {{id}} AND note LIKE {{q}} LIMIT {{n}}", params: { id: 1, q: "%a%", n: 5 }, expect: "select", bound: { sql: "SELECT * FROM orders WHERE id = ? AND note LIKE ? LIMIT ?", values: [1, "%a%", 5] } },
  { name: "mysql: O'Brien bound", dialect: "mysql", sql: "SELECT * FROM customers WHERE name = {{n}}", params: { n: "O'Brien\\" }, expect: "select", bound: { sql: "SELECT * FROM customers WHERE name = ?", values: ["O'Brien\\"] } },
  { name: "mysql: INSERT values", dialect: "mysql", mode: "write", sql: "INSERT INTO orders (id, total) VALUES ({{id}}, {{total}}) ON DUPLICATE KEY UPDATE total = {{total}}", params: { id: 1, total: 2.5 }, expect: "insert", bound: { sql: "INSERT INTO orders (id, total) VALUES (?, ?) ON DUPLICATE KEY UPDATE total = ?", values: [1, 2.5, 2.5] } },
  { name: "mysql: ? inside a string is text", dialect: "mysql", sql: "SELECT 'why?', {{x}}", params: { x: 1 }, expect: "select", bound: { sql: "SELECT 'why?', ?", values: [1] } },
  { name: "sqlite: placeholders are ?", dialect: "sqlite", sql: "SELECT * FROM orders WHERE id = {{id}}; -- trailing", params: { id: 3 }, expect: "select", bound: { sql: "SELECT * FROM orders WHERE id = ?", values: [3] } },
  { name: "sqlite: json_each over a bound value", dialect: "sqlite", sql: "SELECT value FROM json_each({{json}})", params: { json: "[1,2]" }, expect: "select", bound: { sql: "SELECT value FROM json_each(?)", values: ["[1,2]"] } },
  { name: "sqlite: DELETE with a template", dialect: "sqlite", mode: "write", sql: "DELETE FROM orders WHERE id = {{id}}", params: { id: false }, expect: "delete", bound: { sql: "DELETE FROM orders WHERE id = ?", values: [false] } },
];

const misplaced: DialectCase[] = [
  { name: "postgres: inside a string literal", dialect: "postgres", sql: "SELECT * FROM customers WHERE name = '{{name}}'", params: { name: "x" }, expect: "template_in_literal", position: 38 },
  { name: "postgres: inside a LIKE pattern", dialect: "postgres", sql: "SELECT * FROM customers WHERE name LIKE '%{{q}}%'", params: { q: "x" }, expect: "template_in_literal" },
  { name: "postgres: inside an E-string", dialect: "postgres", sql: "SELECT E'{{x}}'", params: { x: 1 }, expect: "template_in_literal" },
  { name: "postgres: inside a dollar-quoted string", dialect: "postgres", sql: "SELECT $q$ {{x}} $q$", params: { x: 1 }, expect: "template_in_literal", position: 11 },
  { name: "postgres: inside a line comment", dialect: "postgres", sql: "SELECT 1 -- {{x}}", params: { x: 1 }, expect: "template_in_literal", position: 12 },
  { name: "postgres: inside a block comment", dialect: "postgres", sql: "SELECT 1 /* {{x}} */", params: { x: 1 }, expect: "template_in_literal" },
  { name: "postgres: inside a 1x1 array literal (documented false positive)", dialect: "postgres", sql: "SELECT '{{a}}'::text[]", expect: "template_in_literal" },
  { name: "postgres: inside a quoted identifier", dialect: "postgres", sql: 'SELECT * FROM "{{t}}"', params: { t: "x" }, expect: "identifier_template", position: 15 },
  { name: "postgres: as a table name", dialect: "postgres", sql: "SELECT * FROM {{t}}", params: { t: "x" }, expect: "identifier_template", position: 14 },
  { name: "postgres: as ORDER BY column", dialect: "postgres", sql: "SELECT * FROM orders ORDER BY {{c}}", params: { c: "id" }, expect: "identifier_template", position: 30 },
  { name: "postgres: as ORDER BY column with direction", dialect: "postgres", sql: "SELECT * FROM orders ORDER BY {{c}} DESC", params: { c: "id" }, expect: "identifier_template" },
  { name: "postgres: as sort direction", dialect: "postgres", sql: "SELECT * FROM orders ORDER BY id {{dir}}", params: { dir: "DESC" }, expect: "identifier_template", position: 33 },
  { name: "postgres: as GROUP BY column", dialect: "postgres", sql: "SELECT count(*) FROM orders GROUP BY {{c}}", params: { c: "x" }, expect: "identifier_template" },
  { name: "postgres: as a table qualifier", dialect: "postgres", sql: "SELECT {{t}}.id FROM orders", params: { t: "orders" }, expect: "identifier_template" },
  { name: "postgres: glued to an identifier", dialect: "postgres", sql: "SELECT col{{x}} FROM orders", params: { x: "1" }, expect: "identifier_template" },
  { name: "postgres: as a bare IN list", dialect: "postgres", sql: "SELECT * FROM orders WHERE id IN {{ids}}", params: { ids: [1] }, expect: "identifier_template" },
  { name: "postgres: as an INSERT target", dialect: "postgres", mode: "write", sql: "INSERT INTO {{t}} (id) VALUES (1)", params: { t: "x" }, expect: "identifier_template" },
  { name: "postgres: hand-written $1", dialect: "postgres", sql: "SELECT * FROM orders WHERE id = $1", expect: "manual_placeholder", position: 32 },
  { name: "postgres: hand-written $2 next to a template", dialect: "postgres", sql: "SELECT {{a}}, $2", params: { a: 1 }, expect: "manual_placeholder", position: 14 },
  { name: "postgres: template glued to a keyword", dialect: "postgres", sql: "SELECT * FROM t WHERE a = {{x}}OR b = 1", params: { x: 1 }, expect: "bad_template", position: 31 },
  { name: "mysql: template glued to a digit", dialect: "mysql", sql: "SELECT {{x}}1", params: { x: 1 }, expect: "bad_template", position: 12 },
  { name: "postgres: unterminated template", dialect: "postgres", sql: "SELECT * FROM orders WHERE id = {{ id", expect: "bad_template", position: 32 },
  { name: "postgres: empty template", dialect: "postgres", sql: "SELECT {{   }}", expect: "bad_template" },
  { name: "postgres: template opened twice", dialect: "postgres", sql: "SELECT {{ a {{ b }}", expect: "bad_template" },
  { name: "postgres: error position after a multi-line template", dialect: "postgres", sql: "SELECT {{\n  x\n}} + pg_sleep(1)", params: { x: 1 }, expect: "forbidden_function", position: 19 },
  { name: "mysql: inside a double-quoted string", dialect: "mysql", sql: 'SELECT * FROM customers WHERE name = "{{name}}"', params: { name: "x" }, expect: "template_in_literal", position: 38 },
  { name: "mysql: inside a hash comment", dialect: "mysql", sql: "SELECT 1 # {{x}}", params: { x: 1 }, expect: "template_in_literal" },
  { name: "mysql: inside backticks", dialect: "mysql", sql: "SELECT * FROM `{{t}}`", params: { t: "x" }, expect: "identifier_template" },
  { name: "mysql: as a table name", dialect: "mysql", sql: "SELECT * FROM {{t}}", params: { t: "x" }, expect: "identifier_template", position: 14 },
  { name: "mysql: as ORDER BY column", dialect: "mysql", sql: "SELECT * FROM orders ORDER BY {{c}}", params: { c: "id" }, expect: "identifier_template", position: 30 },
  { name: "mysql: as GROUP BY column", dialect: "mysql", sql: "SELECT count(*) FROM orders GROUP BY {{c}}", params: { c: "x" }, expect: "identifier_template" },
  { name: "mysql: hand-written ?", dialect: "mysql", sql: "SELECT * FROM orders WHERE id = ?", expect: "manual_placeholder", position: 32 },
  { name: "sqlite: inside [brackets]", dialect: "sqlite", sql: "SELECT [{{c}}] FROM orders", params: { c: "x" }, expect: "identifier_template", position: 8 },
  { name: "sqlite: inside a string", dialect: "sqlite", sql: "SELECT '{{x}}'", params: { x: 1 }, expect: "template_in_literal" },
  { name: "sqlite: as a table name", dialect: "sqlite", sql: "SELECT * FROM {{t}}", params: { t: "x" }, expect: "identifier_template" },
  { name: "sqlite: as ORDER BY column", dialect: "sqlite", sql: "SELECT * FROM orders ORDER BY {{c}}", params: { c: "x" }, expect: "identifier_template" },
  { name: "sqlite: hand-written ?", dialect: "sqlite", sql: "SELECT * FROM orders WHERE id = ?", expect: "manual_placeholder" },
  { name: "sqlite: hand-written ?1", dialect: "sqlite", sql: "SELECT * FROM orders WHERE id = ?1", expect: "manual_placeholder" },
  { name: "sqlite: hand-written :name", dialect: "sqlite", sql: "SELECT * FROM orders WHERE id = :id", expect: "manual_placeholder", position: 32 },
  { name: "sqlite: hand-written @name", dialect: "sqlite", sql: "SELECT * FROM orders WHERE id = @id", expect: "manual_placeholder" },
  { name: "sqlite: hand-written $name", dialect: "sqlite", sql: "SELECT * FROM orders WHERE id = $id", expect: "manual_placeholder" },
];

const values: DialectCase[] = [
  { name: "missing value", dialect: "postgres", sql: "SELECT {{ missing }}", params: {}, expect: "bad_parameter_value", position: 7, message: "{{ missing }}" },
  { name: "explicit undefined", dialect: "postgres", sql: "SELECT {{x}}", params: { x: undefined }, expect: "bad_parameter_value" },
  { name: "object value", dialect: "postgres", sql: "SELECT {{x}}", params: { x: { a: 1 } }, expect: "bad_parameter_value", message: "{{ x }} is an object" },
  { name: "NaN", dialect: "postgres", sql: "SELECT {{x}}", params: { x: Number.NaN }, expect: "bad_parameter_value", message: "NaN" },
  { name: "Infinity", dialect: "mysql", sql: "SELECT {{x}}", params: { x: Number.POSITIVE_INFINITY }, expect: "bad_parameter_value" },
  { name: "function value", dialect: "sqlite", sql: "SELECT {{x}}", params: { x: () => 1 }, expect: "bad_parameter_value" },
  { name: "invalid Date", dialect: "postgres", sql: "SELECT {{x}}", params: { x: new Date("nope") }, expect: "bad_parameter_value" },
  { name: "nested array", dialect: "postgres", sql: "SELECT {{x}}", params: { x: [[1], [2]] }, expect: "bad_parameter_value", message: "Item 1" },
  { name: "array of objects", dialect: "postgres", sql: "SELECT {{x}}", params: { x: [{ a: 1 }] }, expect: "bad_parameter_value" },
  { name: "array on mysql", dialect: "mysql", sql: "SELECT * FROM orders WHERE id IN ({{ids}})", params: { ids: [1, 2] }, expect: "bad_parameter_value" },
  { name: "array on sqlite", dialect: "sqlite", sql: "SELECT {{ids}}", params: { ids: [1, 2] }, expect: "bad_parameter_value" },
  { name: "prototype property is not a value", dialect: "postgres", sql: "SELECT {{ constructor }}", params: {}, expect: "bad_parameter_value" },
  { name: "parameter source throws", dialect: "postgres", sql: "SELECT {{ boom }}", params: () => { throw new Error("no such input"); }, expect: "bad_parameter_value", message: "no such input" },
  { name: "Buffer is not a plain value", dialect: "postgres", sql: "SELECT {{b}}", params: { b: Buffer.from("x") }, expect: "bad_parameter_value" },
];

describe("templates", () => {
  it.each(binding)("binds: $name", run);
  it.each(misplaced)("refuses: $name", run);
  it.each(values)("checks values: $name", run);

  it("reports each template's expression and position", () => {
    const result = guardSql({ sql: "SELECT {{ a }}, {{b.c}}", dialect: "postgres", mode: "read", params: { a: 1, "b.c": 2 } });
    expect(result).toMatchObject({ ok: true, params: [{ expression: "a", position: 7 }, { expression: "b.c", position: 16 }] });
  });
});
