"use client";
/**
 * The query workbench (builders): pick a source, write guarded SQL with `{{ }}` parameters,
 * format, run (Ctrl/Cmd+Enter), cancel, preview or run writes, and read results or an error
 * that points at the place in the SQL. The draft is kept in this browser per source, so a
 * reload or a failed run never loses what was typed. A read over one writable table can be
 * edited in place in its result grid (see editable-query-result.tsx).
 */
import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { SqlEditor, type SqlDiagnostic } from "@/components/builder/sql-editor";
import { Alert } from "@/components/ui/surface";
import type { QueryMode, QueryResult } from "@/lib/schemas/queries";
import type { DatasourceKind } from "@/lib/schemas/datasources";
import { dialectOf } from "@/lib/sql/dialects";
import { formatSql } from "@/lib/sql/format-sql";
import { useTRPC } from "@/lib/trpc/client";
import { errorMessage } from "@/lib/trpc/error-message";
import { ParamsPanel } from "./params-panel";
import type { PagedQuery } from "./paged-query-result";
import { QueryOutcome } from "./query-outcome";
import { QueryToolbar } from "./query-toolbar";
import { completionNamespace } from "./sql-schema";
import { parseParamText, templateExpressions, type ParamValue } from "./template-params";
import { useQueryRun } from "./use-query-run";
import { useStoredDraft } from "./use-stored-draft";

export interface WorkbenchSource {
  id: string;
  name: string;
  kind: DatasourceKind;
  readOnly: boolean;
}

export function Workbench({ sources, initialSourceId }: { sources: WorkbenchSource[]; initialSourceId: string | null }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [sourceId, setSourceId] = useState(initialSourceId ?? sources[0]?.id ?? "");
  const source = sources.find((candidate) => candidate.id === sourceId) ?? null;
  const dialect = dialectOf(source?.kind ?? "postgres");
  const [sql, setSql] = useStoredDraft(`rowcraft.workbench.${sourceId}`, "");
  const [mode, setMode] = useState<QueryMode>("read");
  const [paramText, setParamText] = useState<Record<string, string>>({});
  const [outcome, setOutcome] = useState<QueryResult | null>(null);
  const [lastRun, setLastRun] = useState<PagedQuery | null>(null);
  const [formatError, setFormatError] = useState<string | null>(null);
  const queryRun = useQueryRun();
  const schema = useQuery(trpc.datasources.schema.queryOptions({ id: sourceId }, { enabled: Boolean(sourceId), retry: false }));
  const namespace = useMemo(() => (schema.data ? completionNamespace(schema.data.schema) : undefined), [schema.data]);
  const expressions = useMemo(() => templateExpressions(sql), [sql]);

  const diagnostics: SqlDiagnostic[] = useMemo(() => {
    if (!outcome || outcome.ok || outcome.error.position === null) return [];
    const from = outcome.error.position;
    const tokenEnd = sql.slice(from).search(/[\s,;()]/);
    return [{ from, to: tokenEnd <= 0 ? from + 1 : from + tokenEnd, message: outcome.error.message }];
  }, [outcome, sql]);

  async function run(preview: boolean) {
    if (!source || !sql.trim()) return;
    const params: Record<string, ParamValue> = {};
    for (const expression of expressions) params[expression] = parseParamText(paramText[expression] ?? "");
    const result = await queryRun.start({ datasourceId: source.id, sql, mode, params, preview });
    if (result) {
      setOutcome(result);
      setLastRun({ datasourceId: source.id, sql, params });
    }
  }

  /** Runs the last run's query again (after edits of its rows were saved), whatever the editor holds now. */
  async function rerun() {
    if (!lastRun) return;
    const result = await queryRun.start({ ...lastRun, mode: "read", preview: false });
    if (result) setOutcome(result);
  }

  function format() {
    try {
      setSql(formatSql(sql, dialect));
      setFormatError(null);
    } catch (error) {
      setFormatError(`Could not format: ${error instanceof Error ? error.message.split("\n")[0] : "the SQL could not be read"}. Your text is unchanged.`);
    }
  }

  if (!source) {
    return <Alert tone="info">No data source is connected yet. An admin adds one under Data sources.</Alert>;
  }

  return (
    <div
      style={{ display: "grid", gap: "var(--space-3)" }}
      onKeyDown={(event) => {
        // Ctrl/Cmd+Enter runs from anywhere in the workbench (the editor handles its own and prevents default).
        if (event.key === "Enter" && (event.ctrlKey || event.metaKey) && !event.defaultPrevented) {
          event.preventDefault();
          void run(mode === "write");
        }
      }}
    >
      <QueryToolbar
        sources={sources}
        sourceId={sourceId}
        onSourceChange={(id) => {
          setSourceId(id);
          setOutcome(null);
          router.replace(`/workbench?source=${id}`);
        }}
        mode={mode}
        onModeChange={setMode}
        canWrite={!source.readOnly}
        isRunning={queryRun.isRunning}
        onRun={() => void run(false)}
        onPreview={() => void run(true)}
        onCancel={queryRun.cancel}
        onFormat={format}
        sourceName={source.name}
      />
      {formatError ? <Alert tone="error">{formatError}</Alert> : null}
      {schema.error ? <Alert tone="info">Autocomplete is unavailable: {errorMessage(schema.error)}</Alert> : null}
      <SqlEditor label="SQL" value={sql} onChange={setSql} dialect={dialect} schema={namespace} diagnostics={diagnostics} onRun={() => void run(mode === "write")} placeholder="SELECT … — use {{ name }} for values" />
      <ParamsPanel expressions={expressions} values={paramText} onChange={(expression, text) => setParamText((previous) => ({ ...previous, [expression]: text }))} />
      {queryRun.requestError ? <Alert tone="error">{errorMessage(queryRun.requestError)}</Alert> : null}
      <QueryOutcome outcome={outcome} isRunning={queryRun.isRunning} pager={lastRun} onReload={rerun} />
    </div>
  );
}
