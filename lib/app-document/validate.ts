// Validates an app document before it is saved or published: the schema, then everything the
// schema cannot see — names used in bindings, binding syntax, data sources, actions, duplicate
// ids, the grid, and SQL parameters whose type cannot fit. In a table action's mapping the name
// `row` is also available: the action runs once per selected row. Returns every problem found, each
// with the path of the string it is about, so the builder can point at the widget.
//
// The SQL parameter check is deliberately simple: a `{{ }}` in a query must be a single value.
// A list of plain values (`pluck(t.selectedRows, "id")`, `[1, 2]`) is accepted only right after
// `ANY(` (PostgreSQL's `= ANY({{ ids }})`); rows, a row (`selectedRow`) or a whole query/widget
// never fit. Anything whose type is not known statically passes and is checked at run time.
// A `{{ }}` mixing currentUser (bound by the server) with browser values is refused: see query-params.ts.
import { parseExpression, parseTemplate, referencedPaths, type Node } from "@/lib/bindings";
import { checkWidgetActions, type ActionInfo } from "./actions-check";
import { originOf } from "./query-params";
import { checkResultFields, type QueryResults } from "./result-fields";
import { availableNames, ROW_NAME, staticType, type NameInfo } from "./names";
import { formatPath, type Problem } from "./problems";
import { appDocumentSchema, GRID_COLUMNS, type AppDocument, type Layout, type Widget } from "./schema";

export interface ValidationContext {
  /** Names of the data sources this Rowcraft has. */
  datasources: readonly string[];
  /** Actions by name, with their input as JSON Schema. */
  actions: Readonly<Record<string, ActionInfo>>;
  /** Result columns of queries that are known (the builder's last preview runs): field references are checked against them. */
  results?: QueryResults;
}

export type ValidationResult = { ok: true; document: AppDocument; problems: [] } | { ok: false; document: AppDocument | null; problems: Problem[] };

// What a query's SQL treats as a template: `{{ … }}` holding no braces (as the server's guard does,
// so `'{{1,2},{3,4}}'`, a PostgreSQL array literal, is not one).
const SQL_TEMPLATE = /\{\{([^{}]*)\}\}/g;

function checkNames(ast: Node, offset: number, path: string, names: ReadonlyMap<string, NameInfo>, problems: Problem[]): void {
  for (const ref of referencedPaths(ast)) {
    const [root, field] = ref.path;
    if (root === undefined) continue;
    const at = { path, start: ref.start + offset, end: ref.end + offset };
    const info = names.get(root);
    if (info === undefined) {
      const known = [...names.keys()].sort().join(", ");
      problems.push({ code: "unknown_name", ...at, message: `Unknown name "${root}"; available names: ${known}.` });
    } else if (field !== undefined && info.fields !== null && !info.fields.includes(field)) {
      const has = info.fields.length > 0 ? `it has ${info.fields.join(", ")}` : "it has no outputs";
      problems.push({ code: "unknown_name", ...at, message: `"${root}" has no "${field}"; ${has}.` });
    }
  }
}

/** Checks every string under `value` that holds `{{`. */
function checkBindings(value: unknown, path: (string | number)[], names: ReadonlyMap<string, NameInfo>, problems: Problem[]): void {
  if (typeof value === "string") {
    if (!value.includes("{{")) return;
    const at = formatPath(path);
    const parsed = parseTemplate(value);
    if (!parsed.ok) {
      problems.push({ code: "binding_syntax", path: at, message: parsed.error.message, start: parsed.error.start, end: parsed.error.end });
      return;
    }
    for (const part of parsed.value) {
      if (part.kind === "binding") checkNames(part.ast, part.expressionStart, at, names, problems);
    }
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => checkBindings(item, [...path, i], names, problems));
  } else if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) checkBindings(item, [...path, key], names, problems);
  }
}

