// Checks one MySQL or SQLite statement, as parsed by sqlparser-rs, against the read/write rules.
// The statement and query structure (Query, Select, FROM items, INSERT/UPDATE/DELETE) is walked
// with explicit handlers that refuse any clause they do not know; expressions are walked
// generically, recognising functions, parameters, variables and nested queries by shape.
import type { CheckContext } from "../context";
import { fail, IDENTIFIER_TEMPLATE_MESSAGE } from "../errors";
import { asArray, isEmpty, isRecord, tagged, type JsonRecord } from "../json";
import { findWords, type Word } from "../lexer";
import type { TextPositions } from "../positions";
import type { StatementKind } from "../types";
import { spanRange, type WriteShape } from "../write-shape";
import { sqlparserProjection } from "./projection";
import { requireWhere, returningRefusal, type WriteTarget } from "./where";

type Scope = ReadonlySet<string>;
const NO_CTES: Scope = new Set();

const QUERY_KEYS = new Set(["with", "body", "order_by", "limit_clause", "fetch", "locks", "for_clause", "settings", "format_clause", "pipe_operators"]);
const SELECT_KEYS = new Set([
  "select_token", "optimizer_hints", "distinct", "top", "top_before_distinct", "projection", "exclude", "into", "from",
  "lateral_views", "prewhere", "selection", "group_by", "cluster_by", "distribute_by", "sort_by", "having",
  "named_window", "qualify", "window_before_qualify", "value_table_mode", "connect_by", "flavor",
  "select_modifiers", // MySQL SQL_CALC_FOUND_ROWS, STRAIGHT_JOIN, SQL_NO_CACHE…: planner hints, harmless
]);
const TABLE_KEYS = new Set(["name", "alias", "args", "with_hints", "version", "with_ordinality", "partitions", "json_path", "sample", "index_hints"]);
const INSERT_KEYS = new Set([
  "insert_token", "optimizer_hints", "or", "ignore", "into", "table", "table_alias", "columns", "overwrite", "source",
  "assignments", "after_columns", "has_table_keyword", "on", "returning", "replace_into", "priority", "insert_alias",
]);
const UPDATE_KEYS = new Set(["update_token", "optimizer_hints", "table", "assignments", "from", "selection", "returning", "or", "limit", "order_by"]);
const DELETE_KEYS = new Set(["delete_token", "optimizer_hints", "tables", "from", "using", "selection", "returning", "order_by", "limit"]);

export class SqlparserChecker {
  constructor(
    private readonly ctx: CheckContext,
    private readonly positions: TextPositions,
    private readonly words: readonly Word[],
  ) {}

  checkStatement(stmt: unknown): StatementKind {
    const node = tagged(stmt);
    if (!node || !isRecord(node[1])) fail("syntax_error", "The statement could not be read.", this.ctx.statementPosition);
    const [type, body] = node;
    const writes = type === "Insert" || type === "Update" || type === "Delete";
    if (this.ctx.mode === "read") {
      if (type === "Query" && !isDml(body.body)) {
        this.query(body, NO_CTES);
        if (this.ctx.dialect !== "postgres") this.ctx.projection = sqlparserProjection(body, this.ctx.dialect);
        return "select";
      }
      if (writes || type === "Query") this.ctx.forbidden("This statement changes data; this query runs in read mode, which allows only SELECT.", null);
      this.ctx.forbidden(`${type} statements are not allowed in Rowcraft queries; a read query must be one SELECT.`, null);
    }
    if (writes) return this.write(type, body, NO_CTES);
    if (type === "Query" && isDml(body.body)) {
      // WITH ... INSERT/UPDATE/DELETE: read-only CTEs feeding one write.
      for (const key in body) {
        if (key !== "with" && key !== "body" && !isEmpty(body[key])) this.ctx.forbidden("This query shape is not supported by Rowcraft's guard.", null);
      }
      const scope = isRecord(body.with) ? this.withClause(body.with, NO_CTES) : NO_CTES;
      const inner = tagged(tagged(body.body)?.[1]);
      if (!inner || !isRecord(inner[1])) fail("syntax_error", "The statement could not be read.", null);
      return this.write(inner[0], inner[1], scope);
    }
    if (type === "Query") this.ctx.forbidden("Write mode expects one INSERT, UPDATE or DELETE; run SELECT queries in read mode.", null);
    this.ctx.forbidden(`${type} statements are not allowed in Rowcraft queries; write mode allows one INSERT, UPDATE or DELETE.`, null);
  }

