// MySQL/MariaDB verdicts of the guard, one table per family of queries (see test-support.ts).
import { beforeAll, describe, it } from "vitest";
import { initGuard } from "./guard";
import { checkCase, type GuardCase } from "./test-support";

beforeAll(async () => {
  await initGuard();
});

const run = (c: GuardCase) => checkCase("mysql", c);
const SECRETS_HIDDEN = { read: ["orders", "customers", "items"], write: [] };

const innocent: GuardCase[] = [
  { name: "plain select", sql: "SELECT id, total FROM orders WHERE total > 10", expect: "select", tables: { read: ["orders"], write: [] } },
  { name: "backtick identifiers and joins", sql: "SELECT o.`id`, c.`name` FROM `orders` o JOIN customers c ON c.id = o.customer_id", expect: "select", tables: { read: ["orders", "customers"], write: [] } },
  { name: "CTE with join", sql: "WITH big AS (SELECT customer_id, SUM(total) s FROM orders GROUP BY customer_id) SELECT c.name, b.s FROM big b JOIN customers c ON c.id = b.customer_id", expect: "select", tables: { read: ["orders", "customers"], write: [] } },
  { name: "recursive CTE", sql: "WITH RECURSIVE n AS (SELECT 1 AS i UNION ALL SELECT i + 1 FROM n WHERE i < 5) SELECT * FROM n", expect: "select", tables: { read: [], write: [] } },
  { name: "window functions", sql: "SELECT id, ROW_NUMBER() OVER (PARTITION BY customer_id ORDER BY id), LAG(total) OVER (ORDER BY id) FROM orders", expect: "select" },
  { name: "CASE and IF", sql: "SELECT CASE WHEN total > 10 THEN 'big' ELSE 'small' END, IF(total > 0, 1, 0), IFNULL(note, '') FROM orders", expect: "select" },
  { name: "O'Brien as a doubled-quote literal", sql: "SELECT * FROM customers WHERE name = 'O''Brien'", expect: "select" },
  { name: "double-quoted string literal", sql: 'SELECT * FROM customers WHERE name = "Zoë; not a statement"', expect: "select" },
  { name: "percent in LIKE", sql: "SELECT * FROM customers WHERE email LIKE '%@example.com'", expect: "select" },
  { name: "date functions", sql: "SELECT DATE_FORMAT(created_at, '%Y-%m'), DATE_ADD(created_at, INTERVAL 1 DAY), TIMESTAMPDIFF(DAY, created_at, NOW()), EXTRACT(YEAR FROM created_at) FROM orders", expect: "select" },
  { name: "JSON functions", sql: "SELECT JSON_EXTRACT(data, '$.a'), data->>'$.b', JSON_OBJECT('id', id) FROM orders", expect: "select" },
  { name: "casts and CONVERT", sql: "SELECT CAST(total AS CHAR), CONVERT(total, DECIMAL(10,2)) FROM orders", expect: "select" },
  { name: "GROUP_CONCAT and HAVING", sql: "SELECT customer_id, GROUP_CONCAT(id ORDER BY id SEPARATOR ',') FROM orders GROUP BY customer_id HAVING COUNT(*) > 1", expect: "select" },
  { name: "subqueries", sql: "SELECT (SELECT COUNT(*) FROM items i WHERE i.order_id = o.id) FROM orders o WHERE o.id IN (SELECT order_id FROM items) AND EXISTS (SELECT 1 FROM customers)", expect: "select" },
  { name: "UNION", sql: "SELECT id FROM orders UNION ALL SELECT id FROM items", expect: "select" },
  { name: "minus minus without a space is arithmetic", sql: "SELECT 1--1", expect: "select" },
  { name: "hash comment", sql: "SELECT 1 # ; DELETE FROM orders", expect: "select", bound: { sql: "SELECT 1", values: [] } },
  { name: "dash dash space comment", sql: "SELECT 1 -- ; DELETE FROM orders", expect: "select" },
  { name: "trailing semicolon", sql: "SELECT 1;", expect: "select", bound: { sql: "SELECT 1", values: [] } },
  { name: "LIMIT with offset", sql: "SELECT * FROM orders ORDER BY id DESC LIMIT 10, 20", expect: "select" },
  { name: "JSON_TABLE", sql: "SELECT jt.a FROM JSON_TABLE('[{\"a\":1}]', '$[*]' COLUMNS (a INT PATH '$.a')) jt", expect: "select", tables: { read: [], write: [] } },
  { name: "database-qualified table allowed by pattern", sql: "SELECT * FROM shop.orders", policy: { read: ["shop.*"], write: [] }, expect: "select", tables: { read: ["shop.orders"], write: [] } },
  { name: "FROM DUAL is not a table", sql: "SELECT 1 FROM DUAL", policy: { read: [], write: [] }, expect: "select", tables: { read: [], write: [] } },
  { name: "ODBC escape syntax", sql: "SELECT {fn UCASE(name)} FROM customers", expect: "select" },
  { name: "USE INDEX hint", sql: "SELECT * FROM orders USE INDEX (idx_total) WHERE total > 1", expect: "select" },
];

