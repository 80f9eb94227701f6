// Field references checked against what a query really returns. A chart's x/y fields, a table's
// column keys and row key, a select's value/label fields and bindings like
// `{{ stats.data[0].revenue }}` name result columns; a typo there only shows on the widget at run
// time, so the builder lists it as a problem (and publishing waits) once the columns are known:
// from the builder's last preview run of the query. Queries whose columns are not known yet
// are not checked (nothing is guessed). Editable table columns are checked against the
// `editable` descriptor the guard returned with the same run: a column marked editable that the
// server would refuse to save is a problem too, with the reason.
import { parseTemplate, type Node } from "@/lib/bindings";
import { closestName } from "@/lib/closest-name";
import type { Problem } from "./problems";
import type { AppDocument, Widget } from "./schema";

/** What the last run of a read query showed about its result. */
export interface QueryResultInfo {
  /** Result column names, in order; null when not known (the server's check before publishing knows only editability). */
  columns: readonly string[] | null;
  /** How edits could be saved (the guard's `editable`), or null when the rows are read-only. */
  editable: { display: string; primaryKey: readonly string[]; key: readonly { output: string }[]; columns: readonly { output: string }[] } | null;
}

export type QueryResults = Readonly<Record<string, QueryResultInfo>>;

/** "…; did you mean "revenue"? Its columns: month, revenue." */
function unknownColumn(name: string, queryId: string, columns: readonly string[]): string {
  const guess = closestName(name, columns);
  const hint = guess === null ? "" : ` Did you mean "${guess}"?`;
  const list = columns.length > 0 ? columns.join(", ") : "none";
  return `"${queryId}" returns no column "${name}".${hint} Its columns: ${list}.`;
}

/** The query a `{{ q.data }}` binding (nothing else around it) gives the rows of, or null. */
export function rowsQueryOf(data: string): string | null {
  const match = /^\s*\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\.\s*data\s*\}\}\s*$/.exec(data);
  return match?.[1] ?? null;
}

/** `q.data[<any>].col` and `q.data[<any>]["col"]` inside an expression: the query, the column and where. */
function rowFieldReads(node: Node, found: { query: string; column: string; start: number; end: number }[]): void {
  const rowOf = (object: Node): string | null =>
    object.kind === "index" && object.object.kind === "member" && object.object.property === "data" && object.object.object.kind === "name" ? object.object.object.name : null;
  if (node.kind === "member") {
    const query = rowOf(node.object);
    if (query !== null) found.push({ query, column: node.property, start: node.start, end: node.end });
  } else if (node.kind === "index" && node.index.kind === "literal" && typeof node.index.value === "string") {
    const query = rowOf(node.object);
    if (query !== null) found.push({ query, column: node.index.value, start: node.start, end: node.end });
  }
  switch (node.kind) {
    case "member":
      return rowFieldReads(node.object, found);
    case "index":
      rowFieldReads(node.object, found);
      return rowFieldReads(node.index, found);
    case "unary":
      return rowFieldReads(node.operand, found);
    case "binary":
      rowFieldReads(node.left, found);
      return rowFieldReads(node.right, found);
    case "conditional":
      [node.test, node.consequent, node.alternate].forEach((child) => rowFieldReads(child, found));
      return;
    case "array":
      node.elements.forEach((child) => rowFieldReads(child, found));
      return;
    case "call":
      node.args.forEach((child) => rowFieldReads(child, found));
      return;
    default:
      return;
  }
}

/** Every string under `value` that reads `q.data[i].col` of a query with known columns. */
function checkRowReads(value: unknown, path: string, results: QueryResults, problems: Problem[]): void {
  if (typeof value === "string") {
    if (!value.includes("{{")) return;
    const parsed = parseTemplate(value);
    if (!parsed.ok) return; // reported as a syntax problem elsewhere
    for (const part of parsed.value) {
      if (part.kind !== "binding") continue;
      const found: { query: string; column: string; start: number; end: number }[] = [];
      rowFieldReads(part.ast, found);
      for (const read of found) {
        const info = results[read.query];
        if (info?.columns == null || info.columns.includes(read.column)) continue;
        problems.push({ code: "unknown_column", path, start: read.start + part.expressionStart, end: read.end + part.expressionStart, message: unknownColumn(read.column, read.query, info.columns) });
      }
    }
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => checkRowReads(item, `${path}[${i}]`, results, problems));
  } else if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) checkRowReads(item, `${path}.${key}`, results, problems);
  }
}

