/**
 * PostgreSQL name resolution, checked by the driver: the guard's function allowlist speaks of
 * built-in names (`lower`, `=`), but PostgreSQL picks a function or operator among *every*
 * candidate of that name on the search path, by argument types. With `public.lower(integer)` in
 * the database, `lower(1)` calls it even with pg_catalog searched first (pg_catalog has no
 * lower(integer), so the better match wins), and `1 ### 2` reaches `OPERATOR public.###`.
 *
 * So the driver pins `search_path = pg_catalog, public, pg_temp` (statements see built-ins first,
 * temp objects last) and, for every statement it runs, refuses it when any function, operator or
 * code-carrying type (domain, range) it names has a candidate outside pg_catalog on that path
 * that no extension installed. Without such a candidate, resolution can only land in
 * pg_catalog, which is what the allowlist means. Extension members (citext, PostGIS…) are
 * trusted like built-ins: only their owner can add objects to an extension.
 *
 * The check runs before the statement and again before COMMIT, so an overload created while
 * the statement ran is caught too and its effects rolled back.
 */
import type pg from "pg";
import { loadParsers, parsePostgres } from "@/server/sql/parsers";
import { runStatement } from "./postgres-protocol";
import { DriverError } from "./types";

export interface ResolvedNames {
  functions: Set<string>;
  operators: Set<string>;
  types: Set<string>;
  /** A name qualified with a schema other than pg_catalog (the guard refuses these already). */
  foreign: string | null;
}

type Json = Record<string, unknown>;

const isRecord = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value);

function stringsOf(list: unknown): string[] {
  if (!Array.isArray(list)) return [];
  return list.map((item) => (isRecord(item) && isRecord(item.String) && typeof item.String.sval === "string" ? item.String.sval : ""));
}

/** BETWEEN is written with one keyword but runs the comparison operators. */
const BETWEEN_KINDS = new Set(["AEXPR_BETWEEN", "AEXPR_NOT_BETWEEN", "AEXPR_BETWEEN_SYM", "AEXPR_NOT_BETWEEN_SYM"]);

function addName(into: Set<string>, names: ResolvedNames, parts: string[]): void {
  const last = parts[parts.length - 1];
  if (!last) return;
  if (parts.length === 1) into.add(last);
  else if (parts[0] !== "pg_catalog") names.foreign ??= parts.join(".");
}

function visit(node: unknown, names: ResolvedNames): void {
  if (Array.isArray(node)) {
    for (const item of node) visit(item, names);
    return;
  }
  if (!isRecord(node)) return;
  // A TypeName mostly appears untagged, as a field (TypeCast.typeName, ColumnDef.typeName…).
  if (Array.isArray(node.names) && "typemod" in node) addName(names.types, names, stringsOf(node.names));
  for (const [key, body] of Object.entries(node)) {
    if (isRecord(body)) collect(key, body, names);
    if (typeof body === "object" && body !== null) visit(body, names);
  }
}

/** What one node makes PostgreSQL look up by name. */
function collect(type: string, body: Json, names: ResolvedNames): void {
  switch (type) {
    case "FuncCall":
      return addName(names.functions, names, stringsOf(body.funcname));
    case "A_Expr":
      if (BETWEEN_KINDS.has(String(body.kind))) for (const op of ["<", "<=", ">", ">="]) names.operators.add(op);
      else addName(names.operators, names, stringsOf(body.name));
      return;
    case "SubLink":
      return addName(names.operators, names, stringsOf(body.operName));
    case "SortBy":
      return addName(names.operators, names, stringsOf(body.useOp));
    case "CaseExpr":
      if (body.arg !== undefined) names.operators.add("=");
      return;
    case "ColumnRef": {
      // Attribute notation: `t.f` is `f(t)` when t has no column f.
      const fields = stringsOf(body.fields);
      if (fields.length > 1 && fields[fields.length - 1]) names.functions.add(fields[fields.length - 1] ?? "");
      return;
    }
    case "A_Indirection":
      for (const field of stringsOf(body.indirection)) if (field) names.functions.add(field);
      return;
    default:
      return;
  }
}