const stacked: GuardCase[] = [
  { name: "semicolon then DELETE", sql: "SELECT 1; DELETE FROM orders", expect: "multiple_statements", position: 10 },
  { name: "backslash-escaped quote hides a DELETE", sql: String.raw`SELECT 'a\' ; DELETE FROM orders; -- '`, expect: "multiple_statements" },
  { name: "backslash-escaped double quote", sql: String.raw`SELECT "a\" ; DELETE FROM orders; -- "`, expect: "multiple_statements" },
  { name: "unterminated backslash string", sql: String.raw`SELECT 'a\'; DELETE FROM orders`, expect: "multiple_statements" },
  { name: "executable comment /*! */", sql: "SELECT 1 /*! ; DELETE FROM orders */", expect: "forbidden_statement", position: 9 },
  { name: "MariaDB executable comment /*M! */", sql: "SELECT 1 /*M!100000 ; DELETE FROM orders */", expect: "forbidden_statement" },
  { name: "versioned executable comment", sql: "SELECT /*!50000 SLEEP(5) */ 1", expect: "forbidden_statement" },
  { name: "minus minus without space is not a comment", sql: "SELECT 1 --1; DELETE FROM orders", expect: "multiple_statements" },
  { name: "after a hash comment line", sql: "SELECT 1 # note\n; DELETE FROM orders", expect: "multiple_statements" },
  { name: "after a string with a doubled quote", sql: "SELECT 'it''s'; DROP TABLE orders", expect: "multiple_statements" },
  { name: "backslash-quote without a semicolon is ambiguous", sql: String.raw`SELECT * FROM customers WHERE name = 'O\'Brien'`, expect: "syntax_error", message: "NO_BACKSLASH_ESCAPES" },
];