function checkQuerySql(sql: string, path: string, names: ReadonlyMap<string, NameInfo>, problems: Problem[]): void {
  for (const match of sql.matchAll(SQL_TEMPLATE)) {
    const inner = match[1] ?? "";
    const offset = match.index + 2;
    const parsed = parseExpression(inner);
    if (!parsed.ok) {
      problems.push({ code: "binding_syntax", path, message: parsed.error.message, start: parsed.error.start + offset, end: parsed.error.end + offset });
      continue;
    }
    const before = problems.length;
    checkNames(parsed.value, offset, path, names, problems);
    if (problems.length > before) continue;
    if (originOf(parsed.value) === "mixed") {
      const shown = `{{ ${inner.trim()} }}`;
      problems.push({
        code: "mixed_binding",
        path,
        start: match.index,
        end: match.index + match[0].length,
        message: `${shown} mixes currentUser, which the server binds, with values from the browser, which the user controls; the server refuses it. Use a separate {{ }} for each, like {{ currentUser.email }} and {{ input.value }}.`,
      });
      continue;
    }
    const type = staticType(parsed.value, names);
    const afterAny = /\bany\s*\(\s*$/i.test(sql.slice(0, match.index));
    const at = { code: "parameter_type" as const, path, start: match.index, end: match.index + match[0].length };
    const shown = `{{ ${inner.trim()} }}`;
    if (type === "rows") {
      problems.push({ ...at, message: `${shown} is a list of rows, but a query parameter must be a single value; pick one field, like pluck(…, "id") inside = ANY(…), or use a single row's field.` });
    } else if (type === "row") {
      problems.push({ ...at, message: `${shown} is a whole row, but a query parameter must be a single value; use one of its fields, like ${inner.trim()}.id.` });
    } else if (type === "namespace") {
      problems.push({ ...at, message: `${shown} is a whole query or widget, not a value; use one of its fields.` });
    } else if (type === "list" && !afterAny) {
      problems.push({ ...at, message: `${shown} is a list, but a single value is expected here; compare with = ANY(${shown}) on PostgreSQL.` });
    }
  }
}

function overlaps(a: Layout, b: Layout): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/** Editability is explicit (the server edits only columns marked editable and not hidden): say so where a table would surprise. */
function checkEditableColumns(widget: Widget & { type: "table" }, path: string, problems: Problem[]): void {
  const { columns } = widget.props;
  columns.forEach((column, c) => {
    if (column.editable === true && column.hidden === true) {
      problems.push({ code: "editable_columns", path: `${path}.props.columns[${c}]`, message: `Column "${column.key}" of "${widget.id}" is hidden, and hidden columns are never editable; show it or unmark editable.` });
    }
  });
  if (widget.props.editable && !columns.some((column) => column.editable === true && column.hidden !== true)) {
    problems.push({ code: "editable_columns", path: `${path}.props.editable`, message: `"${widget.id}" has editable cells but marks no column editable, so operators can edit nothing; mark the columns they may edit, or turn editable cells off.` });
  }
}

function checkStructure(doc: AppDocument, context: ValidationContext, problems: Problem[]): void {
  const seenPages = new Set<string>();
  const seenNames = new Map<string, string>();
  const claim = (id: string, path: string): void => {
    const first = seenNames.get(id);
    if (first !== undefined) problems.push({ code: "duplicate_id", path, message: `The name "${id}" is already used at ${first}; names of queries and widgets must be unique in the app.` });
    else seenNames.set(id, path);
  };
  doc.queries.forEach((query, q) => {
    const path = `queries[${q}]`;
    claim(query.id, `${path}.id`);
    if (!context.datasources.includes(query.datasource)) {
      problems.push({ code: "unknown_datasource", path: `${path}.datasource`, message: `There is no data source named "${query.datasource}"; connect it or pick another.` });
    }
    if (query.mode === "write" && query.trigger.kind !== "manual") {
      problems.push({ code: "write_query_trigger", path: `${path}.trigger`, message: `"${query.id}" writes data, so it must run only when triggered (by a button); set its trigger to manual.` });
    }
  });
  const queryIds = new Set(doc.queries.map((q) => q.id));
  doc.pages.forEach((page, p) => {
    if (seenPages.has(page.id)) problems.push({ code: "duplicate_id", path: `pages[${p}].id`, message: `Another page already has the id "${page.id}".` });
    seenPages.add(page.id);
    page.widgets.forEach((widget, w) => {
      const path = `pages[${p}].widgets[${w}]`;
      claim(widget.id, `${path}.id`);
      const { layout } = widget;
      if (layout.x + layout.w > GRID_COLUMNS) {
        problems.push({ code: "layout_out_of_grid", path: `${path}.layout`, message: `"${widget.id}" ends at column ${layout.x + layout.w}, past the grid's ${GRID_COLUMNS} columns; move it left or narrow it.` });
      }
      page.widgets.slice(0, w).forEach((other, o) => {
        if (overlaps(layout, other.layout)) {
          problems.push({ code: "layout_overlap", path: `${path}.layout`, message: `"${widget.id}" overlaps "${other.id}" (pages[${p}].widgets[${o}]); move one of them.` });
        }
      });
      checkWidgetActions(widget, path, context.actions, problems, doc);
      if (widget.type === "table") checkEditableColumns(widget, path, problems);
      if (widget.type === "button" && widget.props.run.kind === "query" && !queryIds.has(widget.props.run.query)) {
        problems.push({ code: "unknown_query", path: `${path}.props.run.query`, message: `There is no query "${widget.props.run.query}" in this app.` });
      }
    });
  });
}

/** Validates `input` (parsed JSON or a document) against the schema and `context`. */
export function validateAppDocument(input: unknown, context: ValidationContext): ValidationResult {
  const parsed = appDocumentSchema.safeParse(input);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue): Problem => ({ code: "schema", path: formatPath(issue.path), message: issue.message }));
    return { ok: false, document: null, problems };
  }
  const doc = parsed.data;
  const problems: Problem[] = [];
  checkStructure(doc, context, problems);
  const names = availableNames(doc);
  doc.pages.forEach((page, p) => {
    page.widgets.forEach((widget, w) => {
      const path = ["pages", p, "widgets", w, "props"];
      if (widget.type !== "table") {
        checkBindings(widget.props, path, names, problems);
        return;
      }
      const { actions, ...rest } = widget.props;
      checkBindings(rest, path, names, problems);
      const withRow = new Map(names).set("row", ROW_NAME);
      actions.forEach((action, a) => checkBindings(action.mapping, [...path, "actions", a, "mapping"], withRow, problems));
    });
  });
  doc.queries.forEach((query, q) => checkQuerySql(query.sql, `queries[${q}].sql`, names, problems));
  if (context.results !== undefined) checkResultFields(doc, context.results, problems);
  return problems.length === 0 ? { ok: true, document: doc, problems: [] } : { ok: false, document: doc, problems };
}
