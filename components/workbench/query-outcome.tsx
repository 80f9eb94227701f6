"use client";
/** What the last run produced: rows with count, time and truncation notice; a write's effect; or a plain error. */
import { Alert, Badge } from "@/components/ui/surface";
import type { QueryResult } from "@/lib/schemas/queries";
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
};

function errorTitle(source: string, code: string): string {
  return ERROR_TITLES[code] ?? (source === "guard" ? "Query refused" : "Database error");
}

export function QueryOutcome({ outcome, isRunning }: { outcome: QueryResult | null; isRunning: boolean }) {
  if (isRunning) return <p role="status">Running…</p>;
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
        {outcome.rows.length > 0 ? <ResultTable label="Rows after the change" columns={outcome.columns} rows={outcome.rows} /> : null}
      </div>
    );
  }
  return (
    <div style={{ display: "grid", gap: "var(--space-2)" }}>
      <div role="status" style={{ display: "flex", gap: "var(--space-3)", alignItems: "center" }}>
        <span>
          <strong>{outcome.rowCount.toLocaleString("en-US")}</strong> rows
        </span>
        <span style={{ color: "var(--color-text-muted)" }}>{time}</span>
        {outcome.truncated ? <Badge tone="warning">Row cap: showing the first {outcome.rowCap.toLocaleString("en-US")} rows</Badge> : null}
      </div>
      <ResultTable label="Query results" columns={outcome.columns} rows={outcome.rows} />
    </div>
  );
}
