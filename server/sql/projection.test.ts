// The guard's read projections, per dialect: which reads map 1:1 to one table (and which of their
// columns are plain columns of it, renamed or not), and every shape that must give null — joins,
// derived tables, table functions, GROUP BY, DISTINCT, aggregates, window functions, CTEs, set
// operations — so a result is only ever editable when its rows really are rows of that table.
import { beforeAll, describe, expect, it } from "vitest";
import { guardSql, initGuard, type Dialect, type ProjectionItem, type ReadProjection } from "./guard";

beforeAll(async () => {
  await initGuard();
});

const DIALECTS: readonly Dialect[] = ["postgres", "mysql", "sqlite"];

function projectionOf(dialect: Dialect, sql: string, mode: "read" | "write" = "read"): ReadProjection | null {
  const result = guardSql({ sql, dialect, mode, params: (expression) => expression, policy: { read: ["*"], write: ["*"] } });
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.error)}`);
  return result.projection;
}

/** Compact items: "id" (column id), "remark=note" (note AS remark), "*" (every column), "expr". */
function expected(table: ReadProjection["table"], compact: string[]): ReadProjection {
  const items = compact.map((entry): ProjectionItem => {
    if (entry === "*") return { kind: "all" };
    if (entry === "expr") return { kind: "expression" };
    const [output = "", source = output] = entry.split("=");
    return { kind: "column", output, source };
  });
  return {
    table,
    columns: items.flatMap((item) => (item.kind === "column" ? [{ output: item.output, source: item.source }] : [])),
    allColumns: items.some((item) => item.kind === "all"),
    items,
  };
}

const ORDERS: Record<Dialect, ReadProjection["table"]> = {
  postgres: { schema: "public", name: "orders", display: "public.orders" },
  mysql: { schema: null, name: "orders", display: "orders" },
  sqlite: { schema: null, name: "orders", display: "orders" },
};

/** [name, sql, items] — the same SQL in every dialect. */
const MAPPED: [string, string, string[]][] = [
  ["plain columns with WHERE, ORDER BY and LIMIT", "SELECT id, note FROM orders WHERE total > 10 ORDER BY id DESC LIMIT 5 OFFSET 2", ["id", "note"]],
  ["a template in WHERE", "SELECT id, note FROM orders WHERE id = {{ id }}", ["id", "note"]],
  ["AS renames a column", "SELECT id, note AS remark FROM orders", ["id", "remark=note"]],
  ["columns qualified by the alias", "SELECT o.id, o.note AS remark FROM orders AS o", ["id", "remark=note"]],
  ["an alias without AS", "SELECT o.id FROM orders o", ["id"]],
  ["columns qualified by the table name", "SELECT orders.id, orders.note FROM orders", ["id", "note"]],
  ["*", "SELECT * FROM orders", ["*"]],
  ["alias.* with a column and an expression", "SELECT o.*, o.id AS key, upper(o.note) AS shout FROM orders o", ["*", "key=id", "expr"]],
  ["expression columns are left out", "SELECT id, upper(note), total * 2 AS twice, CAST(total AS CHAR(10)) AS t, 'x' AS lit, NULL, note FROM orders", ["id", "expr", "expr", "expr", "expr", "expr", "note"]],
  ["a scalar subquery is an expression; subqueries in WHERE are fine", "SELECT id, (SELECT count(*) FROM items i WHERE i.order_id = orders.id) AS n FROM orders WHERE customer_id IN (SELECT id FROM customers)", ["id", "expr"]],
  ["a qualifier that is not the table is not a column of it", "SELECT other.id, id FROM orders", ["expr", "id"]],
  ["an aggregate inside a subquery of WHERE", "SELECT id FROM orders WHERE total > (SELECT avg(total) FROM orders)", ["id"]],
  ["SELECT ALL", "SELECT ALL id FROM orders", ["id"]],
  ["no plain column at all", "SELECT upper(note) FROM orders", ["expr"]],
];

/** [name, sql] — reads that must not map to a table in any dialect. */
const UNMAPPED: [string, string][] = [
  ["a join", "SELECT o.id, o.note FROM orders o JOIN customers c ON c.id = o.customer_id"],
  ["a LEFT JOIN", "SELECT o.id FROM orders o LEFT JOIN customers c ON c.id = o.customer_id"],
  ["two FROM items", "SELECT o.id FROM orders o, customers c"],
  ["a subquery in FROM", "SELECT id, note FROM (SELECT id, note FROM orders) AS s"],
  ["GROUP BY", "SELECT customer_id FROM orders GROUP BY customer_id"],
  ["GROUP BY with HAVING", "SELECT customer_id FROM orders GROUP BY customer_id HAVING count(*) > 1"],
  ["DISTINCT", "SELECT DISTINCT id, note FROM orders"],
  ["an aggregate beside a column", "SELECT id, count(*) FROM orders"],
  ["an aggregate inside an expression", "SELECT id, 1 + max(total) AS m FROM orders"],
  ["an aggregate in ORDER BY", "SELECT id FROM orders ORDER BY sum(total)"],
  ["a window function", "SELECT id, row_number() OVER (ORDER BY id) AS n FROM orders"],
  ["a CTE", "WITH o AS (SELECT * FROM orders) SELECT id FROM o"],
  ["an unused CTE before the table", "WITH x AS (SELECT 1 AS one) SELECT id FROM orders"],
  ["UNION", "SELECT id FROM orders UNION SELECT id FROM orders"],
  ["UNION ALL", "SELECT id, note FROM orders UNION ALL SELECT id, note FROM orders"],
  ["no FROM", "SELECT 1 AS id"],
  ["the star of something else", "SELECT c.* FROM orders o"],
];

describe.each(DIALECTS)("projection on %s", (dialect) => {
  it.each(MAPPED)("maps %s", (_name, sql, items) => {
    expect(projectionOf(dialect, sql)).toEqual(expected(ORDERS[dialect], items));
  });

  it.each(UNMAPPED)("gives null for %s", (_name, sql) => {
    expect(projectionOf(dialect, sql)).toBeNull();
  });

  it("gives null for writes", () => {
    expect(projectionOf(dialect, "UPDATE orders SET note = 'x' WHERE id = 1", "write")).toBeNull();
    expect(projectionOf(dialect, "INSERT INTO orders (id) VALUES (1)", "write")).toBeNull();
  });
});

describe("projection on PostgreSQL only", () => {
  it("keeps the schema; quoted names keep their case, unquoted ones are folded", () => {
    expect(projectionOf("postgres", 'SELECT "Note" AS "Remark", ID FROM sales.orders')).toEqual(
      expected({ schema: "sales", name: "orders", display: "sales.orders" }, ["Remark=Note", "id"]),
    );
  });

  it.each([
    ["ONLY (child tables would share the keys)", "SELECT id FROM ONLY orders"],
    ["column aliases on the table", "SELECT a FROM orders AS o(a, b)"],
    ["a table function", "SELECT * FROM generate_series(1, 3) AS g"],
    ["a row expanded with (o).*", "SELECT (o).* FROM orders o"],
    ["DISTINCT ON", "SELECT DISTINCT ON (customer_id) id FROM orders ORDER BY customer_id, id"],
    ["an aggregate with FILTER", "SELECT id, count(*) FILTER (WHERE total > 1) AS n FROM orders"],
    ["GROUPING SETS", "SELECT customer_id FROM orders GROUP BY GROUPING SETS ((customer_id), ())"],
    ["a named window", "SELECT id FROM orders WINDOW w AS (ORDER BY id)"],
    ["VALUES", "VALUES (1, 'a')"],
    ["INTERSECT", "SELECT id FROM orders INTERSECT SELECT id FROM orders"],
  ])("gives null for %s", (_name, sql) => {
    expect(projectionOf("postgres", sql)).toBeNull();
  });
});

describe("projection on MySQL only", () => {
  it("keeps the database qualifier, backtick names and planner modifiers", () => {
    expect(projectionOf("mysql", "SELECT SQL_NO_CACHE `id`, `t`.`note` AS `Remark` FROM shop.orders AS t USE INDEX (primary_key) LIMIT 1, 2")).toEqual(
      expect.objectContaining({ table: { schema: "shop", name: "orders", display: "shop.orders" }, columns: [{ output: "id", source: "id" }, { output: "Remark", source: "note" }] }),
    );
  });

  it('reads "note" as the string it is, not the column', () => {
    expect(projectionOf("mysql", 'SELECT id, "note" FROM orders')).toEqual(expected(ORDERS.mysql, ["id", "expr"]));
  });

  it.each([
    ["DISTINCTROW", "SELECT DISTINCTROW id FROM orders"],
    ["a derived table with a join inside", "SELECT id FROM (SELECT o.id FROM orders o JOIN items i ON i.order_id = o.id) AS s"],
    ["GROUP_CONCAT", "SELECT id, group_concat(note) AS notes FROM orders"],
    ["COUNT(DISTINCT …)", "SELECT id, count(DISTINCT note) AS n FROM orders"],
    ["column aliases on the table", "SELECT a FROM orders AS o(a, b)"],
    ["JSON_TABLE", "SELECT * FROM JSON_TABLE('[1]', '$[*]' COLUMNS (x INT PATH '$')) AS jt"],
  ])("gives null for %s", (_name, sql) => {
    expect(projectionOf("mysql", sql)).toBeNull();
  });
});

describe("projection on SQLite only", () => {
  it("main.orders is orders; bracket and double-quoted names are columns", () => {
    expect(projectionOf("sqlite", 'SELECT [id], "note" AS remark FROM main.orders')).toEqual(expected(ORDERS.sqlite, ["id", "remark=note"]));
  });

  it.each([
    ["a table-valued function", "SELECT * FROM json_each('[1, 2]')"],
    ["a table-valued function beside the table", "SELECT o.id FROM orders o, json_each(o.tags) j"],
    ["column aliases on the table", "SELECT a FROM orders AS o(a, b)"],
    ["an aggregate with FILTER", "SELECT id, count(*) FILTER (WHERE total > 1) AS n FROM orders"],
    ["total()", "SELECT id, total(total) AS t FROM orders"],
    ["VALUES", "VALUES (1, 'a')"],
    ["EXCEPT", "SELECT id FROM orders EXCEPT SELECT id FROM orders"],
  ])("gives null for %s", (_name, sql) => {
    expect(projectionOf("sqlite", sql)).toBeNull();
  });
});
