"use client";
/**
 * The app's queries: a list (add, duplicate, delete) and the selected query's editor — id, data
 * source, read/write, trigger, SQL with the workbench's editor — with Run (Ctrl/Cmd+Enter),
 * which runs it in the live preview, and its rows, error or a few of its rows.
 */
import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import type { AppDocument, AppQuery } from "@/lib/app-document";
import { dialectOf } from "@/lib/sql/dialects";
import { useTRPC } from "@/lib/trpc/client";
import { useAppRuntime } from "@/components/app-runtime";
import { SqlEditor, type SqlDiagnostic } from "@/components/builder/sql-editor";
import { completionNamespace } from "@/components/workbench/sql-schema";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { useBuilder } from "./builder-context";
import { addQuery, deleteQuery, duplicateQuery, updateQuery } from "./document-ops";
import { NameField } from "./name-field";
import { messagesAt, problemsOfQuery } from "./problem-targets";
import { QueryResultPreview } from "./query-result-preview";
import { QueryTestValues } from "./query-test-values";
import styles from "./queries-panel.module.css";

const TRIGGERS = [
  { value: "onLoad", label: "On page load" },
  { value: "onInputChange", label: "On load and when its inputs change" },
  { value: "manual", label: "Only when triggered (button)" },
];

function triggerOf(kind: string, previous: AppQuery["trigger"]): AppQuery["trigger"] {
  if (kind === "onInputChange") return { kind, debounceMs: previous.kind === "onInputChange" ? previous.debounceMs : 300 };
  return kind === "manual" ? { kind } : { kind: "onLoad" };
}

export function QueriesPanel() {
  const { doc, change, queryId, openQuery, datasources } = useBuilder();
  // With none chosen yet, the first query is open.
  const query = doc.queries.find((candidate) => candidate.id === queryId) ?? (queryId === null ? doc.queries[0] : undefined) ?? null;
  const selectedId = query?.id ?? null;
  const add = () => {
    const added = addQuery(doc, datasources[0]?.name ?? "");
    change(() => added.doc);
    openQuery(added.id);
  };
  return (
    <div className={styles.panel}>
      <nav aria-label="Queries" className={styles.list}>
        <ul>
          {doc.queries.map((candidate) => (
            <li key={candidate.id}>
              <button type="button" className={styles.queryButton} aria-current={candidate.id === selectedId ? "true" : undefined} onClick={() => openQuery(candidate.id)}>
                <code>{candidate.id}</code>
                <span className={styles.mode}>{candidate.mode}</span>
              </button>
            </li>
          ))}
        </ul>
        <Button size="small" onClick={add} disabled={datasources.length === 0} title={datasources.length === 0 ? "No data source is connected." : undefined}>
          Add query
        </Button>
      </nav>
      {query ? <QueryEditor key={query.id} query={query} doc={doc} /> : <p className={styles.placeholder}>{doc.queries.length === 0 ? "This app has no queries yet. Add one to bring data in." : "Select a query to edit it."}</p>}
    </div>
  );
}

function QueryEditor({ query, doc }: { query: AppQuery; doc: AppDocument }) {
  const trpc = useTRPC();
  const { change, openQuery, datasources, problems } = useBuilder();
  const { runQuery, queries } = useAppRuntime();
  const own = problemsOfQuery(problems, query.id);
  const source = datasources.find((candidate) => candidate.name === query.datasource);
  const schema = useQuery(trpc.datasources.schema.queryOptions({ id: source?.id ?? "" }, { enabled: Boolean(source), retry: false, staleTime: 300_000 }));
  const namespace = useMemo(() => (schema.data ? completionNamespace(schema.data.schema) : undefined), [schema.data]);
  const diagnostics: SqlDiagnostic[] = useMemo(
    () => own.filter((problem) => problem.target.field === "sql" && problem.start !== undefined).map((problem) => ({ from: problem.start ?? 0, to: problem.end ?? problem.start ?? 0, message: problem.message })),
    [own],
  );
  const edit = (fn: (q: AppQuery) => AppQuery, field: string) => change((d) => updateQuery(d, query.id, fn), `query:${query.id}:${field}`);
  const sourceOptions = datasources.map((candidate) => ({ value: candidate.name, label: candidate.name }));
  if (!source) sourceOptions.unshift({ value: query.datasource, label: `${query.datasource || "(none)"} — not connected` });
  const state = queries[query.id];
  const run = () => void runQuery(query.id);
  const sqlErrors = messagesAt(own, "sql");

  return (
    <section className={styles.editor} aria-label={`Query ${query.id}`}>
      <div className={styles.settings}>
        <NameField label="Query id" name={query.id} errors={messagesAt(own, "id")} onRenamed={(id) => openQuery(id)} />
        <SelectField label="Data source" value={query.datasource} options={sourceOptions} error={messagesAt(own, "datasource").join(" ") || null} onChange={(event) => edit((q) => ({ ...q, datasource: event.target.value }), "datasource")} />
        <SelectField
          label="Mode"
          value={query.mode}
          options={[
            { value: "read", label: "Read" },
            { value: "write", label: "Write" },
          ]}
          onChange={(event) => {
            const mode = event.target.value === "write" ? "write" : "read";
            // Writes run only when a button triggers them (validation insists), so switch the trigger too.
            edit((q) => ({ ...q, mode, trigger: mode === "write" ? { kind: "manual" } : q.trigger }), "mode");
          }}
        />
        <SelectField label="Runs" value={query.trigger.kind} options={TRIGGERS} error={messagesAt(own, "trigger").join(" ") || null} onChange={(event) => edit((q) => ({ ...q, trigger: triggerOf(event.target.value, q.trigger) }), "trigger")} />
        {query.trigger.kind === "onInputChange" ? (
          <TextField
            label="Debounce (ms)"
            type="number"
            min={0}
            max={10_000}
            value={query.trigger.debounceMs}
            onChange={(event) => edit((q) => ({ ...q, trigger: { kind: "onInputChange", debounceMs: Math.min(10_000, Math.max(0, Math.round(Number(event.target.value) || 0))) } }), "debounce")}
          />
        ) : null}
        <div className={styles.actions}>
          <Button variant="primary" size="small" onClick={run} disabled={state?.isLoading} title="Ctrl/Cmd+Enter in the SQL">
            {state?.isLoading ? "Running…" : "Run query"}
          </Button>
          <Button
            size="small"
            onClick={() => {
              const copy = duplicateQuery(doc, query.id);
              change(() => copy.doc);
              openQuery(copy.id);
            }}
          >
            Duplicate query
          </Button>
          <Button
            size="small"
            variant="ghost"
            onClick={() => {
              change((d) => deleteQuery(d, query.id));
              openQuery(null);
            }}
          >
            Delete query
          </Button>
        </div>
      </div>
      <div className={styles.sqlColumn}>
        <SqlEditor label="SQL" value={query.sql} onChange={(sql) => edit((q) => ({ ...q, sql }), "sql")} dialect={dialectOf(source?.kind ?? "postgres")} schema={namespace} diagnostics={diagnostics} onRun={run} placeholder="SELECT … — use {{ name }} for values from widgets" />
        {sqlErrors.length > 0 ? (
          <ul className={styles.problems} aria-label={`Problems of ${query.id}`}>
            {sqlErrors.map((message, index) => (
              <li key={index}>{message}</li>
            ))}
          </ul>
        ) : null}
        <QueryTestValues query={query} onChange={(testValues) => edit((q) => ({ ...q, testValues }), "testValues")} />
        <QueryResultPreview state={state} />
      </div>
    </section>
  );
}