  private spanStart(value: unknown): number | null {
    if (!isRecord(value) || !isRecord(value.span) || !isRecord(value.span.start)) return null;
    const { line, column } = value.span.start;
    return typeof line === "number" && typeof column === "number" ? this.positions.fromLineColumn(line, column) : null;
  }

  /** ObjectName ([{Identifier: Ident}, …]) → parts and position; null for shapes we do not accept. */
  private objectName(value: unknown): { parts: string[]; position: number | null } | null {
    const parts: string[] = [];
    let position: number | null = null;
    for (const part of asArray(value)) {
      const ident = tagged(part);
      if (!ident || ident[0] !== "Identifier" || !isRecord(ident[1]) || typeof ident[1].value !== "string") return null;
      parts.push(ident[1].value);
      position ??= this.spanStart(ident[1]);
    }
    return parts.length > 0 ? { parts, position } : null;
  }

  private unknownKeys(body: JsonRecord, known: ReadonlySet<string>, what: string): void {
    for (const key in body) {
      if (!known.has(key) && !isEmpty(body[key])) this.ctx.forbidden(`${what} uses a clause (${key}) that Rowcraft's guard does not support.`, null);
    }
  }

  private query(q: JsonRecord, scope: Scope): void {
    this.unknownKeys(q, QUERY_KEYS, "This query");
    if (!isEmpty(q.locks)) {
      const at = findWords(this.words, "FOR", "UPDATE") ?? findWords(this.words, "FOR", "SHARE") ?? findWords(this.words, "LOCK", "IN");
      this.ctx.forbidden("Locking clauses (FOR UPDATE, FOR SHARE, LOCK IN SHARE MODE) are not allowed; remove them.", at);
    }
    for (const key of ["for_clause", "settings", "format_clause", "pipe_operators"]) {
      if (!isEmpty(q[key])) this.ctx.forbidden(`This query uses a clause (${key}) that Rowcraft's guard does not support.`, null);
    }
    const inner = isRecord(q.with) ? this.withClause(q.with, scope) : scope;
    this.setExpr(q.body, inner);
    if (isRecord(q.order_by) && isRecord(q.order_by.kind)) {
      for (const item of asArray(q.order_by.kind.Expressions)) {
        if (isRecord(item)) this.noBarePlaceholder(item.expr);
      }
    }
    this.expr(q.order_by, inner);
    this.expr(q.limit_clause, inner);
    this.expr(q.fetch, inner);
  }

  private withClause(clause: JsonRecord, scope: Scope): Scope {
    const names = new Set(scope);
    const ctes = asArray(clause.cte_tables).filter(isRecord);
    const nameOf = (cte: JsonRecord): string =>
      isRecord(cte.alias) && isRecord(cte.alias.name) && typeof cte.alias.name.value === "string" ? this.cteKey(cte.alias.name.value) : "";
    if (clause.recursive === true) for (const cte of ctes) names.add(nameOf(cte));
    for (const cte of ctes) {
      if (!isRecord(cte.query)) this.ctx.forbidden("This WITH clause is not supported by Rowcraft's guard.", null);
      this.query(cte.query, new Set(names));
      names.add(nameOf(cte));
    }
    return names;
  }

  private setExpr(value: unknown, scope: Scope): void {
    const node = tagged(value);
    if (!node || !isRecord(node[1])) this.ctx.forbidden("This query shape is not supported by Rowcraft's guard.", null);
    const [type, body] = node;
    switch (type) {
      case "Select":
        return this.select(body, scope);
      case "Query":
        return this.query(body, scope);
      case "SetOperation":
        this.setExpr(body.left, scope);
        return this.setExpr(body.right, scope);
      case "Values":
        return this.expr(body.rows, scope);
      case "Insert":
      case "Update":
      case "Delete":
      case "Merge":
        this.ctx.forbidden("Data-modifying statements inside a query are not allowed; keep it to one plain statement.", null);
      // falls through: forbidden() never returns
      default:
        this.ctx.forbidden(`${type} is not supported in Rowcraft queries.`, null);
    }
  }

