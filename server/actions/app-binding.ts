/**
 * An operator runs an action only through an app that offers it, on rows that app shows them.
 * A run request names the app, its version and the widget (`via`); before anything runs, this
 * checks on the server, from the saved document and the database — never from what the
 * browser claims:
 *
 * 1. the caller may use that version of the app (operators: the published one);
 * 2. the widget binds this action (a table's row action, a button, a form);
 * 3. a row action takes its key from a table whose query is on the action's target source and
 *    whose rows are rows of the target table (what `{{ row.id }}` points at);
 * 4. every key in the inputs is a row that query returns to this user now — the query is run
 *    again through the app's own query path (`apps.runQuery`'s runAppQuery) with the caller's
 *    values of its inputs, like `apps.saveEdits` does;
 * 5. fields the app fixes (constants) have the app's value, and no field the app does not map
 *    is sent.
 *
 * Builders and admins may also run actions directly (table editor, workbench): no `via`.
 */
import { TRPCError } from "@trpc/server";
import { actionBindingsOf, findWidget, rowReferenceOf, tableQueryOf, type ActionBinding, type RowReference } from "@/lib/app-document/action-rows";
import type { AppDocument, AppQuery } from "@/lib/app-document";
import { hasBindings } from "@/lib/bindings";
import type { AppBinding } from "@/lib/schemas/actions";
import { dialectOf } from "@/lib/sql/dialects";
import type { SessionUser } from "@/server/auth/sessions";
import type { Db } from "@/server/db/client";
import { runAppQuery } from "@/server/apps/app-runtime";
import { loadApp, resolveVersion } from "@/server/apps/app-store";
import { guardSql, initGuard } from "@/server/sql/guard";
import { rowsOfInput } from "./action-audit";
import { isRowTarget, type AnyAction } from "./define-action";
import { resolveTargetSource } from "./target-sources";

/** Where a run came from, as the audit log and the run record name it. */
export interface CheckedBinding {
  appId: string;
  appName: string;
  version: number;
  widgetId: string;
  /** The connected source of the rows (row actions). */
  datasource: string | null;
}

export class BindingRefusal extends TRPCError {
  constructor(message: string) {
    super({ code: "FORBIDDEN", message });
  }
}

function refuse(message: string): never {
  throw new BindingRefusal(message);
}

interface RowSource {
  table: string;
  query: AppQuery;
  /** Target key column → the result column that holds it. */
  columns: Map<string, string>;
}

/** The table and query a binding's key fields read, or why the binding cannot be checked. */
function rowSourceOf(doc: AppDocument, action: AnyAction, binding: ActionBinding): RowSource | string {
  if (!isRowTarget(action.target)) return "the action acts on no rows";
  if (binding.kind === "form") return `${action.title} changes rows of ${action.target.table}, which a form cannot name`;
  const columns = new Map<string, string>();
  let table: string | null = null;
  for (const [column, field] of Object.entries(action.target.key)) {
    const text = binding.mapping[field];
    const ref: RowReference | null = text === undefined ? null : rowReferenceOf(text, binding.ownTable);
    if (!ref || (table !== null && ref.table !== table)) return `its ${field} does not come from a table's selected rows`;
    table = ref.table;
    columns.set(column, ref.column);
  }
  const widget = table === null ? null : findWidget(doc, table);
  if (!widget || widget.type !== "table") return `"${table ?? ""}" is not a table of this app`;
  const query = tableQueryOf(doc, widget);
  if (!query) return `${widget.id} shows computed data`;
  return { table: widget.id, query, columns };
}

/** The rows must be rows of the target table: the query reads it, and each key column comes from its key. */
async function assertRowsOfTarget(db: Db, action: AnyAction & { target: { table: string } }, source: RowSource): Promise<void> {
  const row = await db.dataSource.findUnique({ where: { name: source.query.datasource }, select: { kind: true } });
  if (!row) refuse(`The data source "${source.query.datasource}" of ${source.query.id} is not connected.`);
  await initGuard();
  const guarded = guardSql({ sql: source.query.sql, dialect: dialectOf(row.kind as never), mode: "read", params: () => null, policy: { read: ["*"], write: [] } });
  const projection = guarded.ok ? guarded.projection : null;
  // Joins and computed rows have no single table: their key columns are checked by value below.
  if (!projection) return;
  const fold = (name: string) => name.toLowerCase();
  if (fold(projection.table.name) !== fold(action.target.table)) {
    refuse(`${action.title} changes rows of ${action.target.table}, but ${source.table} shows rows of ${projection.table.display}; its ids would name other rows.`);
  }
  for (const [column, output] of source.columns) {
    const item = projection.columns.find((candidate) => candidate.output === output);
    const fromColumn = item ? item.source : projection.allColumns ? output : null;
    if (fromColumn === null || fold(fromColumn) !== fold(column)) {
      refuse(`${action.title} needs ${action.target.table}.${column}, but ${source.table}'s column ${output} is not that column.`);
    }
  }
}

