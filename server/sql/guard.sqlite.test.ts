// SQLite verdicts of the guard, one table per family of queries (see test-support.ts).
import { beforeAll, describe, it } from "vitest";
import { initGuard } from "./guard";
import { checkCase, type GuardCase } from "./test-support";

beforeAll(async () => {
  await initGuard();
});

const run = (c: GuardCase) => checkCase("sqlite", c);
const SECRETS_HIDDEN = { read: ["orders", "customers", "items"], write: [] };

const innocent: GuardCase[] = [
  { name: "plain select", sql: "SELECT id, total FROM orders WHERE total > 10", expect: "select", tables: { read: ["orders"], write: [] } },
  { name: "bracket, backtick and double-quoted identifiers", sql: 'SELECT [order id], `total`, "note" FROM [orders]', expect: "select", tables: { read: ["orders"], write: [] } },
  { name: "main.orders is orders", sql: "SELECT * FROM main.orders", policy: { read: ["orders"], write: [] }, expect: "select", tables: { read: ["orders"], write: [] } },
  { name: "CTE with join", sql: "WITH big AS (SELECT customer_id, sum(total) AS s FROM orders GROUP BY 1) SELECT c.name, b.s FROM big b JOIN customers c ON c.id = b.customer_id", expect: "select", tables: { read: ["orders", "customers"], write: [] } },
  { name: "recursive CTE", sql: "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5) SELECT i FROM n", expect: "select" },
  { name: "window functions", sql: "SELECT id, row_number() OVER (ORDER BY id), lead(total) OVER (PARTITION BY customer_id ORDER BY id) FROM orders", expect: "select" },
  { name: "iif, coalesce and CASE", sql: "SELECT iif(total > 1, 'big', 'small'), coalesce(note, ''), CASE WHEN total > 5 THEN 1 ELSE 0 END FROM orders", expect: "select" },
  { name: "json_each table-valued function", sql: "SELECT j.value FROM orders o, json_each(o.tags) j", expect: "select", tables: { read: ["orders"], write: [] } },
  { name: "date functions", sql: "SELECT strftime('%Y-%m', created_at), date('now', '-7 days'), julianday(created_at) FROM orders", expect: "select" },
  { name: "O'Brien as a doubled-quote literal", sql: "SELECT * FROM customers WHERE name = 'O''Brien'", expect: "select" },
  { name: "backslash is an ordinary character", sql: String.raw`SELECT * FROM customers WHERE path = 'C:\' AND name = 'x'`, expect: "select" },
  { name: "percent in LIKE", sql: "SELECT * FROM customers WHERE email LIKE '%@x.org' OR name LIKE 'A\\_%' ESCAPE '\\'", expect: "select" },
  { name: "unicode", sql: "SELECT '😀 café', \"naïve\" FROM customers", expect: "select" },
  { name: "subqueries", sql: "SELECT (SELECT count(*) FROM items i WHERE i.order_id = o.id) FROM orders o WHERE EXISTS (SELECT 1 FROM customers c WHERE c.id = o.customer_id)", expect: "select" },
  { name: "VALUES", sql: "VALUES (1, 'a'), (2, 'b')", expect: "select" },
  { name: "UNION and LIMIT/OFFSET", sql: "SELECT id FROM orders UNION SELECT id FROM items ORDER BY 1 LIMIT 5 OFFSET 2", expect: "select" },
  { name: "string holding a statement", sql: "SELECT 'x; ATTACH DATABASE ''/tmp/x'' AS y'", expect: "select" },
];

const stacked: GuardCase[] = [
  { name: "semicolon then DELETE", sql: "SELECT 1; DELETE FROM orders", expect: "multiple_statements", position: 10 },
  { name: "after a block comment", sql: "SELECT 1 /* x */; ATTACH 'x.db' AS x", expect: "multiple_statements" },
  { name: "a backslash does not escape in SQLite", sql: String.raw`SELECT 'a\'; DELETE FROM orders; --'`, expect: "multiple_statements" },
  { name: "two selects", sql: "SELECT 1;SELECT 2", expect: "multiple_statements" },
];

