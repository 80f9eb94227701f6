/**
 * Running an app: its saved queries (by id — a user never sends SQL) with the values of their
 * bindings as bound parameters (server-known ones bound here from the session, see
 * bind-query-params.ts), and the edits of its table widgets — only of rows the widget's query
 * returns to this user, only of columns the widget marks editable. Both go through the same
 * guard, policy and audit as the workbench and the table editor.
 */
import { TRPCError } from "@trpc/server";
import { parseTemplate } from "@/lib/bindings";
import type { AppDocument, AppQuery, Widget } from "@/lib/app-document";
import { hasRole } from "@/lib/roles";
import type { ParamValue } from "@/lib/app-document/query-params";
import type { RunAppQueryInput, SaveAppEditsInput } from "@/lib/schemas/apps";
import { runAppQueryInput, saveAppEditsInput } from "@/lib/schemas/apps";
import type { QueryEditable, QueryResult } from "@/lib/schemas/queries";
import { keyId, type SaveTableChangesResult } from "@/lib/schemas/tables";
import type { SessionUser } from "@/server/auth/sessions";
import type { Db } from "@/server/db/client";
import { runQuery } from "@/server/queries/run-query";
import { saveTableChanges } from "@/server/tables/save-table-changes";
import { maxAppEditsPerSave } from "./app-limits";
import { loadApp, resolveVersion } from "./app-store";
import { bindQueryParams } from "./bind-query-params";

function findQuery(document: AppDocument, queryId: string): AppQuery {
  const query = document.queries.find((q) => q.id === queryId);
  if (!query) throw new TRPCError({ code: "NOT_FOUND", message: `This version of ${document.name} has no query named ${queryId}.` });
  return query;
}

async function datasourceIdOf(db: Db, name: string): Promise<string> {
  const source = await db.dataSource.findUnique({ where: { name }, select: { id: true } });
  if (!source) throw new TRPCError({ code: "NOT_FOUND", message: `The data source "${name}" this query uses is not connected; ask an admin to add it under that name.` });
  return source.id;
}

/** `params` must come from bindQueryParams: server-known values bound, the browser's kept. */
async function runDocumentQuery(db: Db, user: SessionUser, query: AppQuery, params: Record<string, ParamValue>, runId: string, preview = false): Promise<QueryResult> {
  if (query.mode === "write" && !hasRole(user.role, "operator")) {
    throw new TRPCError({ code: "FORBIDDEN", message: `${query.id} changes data, which needs the operator role or above.` });
  }
  const datasourceId = await datasourceIdOf(db, query.datasource);
  return runQuery({ db, user, input: { datasourceId, sql: query.sql, mode: query.mode, params, preview, runId } });
}

export async function runAppQuery(options: { db: Db; user: SessionUser; input: RunAppQueryInput }): Promise<QueryResult> {
  const { db, user } = options;
  const input = runAppQueryInput.parse(options.input);
  const app = await loadApp(db, { id: input.appId });
  const { document } = await resolveVersion(db, app, input.version, user);
  const query = findQuery(document, input.queryId);
  const params = bindQueryParams({ queryId: query.id, sql: query.sql, params: input.params, user });
  return runDocumentQuery(db, user, query, params, input.runId, input.preview);
}

function findWidget(document: AppDocument, widgetId: string): Widget {
  for (const page of document.pages) {
    const widget = page.widgets.find((w) => w.id === widgetId);
    if (widget) return widget;
  }
  throw new TRPCError({ code: "NOT_FOUND", message: `This version of ${document.name} has no widget named ${widgetId}.` });
}

/** The query a table shows, when its data is exactly `{{ someQuery.data }}` (anything computed is not editable). */
export function tableSourceQuery(document: AppDocument, widget: Widget & { type: "table" }): AppQuery | null {
  const parsed = parseTemplate(widget.props.data);
  if (!parsed.ok || parsed.value.length !== 1) return null;
  const [part] = parsed.value;
  if (part?.kind !== "binding" || part.ast.kind !== "member" || part.ast.property !== "data" || part.ast.object.kind !== "name") return null;
  const queryId = part.ast.object.name;
  const query = document.queries.find((q) => q.id === queryId);
  return query && query.mode === "read" ? query : null;
}

/**
 * Result columns the widget lets users edit (output → table column): only those it marks
 * `editable: true` and does not hide, and that the guard found to be plain columns of the table.
 * A widget that marks none lets nobody edit anything.
 */
