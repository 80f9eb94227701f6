// Checks one PostgreSQL statement, as parsed by libpg-query, against the read/write rules:
// statement kind, data-modifying CTEs, SELECT INTO, locking clauses, the function allowlist,
// the table policy (with CTE scoping, so a CTE named like a real table hides it only where SQL
// says it does), RETURNING and the WHERE rule for UPDATE/DELETE. It also records every ParamRef
// so the guard can verify each template became a value.
import type { CheckContext } from "../context";
import { fail, IDENTIFIER_TEMPLATE_MESSAGE } from "../errors";
import { asArray, asString, isEmpty, isRecord, stringNode, tagged, type JsonRecord } from "../json";
import type { Word } from "../lexer";
import { findWords } from "../lexer";
import type { TextPositions } from "../positions";
import type { StatementKind } from "../types";
import { locationRange, type WriteShape } from "../write-shape";
import { ALLOWED_NODES, statementName } from "./nodes";
import { postgresProjection } from "./projection";

type Scope = ReadonlySet<string>;
const NO_CTES: Scope = new Set();

const isNodeType = (key: string): boolean => {
  const c = key.charCodeAt(0);
  return c >= 65 && c <= 90;
};

export class PostgresChecker {
  constructor(
    private readonly ctx: CheckContext,
    private readonly positions: TextPositions,
    private readonly words: readonly Word[],
  ) {}

  /** Checks the single statement of a parse result and returns its kind. */
  checkStatement(stmt: unknown): StatementKind {
    const node = tagged(stmt);
    if (!node || !isRecord(node[1])) fail("syntax_error", "The statement could not be read.", this.ctx.statementPosition);
    const [type, body] = node;
    const writes = type === "InsertStmt" || type === "UpdateStmt" || type === "DeleteStmt";
    if (this.ctx.mode === "read") {
      if (type === "SelectStmt") {
        this.select(body, NO_CTES);
        this.ctx.projection = postgresProjection(body);
        return "select";
      }
      if (writes) {
        const verb = type.replace("Stmt", "").toUpperCase();
        this.ctx.forbidden(`${verb} changes data; this query runs in read mode, which allows only SELECT.`, null);
      }
      this.ctx.forbidden(`${statementName(type)} statements are not allowed in Rowcraft queries; a read query must be one SELECT.`, null);
    }
    if (type === "InsertStmt") return this.insert(body);
    if (type === "UpdateStmt") return this.update(body);
    if (type === "DeleteStmt") return this.delete(body);
    if (type === "SelectStmt") this.ctx.forbidden("Write mode expects one INSERT, UPDATE or DELETE; run SELECT queries in read mode.", null);
    this.ctx.forbidden(`${statementName(type)} statements are not allowed in Rowcraft queries; write mode allows one INSERT, UPDATE or DELETE.`, null);
  }

  private loc(body: JsonRecord): number | null {
    const location = body.location;
    return typeof location === "number" ? this.positions.fromByteOffset(location) : null;
  }

  /** First location found anywhere inside `value` (for clauses whose own node has none). */
  private firstLoc(value: unknown): number | null {
    if (Array.isArray(value)) {
      for (const item of value) {
        const found = this.firstLoc(item);
        if (found !== null) return found;
      }
      return null;
    }
    if (!isRecord(value)) return null;
    const own = this.loc(value);
    if (own !== null) return own;
    for (const key in value) {
      const found = this.firstLoc(value[key]);
      if (found !== null) return found;
    }
    return null;
  }

  private visit(value: unknown, scope: Scope): void {
    if (Array.isArray(value)) {
      for (const item of value) this.visit(item, scope);
      return;
    }
    if (!isRecord(value)) return;
    const node = tagged(value);
    if (node && isNodeType(node[0])) {
      if (isRecord(node[1])) this.node(node[0], node[1], scope);
      return;
    }
    this.fields(value, scope);
  }

  /** A struct that libpg-query emits without a type wrapper (alias, typeName, over, …). */
  private fields(body: JsonRecord, scope: Scope): void {
    if (typeof body.relname === "string") {
      this.rangeVar(body, scope);
      return;
    }
    for (const key in body) {
      if (key === "withClause" || key === "intoClause" || key === "lockingClause") {
        // Only reachable outside the statement handlers, i.e. somewhere we did not expect them.
        this.ctx.forbidden("This query shape is not supported by Rowcraft's guard.", this.firstLoc(body));
      }
      const child = body[key];
      if (typeof child === "object" && child !== null) this.visit(child, scope);
    }
  }