const forbiddenStatements: GuardCase[] = [
  { name: "INSERT in read mode", sql: "INSERT INTO orders (id) VALUES (1)", expect: "forbidden_statement" },
  { name: "REPLACE in read mode", sql: "REPLACE INTO orders (id) VALUES (1)", expect: "forbidden_statement" },
  { name: "HANDLER", sql: "HANDLER orders OPEN", expect: "forbidden_statement", position: 0 },
  { name: "LOAD DATA", sql: "LOAD DATA INFILE '/etc/passwd' INTO TABLE orders", expect: "forbidden_statement" },
  { name: "SELECT INTO OUTFILE", sql: "SELECT * INTO OUTFILE '/tmp/x' FROM orders", expect: "forbidden_statement", position: 14 },
  { name: "SELECT INTO DUMPFILE", sql: "SELECT token FROM secrets INTO DUMPFILE '/tmp/x'", expect: "forbidden_statement" },
  { name: "SELECT INTO variable", sql: "SELECT id INTO @x FROM orders LIMIT 1", expect: "forbidden_statement" },
  { name: "SELECT ... INTO variable at the end", sql: "SELECT id FROM orders LIMIT 1 INTO @x", expect: "forbidden_statement", position: 30 },
  { name: "ODBC escape hiding sleep", sql: "SELECT {fn SLEEP(5)}", expect: "forbidden_function" },
  { name: "LOCK IN SHARE MODE", sql: "SELECT * FROM orders LOCK IN SHARE MODE", expect: "forbidden_statement" },
  { name: "FOR UPDATE", sql: "SELECT * FROM orders WHERE id = 1 FOR UPDATE", expect: "forbidden_statement" },
  { name: "FOR SHARE", sql: "SELECT * FROM orders FOR SHARE", expect: "forbidden_statement" },
  { name: "SET", sql: "SET SESSION sql_mode = ''", expect: "forbidden_statement" },
  { name: "SET TRANSACTION", sql: "SET TRANSACTION READ WRITE", expect: "forbidden_statement" },
  { name: "SHOW", sql: "SHOW GRANTS", expect: "forbidden_statement" },
  { name: "CALL", sql: "CALL cleanup()", expect: "forbidden_statement" },
  { name: "DO", sql: "DO SLEEP(5)", expect: "forbidden_statement" },
  { name: "PREPARE", sql: "PREPARE s FROM 'DELETE FROM orders'", expect: "forbidden_statement" },
  { name: "EXECUTE", sql: "EXECUTE s", expect: "forbidden_statement" },
  { name: "DEALLOCATE", sql: "DEALLOCATE PREPARE s", expect: "forbidden_statement" },
  { name: "EXPLAIN", sql: "EXPLAIN SELECT * FROM orders", expect: "forbidden_statement" },
  { name: "EXPLAIN ANALYZE", sql: "EXPLAIN ANALYZE SELECT * FROM orders", expect: "forbidden_statement" },
  { name: "START TRANSACTION", sql: "START TRANSACTION", expect: "forbidden_statement" },
  { name: "LOCK TABLES", sql: "LOCK TABLES orders WRITE", expect: "forbidden_statement" },
  { name: "FLUSH", sql: "FLUSH PRIVILEGES", expect: "forbidden_statement" },
  { name: "KILL", sql: "KILL 42", expect: "forbidden_statement" },
  { name: "DROP", sql: "DROP TABLE orders", expect: "forbidden_statement" },
  { name: "GRANT", sql: "GRANT ALL ON *.* TO 'me'@'%'", expect: "forbidden_statement" },
  { name: "optimizer hint setting a variable", sql: "SELECT /*+ SET_VAR(max_execution_time=0) */ * FROM orders", expect: "forbidden_statement" },
  { name: "user variable assignment", sql: "SELECT @x := total FROM orders", expect: "forbidden_statement" },
  { name: "system variable read", sql: "SELECT @@secure_file_priv", expect: "forbidden_statement" },
  { name: "user variable read", sql: "SELECT @x", expect: "forbidden_statement" },
  { name: "SELECT in write mode", sql: "SELECT 1", mode: "write", expect: "forbidden_statement" },
];

