// Public types of the SQL guard (re-exported by guard.ts). Kept apart so the checkers can
// import them without importing the whole guard.

export type Dialect = "postgres" | "mysql" | "sqlite";
export type GuardMode = "read" | "write";

/**
 * Which tables a data source lets queries read and write.
 * Patterns: "schema.table", "schema.*", "table" (unqualified: the default schema, `public` on
 * PostgreSQL, `main` on SQLite, the connection's database on MySQL) and "*".
 */
export interface TablePolicy {
  read: string[];
  write: string[];
  /** Let queries read system catalogs (pg_catalog, information_schema, mysql.*, sqlite_master…). Never writable. */
  allowSystemCatalogs?: boolean;
}

export type GuardErrorCode =
  | "syntax_error"
  | "multiple_statements"
  | "forbidden_statement"
  | "forbidden_function"
  | "table_not_readable"
  | "table_not_writable"
  | "missing_where"
  | "template_in_literal"
  | "manual_placeholder"
  | "bad_template"
  | "bad_parameter_value"
  | "identifier_template";

export interface GuardError {
  code: GuardErrorCode;
  message: string;
  /** 0-based offset (UTF-16 code units, like String indices) into the SQL the user wrote. */
  position: number | null;
}

export type StatementKind = "select" | "insert" | "update" | "delete";

export interface GuardOk {
  ok: true;
  kind: StatementKind;
  /** The statement to execute: templates replaced by $1.. (postgres) or ? (mysql, sqlite). */
  sql: string;
  values: unknown[];
  tables: { read: string[]; write: string[] };
  params: { expression: string; position: number }[];
  /** Writes checked with `preview: true`: the statements that sample rows before and after the change. */
  preview?: PreviewPlan;
  /**
   * Reads whose rows map 1:1 to rows of one table (see ReadProjection); null for every other
   * statement, including all writes. What decides whether a result can be edited in place.
   */
  projection: ReadProjection | null;
  /**
   * Writes: the one target table as written (schema null when unqualified), for checks that need
   * the database's own metadata, such as where foreign-key cascades reach; null for reads.
   */
  writeTarget: { schema: string | null; name: string } | null;
}

/** One select-list item of a single-table read, in order. */
export type ProjectionItem =
  /** A plain column of the table (bare or qualified by its name or alias), possibly renamed with AS. */
  | { kind: "column"; output: string; source: string }
  /** `*` or `t.*`: every column of the table, in its order (expand from the introspected schema). */
  | { kind: "all" }
  /** Anything computed (function, cast, arithmetic, literal, subquery): one output column, mapped to nothing. */
  | { kind: "expression" };

/**
 * A read that is one plain SELECT over exactly one base table: no set operations, CTEs,
 * DISTINCT, GROUP BY/HAVING, aggregates or window functions, joins, subqueries or table
 * functions in FROM. WHERE, ORDER BY and LIMIT are fine. Its rows are rows of that table, so the
 * plain columns it shows can be written back by primary key.
 */
export interface ReadProjection {
  /** As written (PostgreSQL: schema resolved, `public` by default; SQLite `main` → null). */
  table: { schema: string | null; name: string; display: string };
  /** The plain column items, in select-list order: output name → the table's column. */
  columns: { output: string; source: string }[];
  /** `*` or `t.*` appears: every column of the table is in the output too. */
  allColumns: boolean;
  /** The whole select list in order, to line items up with the result's columns. */
  items: ProjectionItem[];
}

/** A checked statement with its bound values, ready for a driver. */
export interface BoundStatement {
  sql: string;
  values: unknown[];
}

/**
 * How to show what a write would change, built from the write's own text (never by splicing
 * values) and checked by the guard like any query. Run in the write's transaction, which a
 * preview always rolls back: `before` → the write (or `returning`) → the "after" rows.
 */
export interface PreviewPlan {
  kind: "insert" | "update" | "delete";
  /** Most rows each sample shows. */
  sampleSize: number;
  /** UPDATE/DELETE: a SELECT of up to sampleSize target rows matching the write's WHERE. null for INSERT or when refused (see notes). */
  before: BoundStatement | null;
  /** INSERT, and UPDATE on PostgreSQL/SQLite: the write with `RETURNING *` appended, whose rows are the "after" sample. null when the write has its own RETURNING, for DELETE, and where no server of the dialect has it. */
  returning: BoundStatement | null;
  /** The write has its own RETURNING clause: its rows are the "after" sample. */
  hasReturning: boolean;
  /** The target table, quoted for the dialect (no alias), to re-select changed rows by primary key where RETURNING is missing. */
  target: { schema: string | null; name: string; sql: string };
  /** Why a sample is missing, in words for the user. */
  notes: string[];
}

export type GuardResult = GuardOk | { ok: false; error: GuardError };

export type ParamSource = Record<string, unknown> | ((expression: string) => unknown);

export interface GuardInput {
  sql: string;
  dialect: Dialect;
  mode: GuardMode;
  /** Key = the expression text inside the braces, trimmed. */
  params: ParamSource;
  /** Default: every non-system table readable, nothing writable. */
  policy?: TablePolicy;
  /** Writes: also build the preview statements (GuardOk.preview). */
  preview?: boolean;
}