  private node(type: string, body: JsonRecord, scope: Scope): void {
    switch (type) {
      case "SelectStmt":
        return this.select(body, scope);
      case "RangeVar":
        return this.rangeVar(body, scope);
      case "FuncCall":
        return this.funcCall(body, scope);
      case "ParamRef":
        return this.paramRef(body);
      case "SortBy":
        if (tagged(body.node)?.[0] === "ParamRef") this.identifierTemplate(body.node);
        return this.fields(body, scope);
      case "A_Indirection":
        // "{{ t }}.col" parses as a field of the parameter: the user meant a table name.
        if (tagged(body.arg)?.[0] === "ParamRef" && asArray(body.indirection).some((i) => tagged(i)?.[0] === "String")) {
          this.identifierTemplate(body.arg);
        }
        return this.fields(body, scope);
      case "A_Expr":
        return this.operator(body, scope);
      case "TypeCast":
        // libpg-query accepts "typename $1" (its grammar parses normalised queries), PostgreSQL
        // does not: "ORDER BY id {{dir}}" would pass here and fail on the server.
        if (tagged(body.arg)?.[0] === "ParamRef" && isRecord(body.typeName)) {
          const typeAt = this.loc(body.typeName);
          const paramBody = tagged(body.arg)?.[1];
          const paramAt = isRecord(paramBody) ? this.loc(paramBody) : null;
          if (typeAt !== null && paramAt !== null && typeAt < paramAt) {
            fail("identifier_template", "A template cannot follow a type name (as in date {{ d }} or ORDER BY id {{ dir }}); write {{ d }}::date for typed values, and sort directions in the SQL itself.", paramAt);
          }
        }
        return this.fields(body, scope);
      case "RangeTableSample":
        return this.tableSample(body, scope);
      case "InsertStmt":
      case "UpdateStmt":
      case "DeleteStmt":
      case "MergeStmt":
        this.ctx.forbidden(
          "Data-modifying statements inside a query (for example INSERT/UPDATE/DELETE in a WITH clause) are not allowed; keep it to one plain statement.",
          this.firstLoc(body),
        );
      // falls through: forbidden() never returns
      default:
        if (!ALLOWED_NODES.has(type)) {
          this.ctx.forbidden(`${statementName(type)} is not supported in Rowcraft queries.`, this.firstLoc(body));
        }
        return this.fields(body, scope);
    }
  }

  private identifierTemplate(param: unknown): never {
    const body = tagged(param)?.[1];
    fail("identifier_template", IDENTIFIER_TEMPLATE_MESSAGE, isRecord(body) ? this.loc(body) : null);
  }

  private paramRef(body: JsonRecord): void {
    const position = this.loc(body);
    if (position !== null) this.ctx.parameterPositions.push(position);
  }

  private select(body: JsonRecord, scope: Scope): void {
    if (!isEmpty(body.intoClause)) {
      this.ctx.forbidden("SELECT ... INTO creates a table; remove INTO to just read the rows.", findWords(this.words, "INTO"));
    }
    if (!isEmpty(body.lockingClause)) {
      this.ctx.forbidden(
        "Locking clauses (FOR UPDATE, FOR SHARE, FOR NO KEY UPDATE, FOR KEY SHARE) are not allowed; remove them.",
        findWords(this.words, "FOR", "UPDATE") ?? findWords(this.words, "FOR", "SHARE") ?? findWords(this.words, "FOR", "NO") ?? findWords(this.words, "FOR", "KEY"),
      );
    }
    const inner = isRecord(body.withClause) ? this.withClause(body.withClause, scope) : scope;
    for (const key in body) {
      if (key === "withClause" || key === "intoClause" || key === "lockingClause") continue;
      if (key === "groupClause") {
        for (const item of asArray(body.groupClause)) if (tagged(item)?.[0] === "ParamRef") this.identifierTemplate(item);
      }
      this.visit(body[key], inner);
    }
  }