const forbiddenFunctions: GuardCase[] = [
  { name: "sleep", sql: "SELECT SLEEP(10)", expect: "forbidden_function", position: 7, message: "Function SLEEP() is not allowed" },
  { name: "sleep in WHERE", sql: "SELECT * FROM orders WHERE sleep(1) = 0", expect: "forbidden_function", position: 27 },
  { name: "benchmark", sql: "SELECT BENCHMARK(100000000, MD5('x'))", expect: "forbidden_function" },
  { name: "get_lock", sql: "SELECT GET_LOCK('l', 10)", expect: "forbidden_function" },
  { name: "release_lock", sql: "SELECT RELEASE_LOCK('l')", expect: "forbidden_function" },
  { name: "load_file", sql: "SELECT LOAD_FILE('/etc/passwd')", expect: "forbidden_function" },
  { name: "sys_exec UDF", sql: "SELECT sys_exec('rm -rf /')", expect: "forbidden_function" },
  { name: "master_pos_wait", sql: "SELECT MASTER_POS_WAIT('log', 4)", expect: "forbidden_function" },
  { name: "database-qualified stored function", sql: "SELECT shop.discount(total) FROM orders", expect: "forbidden_function", message: "schema-qualified" },
  { name: "user-defined function in a subquery", sql: "SELECT * FROM orders WHERE id IN (SELECT my_udf(id) FROM items)", expect: "forbidden_function" },
  { name: "sleep inside a CTE", sql: "WITH x AS (SELECT SLEEP(1) AS s) SELECT * FROM x", expect: "forbidden_function" },
  { name: "last_insert_id(expr) changes session state", sql: "SELECT LAST_INSERT_ID(42)", expect: "forbidden_function" },
];

const tables: GuardCase[] = [
  { name: "unreadable table", sql: "SELECT * FROM secrets", policy: SECRETS_HIDDEN, expect: "table_not_readable", position: 14, message: "Table secrets is not readable under this data source's policy." },
  { name: "unreadable table in a join", sql: "SELECT * FROM orders o JOIN secrets s ON s.id = o.id", policy: SECRETS_HIDDEN, expect: "table_not_readable", position: 28 },
  { name: "unreadable table in a subquery", sql: "SELECT (SELECT token FROM secrets LIMIT 1) FROM orders", policy: SECRETS_HIDDEN, expect: "table_not_readable" },
  { name: "unreadable table in a CTE", sql: "WITH s AS (SELECT * FROM secrets) SELECT * FROM s", policy: SECRETS_HIDDEN, expect: "table_not_readable" },
  { name: "CTE named like a hidden table", sql: "WITH secrets AS (SELECT 1 AS x) SELECT * FROM secrets", policy: SECRETS_HIDDEN, expect: "select", tables: { read: [], write: [] } },
  { name: "unreadable table in a derived table", sql: "SELECT * FROM (SELECT * FROM secrets) x", policy: SECRETS_HIDDEN, expect: "table_not_readable" },
  { name: "unreadable table in UNION", sql: "SELECT id FROM orders UNION SELECT id FROM secrets", policy: SECRETS_HIDDEN, expect: "table_not_readable" },
  { name: "mysql.user", sql: "SELECT * FROM mysql.user", expect: "table_not_readable", message: "system catalog" },
  { name: "information_schema", sql: "SELECT * FROM information_schema.tables", expect: "table_not_readable" },
  { name: "performance_schema", sql: "SELECT * FROM performance_schema.threads", expect: "table_not_readable" },
  { name: "sys schema", sql: "SELECT * FROM sys.processlist", expect: "table_not_readable" },
  { name: "system catalogs allowed by policy", sql: "SELECT * FROM INFORMATION_SCHEMA.TABLES", policy: { read: [], write: [], allowSystemCatalogs: true }, expect: "select" },
  { name: "table names match exactly (case-sensitive servers)", sql: "SELECT * FROM Orders", policy: { read: ["orders"], write: [] }, expect: "table_not_readable" },
  { name: "CTE names match exactly", sql: "WITH Secrets AS (SELECT 1) SELECT * FROM secrets", policy: SECRETS_HIDDEN, expect: "table_not_readable" },
  { name: "qualified name is not the unqualified pattern", sql: "SELECT * FROM otherdb.orders", policy: { read: ["orders"], write: [] }, expect: "table_not_readable" },
];