const forbiddenStatements: GuardCase[] = [
  { name: "PRAGMA", sql: "PRAGMA query_only = 0", expect: "forbidden_statement", position: 0 },
  { name: "PRAGMA writable_schema", sql: "PRAGMA writable_schema = ON", expect: "forbidden_statement" },
  { name: "ATTACH", sql: "ATTACH DATABASE '/tmp/evil.db' AS evil", expect: "forbidden_statement" },
  { name: "DETACH", sql: "DETACH DATABASE evil", expect: "forbidden_statement" },
  { name: "VACUUM", sql: "VACUUM", expect: "forbidden_statement" },
  { name: "VACUUM INTO", sql: "VACUUM INTO '/tmp/copy.db'", expect: "forbidden_statement" },
  { name: "CREATE TEMP TRIGGER", sql: "CREATE TEMP TRIGGER t AFTER INSERT ON orders BEGIN DELETE FROM orders; END", expect: "forbidden_statement" },
  { name: "CREATE TEMP TABLE", sql: "CREATE TEMP TABLE x AS SELECT * FROM orders", expect: "forbidden_statement" },
  { name: "REINDEX", sql: "REINDEX", expect: "forbidden_statement" },
  { name: "ANALYZE", sql: "ANALYZE", expect: "forbidden_statement" },
  { name: "BEGIN", sql: "BEGIN IMMEDIATE", expect: "forbidden_statement" },
  { name: "SAVEPOINT", sql: "SAVEPOINT s", expect: "forbidden_statement" },
  { name: "EXPLAIN QUERY PLAN", sql: "EXPLAIN QUERY PLAN SELECT * FROM orders", expect: "forbidden_statement" },
  { name: "INSERT in read mode", sql: "INSERT INTO orders (id) VALUES (1)", expect: "forbidden_statement" },
  { name: "DELETE in read mode", sql: "DELETE FROM orders WHERE id = 1", expect: "forbidden_statement" },
  { name: "DROP", sql: "DROP TABLE orders", expect: "forbidden_statement" },
];

const forbiddenFunctions: GuardCase[] = [
  { name: "load_extension", sql: "SELECT load_extension('/tmp/evil.so')", expect: "forbidden_function", position: 7 },
  { name: "readfile", sql: "SELECT readfile('/etc/passwd')", expect: "forbidden_function" },
  { name: "writefile", sql: "SELECT writefile('/tmp/x', 'data')", expect: "forbidden_function" },
  { name: "fts3_tokenizer", sql: "SELECT fts3_tokenizer('simple')", expect: "forbidden_function" },
  { name: "pragma table-valued function", sql: "SELECT * FROM pragma_table_info('orders')", expect: "forbidden_function", position: 14 },
  { name: "pragma as a table without parentheses", sql: "SELECT * FROM pragma_database_list", expect: "forbidden_function", position: 14 },
  { name: "pragma_table_list without parentheses", sql: "SELECT name FROM pragma_table_list WHERE schema = 'main'", expect: "forbidden_function" },
  { name: "pragma table in upper case, quoted and schema-qualified", sql: 'SELECT * FROM main."PRAGMA_TABLE_LIST"', expect: "forbidden_function" },
  { name: "pragma table in a join", sql: "SELECT * FROM orders o JOIN pragma_index_list p ON 1 = 1", expect: "forbidden_function" },
  { name: "pragma table even with system catalogs allowed", sql: "SELECT * FROM pragma_database_list", policy: { read: ["*"], write: [], allowSystemCatalogs: true }, expect: "forbidden_function" },
  { name: "dbstat", sql: "SELECT name, pgsize FROM dbstat", expect: "forbidden_function" },
  { name: "sqlite_dbpage even with system catalogs allowed", sql: "SELECT data FROM sqlite_dbpage", policy: { read: ["*"], write: [], allowSystemCatalogs: true }, expect: "forbidden_function" },
  { name: "pragma table as a write target", sql: "DELETE FROM pragma_table_list WHERE name = 'x'", mode: "write", expect: "forbidden_function" },
  { name: "zeroblob", sql: "SELECT zeroblob(1000000000)", expect: "forbidden_function" },
  { name: "application-defined function", sql: "SELECT my_func(id) FROM orders", expect: "forbidden_function" },
  { name: "schema-qualified function", sql: "SELECT main.lower(name) FROM customers", expect: "forbidden_function" },
  { name: "function in a CTE", sql: "WITH x AS (SELECT load_extension('x') AS y) SELECT * FROM x", expect: "forbidden_function" },
  { name: "function in ORDER BY", sql: "SELECT * FROM orders ORDER BY readfile('/etc/passwd')", expect: "forbidden_function" },
];