  /** Checks the CTE bodies and returns the scope (CTE names) for the statement that follows. */
  private withClause(clause: JsonRecord, scope: Scope): Scope {
    const names = new Set(scope);
    const ctes = asArray(clause.ctes).map((c) => tagged(c)?.[1]).filter(isRecord);
    // A recursive WITH sees all its names everywhere; a plain one only the earlier ones.
    if (clause.recursive === true) for (const cte of ctes) names.add(asString(cte.ctename) ?? "");
    for (const cte of ctes) {
      const query = tagged(cte.ctequery);
      if (!query || query[0] !== "SelectStmt" || !isRecord(query[1])) {
        this.ctx.forbidden(
          "Data-modifying statements in WITH (INSERT, UPDATE or DELETE inside a CTE) are not allowed; keep it to one plain statement.",
          this.loc(cte),
        );
      }
      this.select(query[1], new Set(names));
      names.add(asString(cte.ctename) ?? "");
    }
    return names;
  }

  private rangeVar(body: JsonRecord, scope: Scope): void {
    const name = asString(body.relname) ?? "";
    const schema = asString(body.schemaname);
    const catalog = asString(body.catalogname);
    if (!schema && !catalog && scope.has(name)) return; // a CTE, not a table
    this.ctx.readTable({ catalog, schema, name }, this.loc(body));
  }

  private funcCall(body: JsonRecord, scope: Scope): void {
    const parts = asArray(body.funcname).map((p) => stringNode(p) ?? "");
    this.ctx.checkFunction(parts, this.loc(body));
    for (const key in body) if (key !== "funcname") this.visit(body[key], scope);
  }

  private operator(body: JsonRecord, scope: Scope): void {
    const name = asArray(body.name).map((p) => stringNode(p) ?? "");
    // OPERATOR(myschema.===) reaches a user-defined operator and so a user-defined function.
    if (name.length > 1 && name[0] !== "pg_catalog") {
      fail("forbidden_function", `Operator OPERATOR(${name.join(".")}) is not allowed in Rowcraft queries.`, this.loc(body));
    }
    this.fields(body, scope);
  }

  private tableSample(body: JsonRecord, scope: Scope): void {
    const method = asArray(body.method).map(stringNode);
    if (method.length !== 1 || (method[0] !== "system" && method[0] !== "bernoulli")) {
      fail("forbidden_function", `TABLESAMPLE method ${method.join(".")} is not allowed; use SYSTEM or BERNOULLI.`, this.loc(body));
    }
    for (const key in body) if (key !== "method") this.visit(body[key], scope);
  }

  // ---- write statements -------------------------------------------------------------------

  private target(body: JsonRecord): { names: Set<string>; display: string; position: number | null; schema: string | null; shape: WriteShape["target"] } {
    const relation = isRecord(body.relation) ? body.relation : {};
    const name = asString(relation.relname) ?? "";
    const schema = asString(relation.schemaname);
    const position = this.loc(relation);
    const table = this.ctx.writeTable({ catalog: asString(relation.catalogname), schema, name }, position);
    const names = new Set([name]);
    const alias = isRecord(relation.alias) ? asString(relation.alias.aliasname) : null;
    if (alias) names.add(alias);
    // libpg-query leaves `inh` out when it is false, i.e. for ONLY.
    return { names, display: table.display, position, schema, shape: { schema, name, alias, only: relation.inh !== true, position } };
  }

  private recordShape(kind: WriteShape["kind"], body: JsonRecord, target: { shape: WriteShape["target"] }, from: unknown): void {
    const returning = isRecord(body.returningClause) ? body.returningClause.exprs : null;
    this.ctx.writeShape = {
      kind,
      target: target.shape,
      where: kind === "insert" ? null : locationRange(body.whereClause, this.positions),
      from: locationRange(from, this.positions),
      hasReturning: !isEmpty(returning),
    };
  }

  private insert(body: JsonRecord): StatementKind {
    const scope = isRecord(body.withClause) ? this.withClause(body.withClause, NO_CTES) : NO_CTES;
    const target = this.target(body);
    for (const key in body) {
      if (key === "withClause" || key === "relation" || key === "returningClause") continue;
      this.visit(body[key], scope);
    }
    this.returning(body.returningClause, target, scope);
    this.recordShape("insert", body, target, null);
    return "insert";
  }

  private update(body: JsonRecord): StatementKind {
    const scope = isRecord(body.withClause) ? this.withClause(body.withClause, NO_CTES) : NO_CTES;
    const target = this.target(body);
    for (const key in body) {
      if (key === "withClause" || key === "relation" || key === "returningClause") continue;
      this.visit(body[key], scope);
    }
    this.requireWhere(body.whereClause, target, "UPDATE", "change");
    this.returning(body.returningClause, target, scope);
    this.recordShape("update", body, target, body.fromClause);
    return "update";
  }