function syntaxError(sql: string, error: unknown): DriverError {
  const details = isRecord(error) && isRecord(error.sqlDetails) ? error.sqlDetails : null;
  const reason = details && typeof details.message === "string" ? details.message : error instanceof Error ? error.message : String(error);
  // The parser counts code points; positions we report are UTF-16 offsets.
  const position = details && typeof details.cursorPosition === "number" ? Array.from(sql).slice(0, details.cursorPosition).join("").length : null;
  return new DriverError("syntax_error", `Syntax error: ${reason}.`, { position });
}

export async function namesToResolve(statements: readonly string[]): Promise<ResolvedNames> {
  await loadParsers();
  const names: ResolvedNames = { functions: new Set(), operators: new Set(), types: new Set(), foreign: null };
  for (const sql of statements) {
    let tree: unknown;
    try {
      tree = parsePostgres(sql);
    } catch (error) {
      // Names we cannot see cannot be checked: fail closed, with the parser's own message.
      throw syntaxError(sql, error);
    }
    visit(tree, names);
  }
  return names;
}

/** Every comparison in here is pinned to pg_catalog: it must not itself run user code. */
const SHADOW_SQL = `
SELECT c.kind, c.name, n.nspname::text
FROM (
  SELECT 'function'::text AS kind, p.proname::text AS name, p.pronamespace AS ns, p.oid, 'pg_catalog.pg_proc'::pg_catalog.regclass AS classid
    FROM pg_catalog.pg_proc p WHERE p.proname OPERATOR(pg_catalog.=) ANY ($1::pg_catalog.name[])
  UNION ALL
  SELECT 'operator', o.oprname::text, o.oprnamespace, o.oid, 'pg_catalog.pg_operator'::pg_catalog.regclass
    FROM pg_catalog.pg_operator o WHERE o.oprname OPERATOR(pg_catalog.=) ANY ($2::pg_catalog.name[])
  UNION ALL
  SELECT 'type', t.typname::text, t.typnamespace, t.oid, 'pg_catalog.pg_type'::pg_catalog.regclass
    FROM pg_catalog.pg_type t WHERE t.typname OPERATOR(pg_catalog.=) ANY ($3::pg_catalog.name[])
      AND t.typtype OPERATOR(pg_catalog.=) ANY (ARRAY['d', 'r', 'm']::pg_catalog."char"[])
) c
JOIN pg_catalog.pg_namespace n ON n.oid OPERATOR(pg_catalog.=) c.ns
WHERE n.nspname OPERATOR(pg_catalog.<>) 'pg_catalog'
  AND n.nspname OPERATOR(pg_catalog.=) ANY (pg_catalog.current_schemas(false))
  AND NOT EXISTS (
    SELECT FROM pg_catalog.pg_depend d
    WHERE d.classid OPERATOR(pg_catalog.=) c.classid AND d.objid OPERATOR(pg_catalog.=) c.oid AND d.deptype OPERATOR(pg_catalog.=) 'e'
  )
LIMIT 1`;

const KIND_WORDS: Record<string, string> = { function: "function", operator: "operator", type: "type" };

/** Throws when a name the statement uses could resolve to an object outside pg_catalog. */
export async function checkResolution(client: pg.ClientBase, names: ResolvedNames): Promise<void> {
  if (names.foreign !== null) {
    throw new DriverError("forbidden_function", `${names.foreign} is outside pg_catalog; Rowcraft queries may only use built-in functions, operators and types.`);
  }
  if (names.functions.size + names.operators.size + names.types.size === 0) return;
  const found = await runStatement(client, SHADOW_SQL, [[...names.functions], [...names.operators], [...names.types]]);
  const row = found.rows[0];
  if (!row) return;
  const [kind, name, schema] = row.map(String);
  const word = KIND_WORDS[kind ?? ""] ?? "object";
  throw new DriverError(
    "forbidden_function",
    `This database has a user-defined ${word} ${schema}.${name} besides the built-in one, and PostgreSQL may pick it instead, so Rowcraft did not run the query. ` +
      `Ask the database owner to remove or rename it, or to keep users from creating objects in ${schema} (REVOKE CREATE ON SCHEMA ${schema} FROM PUBLIC).`,
  );
}