export function editableOutputs(widget: Widget & { type: "table" }, editable: QueryEditable): Map<string, string> {
  const marked = widget.props.columns.filter((column) => column.editable === true && column.hidden !== true).map((column) => column.key);
  const mapped = new Map(editable.columns.map((column) => [column.output, column.source]));
  return new Map(marked.flatMap((key) => (mapped.has(key) ? [[key, mapped.get(key) ?? key] as const] : [])));
}

/** `{ id: 7 }` in result names → in the table's names (and back), via the editable descriptor. */
function renameKeys<T>(values: Record<string, T>, names: ReadonlyMap<string, string>): Record<string, T> {
  return Object.fromEntries(Object.entries(values).flatMap(([name, value]) => (names.has(name) ? [[names.get(name) ?? name, value]] : [])));
}

export async function saveAppEdits(options: { db: Db; user: SessionUser; input: SaveAppEditsInput }): Promise<SaveTableChangesResult> {
  const { db, user } = options;
  const input = saveAppEditsInput.parse(options.input);
  const app = await loadApp(db, { id: input.appId });
  const { number, document } = await resolveVersion(db, app, input.version, user);
  const widget = findWidget(document, input.widgetId);
  if (widget.type !== "table" || !widget.props.editable) throw new TRPCError({ code: "FORBIDDEN", message: `${widget.id} is not an editable table.` });
  const query = tableSourceQuery(document, widget);
  if (!query) throw new TRPCError({ code: "FORBIDDEN", message: `${widget.id} shows computed data, which cannot be edited; its data must be {{ query.data }} of a read query.` });
  const limit = maxAppEditsPerSave();
  if (input.updates.length > limit) {
    throw new TRPCError({ code: "BAD_REQUEST", message: `Nothing was saved: ${input.updates.length} rows were edited, and an app saves at most ${limit} rows at a time. Save fewer rows at once (an admin can raise ROWCRAFT_MAX_APP_EDITS).` });
  }

  // Ask the guard (by running the query as the user sees it) which table and columns the rows are.
  const params = bindQueryParams({ queryId: query.id, sql: query.sql, params: input.params, user });
  const result = await runDocumentQuery(db, user, query, params, `edits-${crypto.randomUUID()}`);
  if (!result.ok) throw new TRPCError({ code: "BAD_REQUEST", message: `Could not read ${query.id} to check the edits: ${result.error.message}` });
  const editable = result.editable;
  if (!editable) throw new TRPCError({ code: "FORBIDDEN", message: `The rows of ${query.id} are not rows of one writable table with a primary key, so they cannot be edited.` });

  const columns = editableOutputs(widget, editable);
  const keyToSource = new Map(editable.key.map((column) => [column.output, column.source]));
  const keyToOutput = new Map(editable.key.map((column) => [column.source, column.output]));
  const toOutput = new Map([...keyToOutput, ...editable.columns.map((column) => [column.source, column.output] as const)]);
  const updates = input.updates.map((update) => {
    for (const column of Object.keys(update.changes)) {
      if (!columns.has(column)) throw new TRPCError({ code: "FORBIDDEN", message: `The column ${column} of ${widget.id} cannot be edited.` });
    }
    const key = renameKeys(update.key, keyToSource);
    if (Object.keys(key).length !== editable.primaryKey.length) throw new TRPCError({ code: "BAD_REQUEST", message: `Each edited row needs its key (${editable.key.map((k) => k.output).join(", ")}).` });
    return { key, changes: Object.fromEntries(Object.entries(update.changes).map(([column, change]) => [columns.get(column) ?? column, change])) };
  });
  // Overwrite choices name rows by the client's (result-named) key id; the table editor's save wants the table's.
  const overwrite = input.updates.filter((update) => input.overwrite.includes(keyId(update.key))).map((update) => keyId(renameKeys(update.key, keyToSource)));

  // The rows the widget shows this user are those its query returns with these (server-bound) values: checked in the saving transaction.
  const scope = { sql: query.sql, params, keyOutputs: keyToOutput, label: widget.id, audit: { app: { id: app.id, slug: app.slug, version: number }, widget: widget.id } };
  const saved = await saveTableChanges({ db, user, input: { datasourceId: await datasourceIdOf(db, query.datasource), table: editable.table, updates, inserts: [], deletes: [], overwrite }, scope });
  if (saved.ok || saved.reason !== "conflict") return saved;
  return {
    ...saved,
    conflicts: saved.conflicts.map((conflict) => {
      const key = renameKeys(conflict.key, keyToOutput);
      return { keyId: keyId(key), key, theirs: conflict.theirs === null ? null : renameKeys(conflict.theirs, toOutput) };
    }),
  };
}