  private select(s: JsonRecord, scope: Scope): void {
    this.unknownKeys(s, SELECT_KEYS, "This SELECT");
    if (!isEmpty(s.into)) this.ctx.forbidden("SELECT ... INTO is not allowed; remove INTO to just read the rows.", findWords(this.words, "INTO"));
    if (!isEmpty(s.optimizer_hints)) this.ctx.forbidden("Optimizer hints are not allowed; remove the hint comment.", null);
    for (const key of ["lateral_views", "prewhere", "cluster_by", "distribute_by", "sort_by", "connect_by"]) {
      if (!isEmpty(s[key])) this.ctx.forbidden(`This SELECT uses a clause (${key}) that Rowcraft's guard does not support.`, null);
    }
    for (const twj of asArray(s.from)) this.tableWithJoins(twj, scope);
    if (isRecord(s.group_by)) {
      const groups = asArray(s.group_by.Expressions)[0];
      for (const item of asArray(groups)) this.noBarePlaceholder(item);
    }
    // Everything else is walked as expressions, so a function or subquery in any clause is seen.
    for (const key in s) if (key !== "from" && key !== "select_token") this.expr(s[key], scope);
  }

  private noBarePlaceholder(expr: unknown): void {
    const value = tagged(expr);
    if (value?.[0] === "Value" && isRecord(value[1]) && isRecord(value[1].value) && "Placeholder" in value[1].value) {
      fail("identifier_template", IDENTIFIER_TEMPLATE_MESSAGE, this.spanStart(value[1]));
    }
  }

  private tableWithJoins(value: unknown, scope: Scope): void {
    if (!isRecord(value)) return;
    this.tableFactor(value.relation, scope);
    for (const join of asArray(value.joins)) {
      if (!isRecord(join)) continue;
      this.tableFactor(join.relation, scope);
      this.expr(join.join_operator, scope);
    }
  }

  private tableFactor(value: unknown, scope: Scope): void {
    const node = tagged(value);
    if (!node || !isRecord(node[1])) this.ctx.forbidden("This FROM item is not supported by Rowcraft's guard.", null);
    const [type, body] = node;
    if (type === "Table") {
      this.unknownKeys(body, TABLE_KEYS, "This table reference");
      const name = this.objectName(body.name);
      if (!name) this.ctx.forbidden("This table name is not supported by Rowcraft's guard.", null);
      if (!isEmpty(body.args)) {
        // Table-valued function (json_each(...), pragma_table_info(...)): a function call.
        this.ctx.checkFunction(name.parts, name.position);
        this.expr(body.args, scope);
        return;
      }
      this.tableRef(name.parts, name.position, scope);
      for (const key of ["sample", "version", "json_path"]) this.expr(body[key], scope);
      return;
    }
    if (type === "Derived") {
      if (isRecord(body.subquery)) return this.query(body.subquery, scope);
    } else if (type === "NestedJoin") {
      return this.tableWithJoins(body.table_with_joins, scope);
    } else if (type === "JsonTable") {
      return this.expr(body.json_expr, scope);
    }
    this.ctx.forbidden(`This kind of FROM item (${type}) is not supported in Rowcraft queries.`, null);
  }

  /**
   * How CTE names compare. SQLite: case-insensitively. MySQL: exactly, because on a
   * case-sensitive server `secrets` would not be the CTE `Secrets` but the real table; treating
   * it as a table can only refuse more.
   */
  private cteKey(name: string): string {
    return this.ctx.dialect === "sqlite" ? name.toLowerCase() : name;
  }