const writes: GuardCase[] = [
  { name: "INSERT", sql: "INSERT INTO orders (id, total) VALUES (1, 2)", mode: "write", expect: "insert", tables: { read: [], write: ["orders"] } },
  { name: "INSERT ... SET", sql: "INSERT INTO orders SET id = 1, total = 2", mode: "write", expect: "insert" },
  { name: "INSERT into a table that is not writable", sql: "INSERT INTO audit (msg) VALUES ('x')", mode: "write", policy: { read: ["*"], write: ["orders"] }, expect: "table_not_writable", position: 12 },
  { name: "ON DUPLICATE KEY UPDATE on a writable table", sql: "INSERT INTO orders (id, total) VALUES (1, 2) ON DUPLICATE KEY UPDATE total = VALUES(total)", mode: "write", expect: "insert" },
  { name: "REPLACE INTO a writable table", sql: "REPLACE INTO orders (id, total) VALUES (1, 2)", mode: "write", expect: "insert", tables: { read: [], write: ["orders"] } },
  { name: "REPLACE INTO a table that is not writable", sql: "REPLACE INTO users (id) VALUES (1)", mode: "write", policy: { read: ["*"], write: ["orders"] }, expect: "table_not_writable" },
  { name: "UPDATE with WHERE and LIMIT", sql: "UPDATE orders SET total = 0 WHERE id = 3 LIMIT 1", mode: "write", expect: "update" },
  { name: "UPDATE without WHERE", sql: "UPDATE orders SET total = 0", mode: "write", expect: "missing_where", position: 7 },
  { name: "UPDATE WHERE 1", sql: "UPDATE orders SET total = 0 WHERE 1", mode: "write", expect: "missing_where" },
  { name: "DELETE WHERE 'a'='a'", sql: "DELETE FROM orders WHERE 'a' = 'a'", mode: "write", expect: "missing_where" },
  { name: "DELETE WHERE id = id", sql: "DELETE FROM orders WHERE id = id", mode: "write", expect: "delete" },
  { name: "DELETE with IN subquery", sql: "DELETE FROM orders WHERE id IN (SELECT order_id FROM items WHERE qty = 0)", mode: "write", expect: "delete", tables: { read: ["items"], write: ["orders"] } },
  { name: "DELETE whose WHERE only mentions another table", sql: "DELETE FROM orders WHERE EXISTS (SELECT 1 FROM items WHERE qty = 0)", mode: "write", expect: "missing_where" },
  { name: "multi-table UPDATE", sql: "UPDATE orders o JOIN items i ON i.order_id = o.id SET i.qty = 0 WHERE o.id = 1", mode: "write", expect: "forbidden_statement" },
  { name: "multi-table DELETE", sql: "DELETE o, i FROM orders o JOIN items i ON i.order_id = o.id WHERE o.id = 1", mode: "write", expect: "forbidden_statement" },
  { name: "INSERT ... SELECT from an unreadable table", sql: "INSERT INTO orders (note) SELECT token FROM secrets", mode: "write", policy: { read: ["orders"], write: ["orders"] }, expect: "table_not_readable" },
  { name: "read-only CTE feeding an UPDATE", sql: "WITH x AS (SELECT 1 AS id) UPDATE orders SET total = 0 WHERE id IN (SELECT id FROM x)", mode: "write", expect: "update" },
  { name: "forbidden function in an UPDATE", sql: "UPDATE orders SET note = LOAD_FILE('/etc/passwd') WHERE id = 1", mode: "write", expect: "forbidden_function" },
  { name: "system table never writable", sql: "UPDATE mysql.user SET Super_priv = 'Y' WHERE User = 'me'", mode: "write", policy: { read: ["*"], write: ["*"], allowSystemCatalogs: true }, expect: "table_not_writable" },
  { name: "TRUNCATE in write mode", sql: "TRUNCATE orders", mode: "write", expect: "forbidden_statement" },
];

describe("mysql guard", () => {
  it.each(innocent)("accepts: $name", run);
  it.each(stacked)("refuses hidden statements: $name", run);
  it.each(forbiddenStatements)("refuses statement: $name", run);
  it.each(forbiddenFunctions)("refuses function: $name", run);
  it.each(tables)("applies the table policy: $name", run);
  it.each(writes)("write mode: $name", run);
});