/** Why a column of a table on `queryId` cannot be edited, or null when it can. */
export function whyNotEditable(column: string, queryId: string, info: QueryResultInfo): string | null {
  const { editable } = info;
  if (editable === null) {
    return `"${queryId}"'s rows are not rows of one table the app may write (a join, GROUP BY, DISTINCT, a view, a table the data source's policy keeps read-only, its primary key left out of the select list, or no plain column besides the key), so no cell can be saved.`;
  }
  if (editable.columns.some((entry) => entry.output === column)) return null;
  if (editable.key.some((entry) => entry.output === column)) return `"${column}" is ${editable.display}'s primary key, which says which row to save; it is never edited in place.`;
  if (info.columns !== null && !info.columns.includes(column)) return `"${queryId}" returns no column "${column}".`;
  return `"${column}" is not a plain column of ${editable.display} in "${queryId}" (it is computed, or shown twice), so it cannot be saved back.`;
}

function checkWidget(widget: Widget, path: string, results: QueryResults, problems: Problem[]): void {
  const rowsOf = (data: string): { id: string; info: QueryResultInfo } | null => {
    const id = rowsQueryOf(data);
    const info = id === null ? undefined : results[id];
    return id === null || info === undefined ? null : { id, info };
  };
  const field = (name: string, at: string, source: { id: string; info: QueryResultInfo }, what: string): void => {
    const { columns } = source.info;
    if (columns !== null && !columns.includes(name)) problems.push({ code: "unknown_column", path: at, message: `${what} of "${widget.id}": ${unknownColumn(name, source.id, columns)}` });
  };
  if (widget.type === "chart") {
    const source = rowsOf(widget.props.data);
    if (source === null) return;
    field(widget.props.x, `${path}.props.x`, source, "The x field");
    widget.props.y.forEach((y, i) => field(y, `${path}.props.y[${i}]`, source, `Series ${i + 1}`));
  } else if (widget.type === "table") {
    const source = rowsOf(widget.props.data);
    if (source === null) return;
    if (widget.props.rowKey !== undefined) field(widget.props.rowKey, `${path}.props.rowKey`, source, "The row key");
    widget.props.columns.forEach((column, c) => {
      const at = `${path}.props.columns[${c}]`;
      if (source.info.columns !== null && !source.info.columns.includes(column.key)) {
        field(column.key, `${at}.key`, source, `Column ${c + 1}`);
        return;
      }
      if (!widget.props.editable || column.editable !== true || column.hidden === true) return;
      const why = whyNotEditable(column.key, source.id, source.info);
      if (why !== null) problems.push({ code: "editable_columns", path: `${at}.editable`, message: `Column "${column.key}" of "${widget.id}" is marked editable but cannot be edited: ${why} Unmark it.` });
    });
  } else if (widget.type === "input" && widget.props.kind === "select" && widget.props.options.source === "query") {
    const { options } = widget.props;
    const source = rowsOf(options.data);
    if (source === null) return;
    field(options.valueField, `${path}.props.options.valueField`, source, "The value field");
    if (options.labelField !== undefined) field(options.labelField, `${path}.props.options.labelField`, source, "The label field");
  }
}

/** Problems of field references against the known result columns of the app's queries. */
export function checkResultFields(doc: AppDocument, results: QueryResults, problems: Problem[]): void {
  doc.pages.forEach((page, p) => {
    page.widgets.forEach((widget, w) => {
      const path = `pages[${p}].widgets[${w}]`;
      checkWidget(widget, path, results, problems);
      checkRowReads(widget.props, `${path}.props`, results, problems);
    });
  });
}