  private tableRef(parts: readonly string[], position: number | null, scope: Scope): void {
    const last = parts[parts.length - 1] ?? "";
    if (parts.length === 1 && scope.has(this.cteKey(last))) return; // a CTE, not a table
    if (parts.length === 1 && this.ctx.dialect === "mysql" && last.toUpperCase() === "DUAL") return; // MySQL's dummy table
    if (parts.length > 2) fail("table_not_readable", `Table ${parts.join(".")} has too many name parts; write schema.table.`, position);
    this.ctx.readTable({ schema: parts.length === 2 ? (parts[0] ?? null) : null, name: last }, position);
  }

  /** Generic walk over expressions: functions, parameters, variables and nested queries. */
  private expr(value: unknown, scope: Scope): void {
    if (Array.isArray(value)) {
      for (const item of value) this.expr(item, scope);
      return;
    }
    if (!isRecord(value)) return;
    if ("body" in value && "locks" in value) return this.query(value, scope);
    if ("projection" in value && "from" in value) return this.select(value, scope);
    for (const key in value) {
      const child = value[key];
      if (key === "span" || typeof child !== "object" || child === null) continue;
      if (key === "Function" && isRecord(child) && "name" in child) {
        this.functionCall(child, scope);
        continue;
      }
      if (key === "Value" && isRecord(child) && isRecord(child.value)) {
        if ("Placeholder" in child.value) {
          const at = this.spanStart(child);
          if (at !== null) this.ctx.parameterPositions.push(at);
        }
        continue;
      }
      if (key === "Identifier" && isRecord(child)) this.variableCheck(child);
      if (key === "CompoundIdentifier") this.variableCheck(asArray(child)[0]);
      if (key === "BinaryOp" && isRecord(child) && child.op === "Assignment") {
        this.ctx.forbidden("Assigning variables (:=) is not allowed in Rowcraft queries.", this.firstSpan(child));
      }
      this.expr(child, scope);
    }
  }

  /** MySQL @user and @@system variables: session state, and a channel between queries on a pooled connection. */
  private variableCheck(ident: unknown): void {
    if (!isRecord(ident) || typeof ident.value !== "string" || !isEmpty(ident.quote_style)) return;
    if (ident.value.startsWith("@")) {
      this.ctx.forbidden(`Variables like ${ident.value} are not allowed in Rowcraft queries; use a {{ template }} for values.`, this.spanStart(ident));
    }
  }

  private firstSpan(value: unknown): number | null {
    if (Array.isArray(value)) {
      for (const item of value) {
        const found = this.firstSpan(item);
        if (found !== null) return found;
      }
      return null;
    }
    if (!isRecord(value)) return null;
    const own = this.spanStart(value);
    if (own !== null) return own;
    for (const key in value) {
      const found = this.firstSpan(value[key]);
      if (found !== null) return found;
    }
    return null;
  }

  private functionCall(fn: JsonRecord, scope: Scope): void {
    const name = this.objectName(fn.name);
    if (!name) this.ctx.forbidden("This function call is not supported by Rowcraft's guard.", this.firstSpan(fn));
    this.ctx.checkFunction(name.parts, name.position);
    for (const key in fn) if (key !== "name") this.expr(fn[key], scope);
  }

  // ---- write statements -------------------------------------------------------------------

  private write(type: string, body: JsonRecord, scope: Scope): StatementKind {
    if (!isEmpty(body.optimizer_hints)) this.ctx.forbidden("Optimizer hints are not allowed; remove the hint comment.", null);
    if (type === "Insert") return this.insert(body, scope);
    if (type === "Update") return this.update(body, scope);
    if (type === "Delete") return this.delete(body, scope);
    this.ctx.forbidden(`${type} statements are not allowed in Rowcraft queries; write mode allows one INSERT, UPDATE or DELETE.`, null);
  }

  private target(nameValue: unknown, alias: unknown): WriteTarget {
    const name = this.objectName(nameValue);
    if (!name || name.parts.length > 2) this.ctx.forbidden("This table name is not supported by Rowcraft's guard.", name?.position ?? null);
    const last = name.parts[name.parts.length - 1] ?? "";
    const ref = { schema: name.parts.length === 2 ? (name.parts[0] ?? null) : null, name: last };
    const table = this.ctx.writeTable(ref, name.position);
    const names = new Set([last.toLowerCase()]);
    const aliasName = isRecord(alias) && isRecord(alias.name) ? alias.name.value : isRecord(alias) ? alias.value : null;
    if (typeof aliasName === "string") names.add(aliasName.toLowerCase());
    return { names, display: table.display, position: name.position, ref, alias: typeof aliasName === "string" ? aliasName : null };
  }