const tables: GuardCase[] = [
  { name: "unreadable table", sql: "SELECT * FROM secrets", policy: SECRETS_HIDDEN, expect: "table_not_readable", position: 14, message: "Table secrets is not readable" },
  { name: "unreadable table in a subquery", sql: "SELECT * FROM orders WHERE id IN (SELECT id FROM secrets)", policy: SECRETS_HIDDEN, expect: "table_not_readable" },
  { name: "sqlite_master", sql: "SELECT sql FROM sqlite_master", expect: "table_not_readable", message: "system catalog" },
  { name: "sqlite_schema", sql: "SELECT * FROM sqlite_schema", expect: "table_not_readable" },
  { name: "sqlite_temp_master", sql: "SELECT * FROM sqlite_temp_master", expect: "table_not_readable" },
  { name: "main.sqlite_master", sql: "SELECT * FROM main.sqlite_master", expect: "table_not_readable" },
  { name: "sqlite_sequence", sql: "SELECT * FROM sqlite_sequence", expect: "table_not_readable" },
  { name: "system catalogs allowed by policy", sql: "SELECT name FROM sqlite_master", policy: { read: [], write: [], allowSystemCatalogs: true }, expect: "select" },
  { name: "temp schema is not main", sql: "SELECT * FROM temp.orders", policy: { read: ["orders"], write: [] }, expect: "table_not_readable", message: "temp.orders" },
  { name: "CTE named like a hidden table", sql: "WITH secrets AS (SELECT 1) SELECT * FROM secrets", policy: SECRETS_HIDDEN, expect: "select" },
];

const writes: GuardCase[] = [
  { name: "INSERT", sql: "INSERT INTO orders (id, total) VALUES (1, 2)", mode: "write", expect: "insert", tables: { read: [], write: ["orders"] } },
  { name: "INSERT OR REPLACE on a writable table", sql: "INSERT OR REPLACE INTO orders (id, total) VALUES (1, 2)", mode: "write", expect: "insert" },
  { name: "INSERT OR REPLACE on a table that is not writable", sql: "INSERT OR REPLACE INTO users (id) VALUES (1)", mode: "write", policy: { read: ["*"], write: ["orders"] }, expect: "table_not_writable" },
  { name: "REPLACE INTO", sql: "REPLACE INTO orders (id) VALUES (1)", mode: "write", expect: "insert" },
  { name: "ON CONFLICT DO UPDATE", sql: "INSERT INTO orders (id, total) VALUES (1, 2) ON CONFLICT (id) DO UPDATE SET total = excluded.total", mode: "write", expect: "insert" },
  { name: "UPDATE OR IGNORE with WHERE", sql: "UPDATE OR IGNORE orders SET total = 0 WHERE id = 1", mode: "write", expect: "update" },
  { name: "UPDATE without WHERE", sql: "UPDATE orders SET total = 0", mode: "write", expect: "missing_where", position: 7 },
  { name: "DELETE WHERE 1=1", sql: "DELETE FROM orders WHERE 1=1", mode: "write", expect: "missing_where" },
  { name: "DELETE with RETURNING", sql: "DELETE FROM orders WHERE id = 1 RETURNING id, total", mode: "write", expect: "delete", tables: { read: ["orders"], write: ["orders"] } },
  { name: "RETURNING a subquery", sql: "DELETE FROM orders WHERE id = 1 RETURNING (SELECT token FROM secrets)", mode: "write", expect: "forbidden_statement" },
  { name: "UPDATE ... FROM an unreadable table", sql: "UPDATE orders SET note = s.token FROM secrets s WHERE s.id = orders.id", mode: "write", policy: { read: ["orders"], write: ["orders"] }, expect: "table_not_readable" },
  { name: "write to sqlite_master", sql: "UPDATE sqlite_master SET sql = 'x' WHERE name = 'orders'", mode: "write", policy: { read: ["*"], write: ["*"], allowSystemCatalogs: true }, expect: "table_not_writable" },
  { name: "main.orders writable via unqualified pattern", sql: "DELETE FROM main.orders WHERE id = 1", mode: "write", policy: { read: [], write: ["orders"] }, expect: "delete", tables: { read: [], write: ["orders"] } },
];

describe("sqlite guard", () => {
  it.each(innocent)("accepts: $name", run);
  it.each(stacked)("refuses stacked statements: $name", run);
  it.each(forbiddenStatements)("refuses statement: $name", run);
  it.each(forbiddenFunctions)("refuses function: $name", run);
  it.each(tables)("applies the table policy: $name", run);
  it.each(writes)("write mode: $name", run);
});