  private delete(body: JsonRecord): StatementKind {
    const scope = isRecord(body.withClause) ? this.withClause(body.withClause, NO_CTES) : NO_CTES;
    const target = this.target(body);
    for (const key in body) {
      if (key === "withClause" || key === "relation" || key === "returningClause") continue;
      this.visit(body[key], scope);
    }
    this.requireWhere(body.whereClause, target, "DELETE", "delete");
    this.returning(body.returningClause, target, scope);
    this.recordShape("delete", body, target, body.usingClause);
    return "delete";
  }

  /** UPDATE/DELETE must have a WHERE that names a column of the target (not `WHERE true`). */
  private requireWhere(where: unknown, target: { names: Set<string>; display: string; position: number | null }, verb: string, action: string): void {
    if (isEmpty(where)) {
      fail("missing_where", `${verb} without WHERE would ${action} every row of ${target.display}; add a WHERE clause on its columns.`, target.position);
    }
    if (!this.referencesTarget(where, target.names, false)) {
      fail(
        "missing_where",
        `The WHERE clause of this ${verb} does not mention any column of ${target.display}, so it would ${action} every row or none; compare a column of ${target.display}.`,
        this.firstLoc(where) ?? target.position,
      );
    }
  }

  private referencesTarget(value: unknown, names: ReadonlySet<string>, insideSubquery: boolean): boolean {
    if (Array.isArray(value)) return value.some((v) => this.referencesTarget(v, names, insideSubquery));
    if (!isRecord(value)) return false;
    const node = tagged(value);
    if (node && node[0] === "ColumnRef" && isRecord(node[1])) {
      const fields = asArray(node[1].fields).map(stringNode);
      const qualifier = fields[0];
      // Unqualified names count only at the top level: inside a subquery they belong to its own FROM.
      if (fields.length === 1) return !insideSubquery && qualifier !== null;
      return fields.length >= 2 && qualifier !== null && qualifier !== undefined && names.has(qualifier);
    }
    if (node && node[0] === "SubLink" && isRecord(node[1])) {
      // `id IN (SELECT ...)`: the left-hand side still belongs to the outer statement.
      return this.referencesTarget(node[1].testexpr, names, insideSubquery) || this.referencesTarget(node[1].subselect, names, true);
    }
    for (const key in value) if (this.referencesTarget(value[key], names, insideSubquery)) return true;
    return false;
  }

  /** RETURNING may only show the changed table's own columns, and shows rows: it needs read access. */
  private returning(clause: unknown, target: { names: Set<string>; display: string; position: number | null; schema: string | null }, scope: Scope): void {
    if (!isRecord(clause) || isEmpty(clause.exprs)) return;
    const allowed = new Set([...target.names, "old", "new"]);
    for (const option of asArray(clause.options)) {
      const body = tagged(option)?.[1];
      const alias = isRecord(body) ? asString(body.value) : null;
      if (alias) allowed.add(alias);
    }
    const position = this.firstLoc(clause.exprs);
    this.ctx.readTable({ schema: target.schema, name: [...target.names][0] ?? "" }, target.position);
    this.checkReturningRefs(clause.exprs, allowed, position);
    this.visit(clause.exprs, scope);
  }

  private checkReturningRefs(value: unknown, allowed: ReadonlySet<string>, position: number | null): void {
    if (Array.isArray(value)) {
      for (const item of value) this.checkReturningRefs(item, allowed, position);
      return;
    }
    if (!isRecord(value)) return;
    const node = tagged(value);
    if (node?.[0] === "SubLink") {
      this.ctx.forbidden("RETURNING may only list columns of the table being changed; subqueries are not allowed there.", this.firstLoc(value) ?? position);
    }
    if (node?.[0] === "ColumnRef" && isRecord(node[1])) {
      const fields = asArray(node[1].fields);
      const qualifier = fields.length >= 2 ? stringNode(fields[0]) : null;
      if (qualifier !== null && !allowed.has(qualifier)) {
        this.ctx.forbidden(`RETURNING may only list columns of the table being changed, not of ${qualifier}.`, this.loc(node[1]) ?? position);
      }
      return;
    }
    for (const key in value) this.checkReturningRefs(value[key], allowed, position);
  }
}