  private recordShape(kind: WriteShape["kind"], target: WriteTarget, where: unknown, from: unknown, returning: unknown): void {
    this.ctx.writeShape = {
      kind,
      target: { schema: target.ref.schema, name: target.ref.name, alias: target.alias, only: false, position: target.position },
      where: kind === "insert" ? null : spanRange(where, this.positions),
      from: spanRange(from, this.positions),
      hasReturning: !isEmpty(returning),
    };
  }

  /** A single plain table (no joins, no function) as UPDATE/DELETE target. */
  private singleTable(twj: unknown, what: string): WriteTarget {
    const relation = isRecord(twj) ? tagged(twj.relation) : null;
    if (!isRecord(twj) || !isEmpty(twj.joins) || !relation || relation[0] !== "Table" || !isRecord(relation[1]) || !isEmpty(relation[1].args)) {
      this.ctx.forbidden(`Multi-table ${what} is not supported; change one table and use a subquery in WHERE to involve others.`, null);
    }
    return this.target(relation[1].name, relation[1].alias);
  }

  private insert(body: JsonRecord, scope: Scope): StatementKind {
    this.unknownKeys(body, INSERT_KEYS, "This INSERT");
    const table = tagged(body.table);
    if (!table || table[0] !== "TableName") this.ctx.forbidden("INSERT must name a table directly.", null);
    const target = this.target(table[1], body.table_alias);
    if (isRecord(body.source)) this.query(body.source, scope);
    this.expr(body.assignments, scope);
    this.expr(body.on, scope);
    this.returning(body.returning, target, scope);
    this.recordShape("insert", target, null, null, body.returning);
    return "insert";
  }

  private update(body: JsonRecord, scope: Scope): StatementKind {
    this.unknownKeys(body, UPDATE_KEYS, "This UPDATE");
    const target = this.singleTable(body.table, "UPDATE");
    this.expr(body.assignments, scope);
    const from = tagged(body.from);
    if (from) for (const twj of asArray(from[1])) this.tableWithJoins(twj, scope);
    this.expr(body.selection, scope);
    this.expr([body.order_by, body.limit], scope);
    requireWhere(body.selection, target, "UPDATE", (v) => this.firstSpan(v));
    this.returning(body.returning, target, scope);
    this.recordShape("update", target, body.selection, from?.[1] ?? null, body.returning);
    return "update";
  }

  private delete(body: JsonRecord, scope: Scope): StatementKind {
    this.unknownKeys(body, DELETE_KEYS, "This DELETE");
    const from = tagged(body.from);
    const tables = from ? asArray(from[1]) : [];
    if (!isEmpty(body.tables) || tables.length !== 1) {
      this.ctx.forbidden("Multi-table DELETE is not supported; delete from one table and use a subquery in WHERE to involve others.", null);
    }
    const target = this.singleTable(tables[0], "DELETE");
    for (const twj of asArray(body.using)) this.tableWithJoins(twj, scope);
    this.expr(body.selection, scope);
    this.expr([body.order_by, body.limit], scope);
    requireWhere(body.selection, target, "DELETE", (v) => this.firstSpan(v));
    this.returning(body.returning, target, scope);
    this.recordShape("delete", target, body.selection, body.using, body.returning);
    return "delete";
  }

  private returning(items: unknown, target: WriteTarget, scope: Scope): void {
    if (isEmpty(items)) return;
    this.ctx.readTable(target.ref, target.position); // RETURNING shows rows: the table must be readable
    const refusal = returningRefusal(items, target.names);
    if (refusal) this.ctx.forbidden(refusal, this.firstSpan(items));
    this.expr(items, scope);
  }
}

function isDml(body: unknown): boolean {
  const type = tagged(body)?.[0];
  return type === "Insert" || type === "Update" || type === "Delete" || type === "Merge";
}
