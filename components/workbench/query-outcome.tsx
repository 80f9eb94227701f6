"use client";
/**
 * What the last run produced: rows with count, time and truncation notice; a write's effect
 * (for a preview, samples of the changed rows before and after); or a plain error. Rows that are
 * rows of one writable table (`editable`) can be edited in place; that grid stays mounted while
 * the query runs again, so staged edits, conflicts and the last save's outcome survive it.
 */
import { Alert, Badge } from "@/components/ui/surface";
import type { QueryPreview, QueryResult, QueryRowSample, QuerySuccess } from "@/lib/schemas/queries";
import { EditableQueryResult, queryEditsKey } from "./editable-query-result";
import { PagedQueryResult, type PagedQuery } from "./paged-query-result";
import { ActionableResult } from "./actionable-result";
import { ResultTable } from "./result-table";

const ERROR_TITLES: Record<string, string> = {
  syntax_error: "Syntax error",
  multiple_statements: "Forbidden statement",
  forbidden_statement: "Forbidden statement",
  forbidden_function: "Forbidden function",
  table_not_readable: "Table not allowed",
  table_not_writable: "Table not allowed",
  missing_where: "Missing WHERE",
  timeout: "Timeout",
  cancelled: "Cancelled",
  cost_too_high: "Query too expensive",
  too_many_rows_affected: "Too many rows",
  result_too_large: "Result too large",
};

function errorTitle(source: string, code: string): string {
  return ERROR_TITLES[code] ?? (source === "guard" ? "Query refused" : "Database error");
}

/**
 * `pager`: the run that produced `outcome`, so a result cut by the row cap can be paged on the
 * server; with `onReload` (which runs it again) an editable result can be edited in place.
 */
export function QueryOutcome({ outcome, isRunning, pager, onReload }: { outcome: QueryResult | null; isRunning: boolean; pager?: PagedQuery | null; onReload?: () => Promise<unknown> }) {
  const editable = outcome?.ok && outcome.kind === "select" && !outcome.truncated && pager && onReload ? (outcome.editable ?? null) : null;
  if (isRunning && !editable) return <p role="status">Running…</p>;
  if (!outcome) return null;
  if (!outcome.ok) {
    return (
      <Alert tone="error">
        <strong>{errorTitle(outcome.error.source, outcome.error.code)}:</strong> {outcome.error.message}
      </Alert>
    );
  }
  const time = `${outcome.durationMs.toLocaleString("en-US")} ms`;
  if (outcome.kind !== "select") {
    const count = (outcome.affectedRows ?? 0).toLocaleString("en-US");
    return (
      <div style={{ display: "grid", gap: "var(--space-2)" }}>
        <Alert tone={outcome.preview ? "info" : "success"}>
          {outcome.preview ? `Preview: ${count} rows would change (rolled back, nothing saved). ${time}` : `${count} rows changed. ${time}`}
        </Alert>
        {outcome.preview ? (
          <PreviewSamples kind={outcome.kind} preview={outcome.preview} />
        ) : outcome.rows.length > 0 ? (
          <ResultTable label="Rows after the change" columns={outcome.columns} rows={outcome.rows} />
        ) : null}
      </div>
    );
  }
  if (outcome.truncated && pager) return <PagedQueryResult query={pager} columns={outcome.columns} sample={outcome.rows} rowCap={outcome.rowCap} />;
  return (
    <div style={{ display: "grid", gap: "var(--space-2)" }}>
      <div role="status" style={{ display: "flex", gap: "var(--space-3)", alignItems: "center" }}>
        {isRunning ? (
          <span>Running…</span>
        ) : (
          <>
            <span>
              <strong>{outcome.rowCount.toLocaleString("en-US")}</strong> rows
            </span>
            <span style={{ color: "var(--color-text-muted)" }}>{time}</span>
          </>
        )}
        {outcome.truncated ? <Badge tone="warning">Row cap: showing the first {outcome.rowCap.toLocaleString("en-US")} rows</Badge> : null}
      </div>
      {(outcome.warnings ?? []).map((warning) => (
        <Alert key={warning} tone="info">
          {warning}
        </Alert>
      ))}
      {editable && pager && onReload ? (
        <EditableQueryResult key={queryEditsKey(pager.datasourceId, editable)} datasourceId={pager.datasourceId} editable={editable} columns={outcome.columns} rows={outcome.rows} onReload={onReload} />
      ) : pager && onReload ? (
        <ActionableResult columns={outcome.columns} rows={outcome.rows} context={{ scope: `${pager.datasourceId}.query`, table: tableOf(pager.sql), reload: () => void onReload().catch(() => undefined) }} />
      ) : (
        <ResultTable label="Query results" columns={outcome.columns} rows={outcome.rows} />
      )}
    </div>
  );
}

/** The first table after FROM, only to rank action-input suggestions (`id` → `orderId` on orders). */
function tableOf(sql: string): string {
  return /\bfrom\s+(?:[\w"`]+\.)?["`]?(\w+)/i.exec(sql)?.[1] ?? "";
}

function Sample({ title, label, sample, empty }: { title: string; label: string; sample: QueryRowSample | null; empty: string }) {
  return (
    <section style={{ display: "grid", gap: "var(--space-1)", alignContent: "start", minWidth: 0 }}>
      <h3 style={{ margin: 0, fontSize: "var(--text-sm)" }}>{title}</h3>
      {sample && sample.rows.length > 0 ? (
        <ResultTable label={label} columns={sample.columns} rows={sample.rows} />
      ) : (
        <p style={{ margin: 0, color: "var(--color-text-muted)" }}>{sample ? "No rows." : empty}</p>
      )}
    </section>
  );
}

/** Side by side: up to 20 changed rows as they are, and as the write would leave them. */
function PreviewSamples({ kind, preview }: { kind: QuerySuccess["kind"]; preview: QueryPreview }) {
  return (
    <div style={{ display: "grid", gap: "var(--space-2)" }}>
      {preview.notes.map((note, index) => (
        <p key={`${index}:${note}`} style={{ margin: 0, color: "var(--color-text-muted)" }}>
          {note}
        </p>
      ))}
      <div style={{ display: "grid", gap: "var(--space-3)", gridTemplateColumns: "repeat(auto-fit, minmax(320px, 1fr))" }}>
        <Sample title="Before (sample)" label="Rows before the change" sample={preview.before} empty={kind === "insert" ? "An INSERT adds new rows; there is nothing before." : "Not available."} />
        <Sample title="After (sample)" label="Rows after the change" sample={preview.after} empty={kind === "delete" ? "These rows would be deleted." : "Not available."} />
      </div>
    </div>
  );
}