const keyOf = (values: readonly unknown[]): string => JSON.stringify(values.map((value) => (value === null || value === undefined ? null : String(value))));

/** Fields the app fixes must have its value; fields it does not map must not be sent. */
function assertMappedFields(action: AnyAction, binding: ActionBinding, input: unknown): void {
  if (binding.kind === "form" || input === null || typeof input !== "object") return;
  for (const [field, value] of Object.entries(input as Record<string, unknown>)) {
    const text = binding.mapping[field];
    if (text === undefined) refuse(`This app does not set ${field} of ${action.title}; run it as the app offers it.`);
    if (!hasBindings(text) && field !== action.selectionField && String(value) !== text) refuse(`This app sets ${field} of ${action.title} to "${text}"; run it as the app offers it.`);
  }
}

export interface CheckBindingOptions {
  db: Db;
  user: SessionUser;
  action: AnyAction;
  via: AppBinding;
  /** The inputs the caller wants to run (one per row, or one for a batch). */
  inputs: readonly unknown[];
}

export async function checkAppBinding(options: CheckBindingOptions): Promise<CheckedBinding> {
  const { db, user, action, via } = options;
  const app = await loadApp(db, { id: via.appId });
  const { number, document } = await resolveVersion(db, app, via.version, user);
  const widget = findWidget(document, via.widgetId) ?? refuse(`Version ${number} of ${app.name} has no widget ${via.widgetId}.`);
  const bindings = actionBindingsOf(widget, action.name);
  if (bindings.length === 0) refuse(`${widget.id} in ${app.name} does not run ${action.title}.`);
  const checked = { appId: app.id, appName: app.name, version: number, widgetId: widget.id };
  if (!isRowTarget(action.target)) {
    for (const input of options.inputs) if (!bindings.some((binding) => fits(() => assertMappedFields(action, binding, input)))) assertMappedFields(action, bindings[0] as ActionBinding, input);
    return { ...checked, datasource: null };
  }

  const reasons: string[] = [];
  const sources = bindings.flatMap((binding) => {
    const source = rowSourceOf(document, action, binding);
    if (typeof source === "string") reasons.push(source);
    return typeof source === "string" ? [] : [{ binding, source }];
  });
  const [first] = sources;
  if (!first) refuse(`${widget.id} in ${app.name} cannot run ${action.title} on rows: ${reasons.join("; ")}.`);
  const { source } = first;
  const names = (await db.dataSource.findMany({ select: { name: true } })).map((row) => row.name);
  const resolved = resolveTargetSource(action.target.source, names);
  if (!resolved.ok) refuse(resolved.message);
  if (resolved.datasource !== source.query.datasource) {
    refuse(`${action.title} changes ${action.target.table} in "${resolved.datasource}", but ${source.table} in ${app.name} shows rows from "${source.query.datasource}"; it cannot run there.`);
  }
  await assertRowsOfTarget(db, action as AnyAction & { target: { table: string } }, source);

  const result = await runAppQuery({ db, user, input: { appId: app.id, version: number, queryId: source.query.id, params: via.params, runId: `action-rows-${crypto.randomUUID()}` } });
  if (!result.ok) refuse(`Could not read ${source.query.id} to check the rows: ${result.error.message}`);
  const keyColumns = Object.keys(action.target.key);
  const visible = new Set(result.rows.map((row) => keyOf(keyColumns.map((column) => row[source.columns.get(column) ?? column]))));
  const missing: string[] = [];
  for (const input of options.inputs) {
    const rows = rowsOfInput(action, input);
    if (rows.length === 0) refuse(`${action.title} needs the key of each row (${keyColumns.join(", ")}).`);
    for (const row of rows) {
      const key = keyOf(keyColumns.map((column) => row[column]));
      if (!visible.has(key)) missing.push(keyColumns.map((column) => String(row[column])).join("/"));
    }
    assertMappedFields(action, first.binding, input);
  }
  if (missing.length) {
    const shown = missing.slice(0, 5).join(", ") + (missing.length > 5 ? ` and ${missing.length - 5} more` : "");
    refuse(`${action.target.table} ${shown} ${missing.length === 1 ? "is" : "are"} not among the rows ${source.table} shows you in ${app.name}; reload the app and select again.`);
  }
  return { ...checked, datasource: source.query.datasource };
}

function fits(check: () => void): boolean {
  try {
    check();
    return true;
  } catch {
    return false;
  }
}
