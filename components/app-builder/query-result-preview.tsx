"use client";
/** The outcome of a query's last run in the preview: rows and time, the error, or a few rows. */
import type { QueryState } from "@/components/app-runtime";
import { Alert, DataTable } from "@/components/ui/surface";
import styles from "./queries-panel.module.css";

const PREVIEW_ROWS = 20;
const PREVIEW_COLUMNS = 12;

function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

export function QueryResultPreview({ state }: { state: QueryState | undefined }) {
  const result = state?.result ?? null;
  if (state?.error) return <Alert tone="error">{state.error}</Alert>;
  if (result === null) {
    return (
      <p className={styles.placeholder} role="status">
        {state?.isLoading ? "Running…" : "Not run yet. Run it to see its rows."}
      </p>
    );
  }
  if (!result.ok) {
    return (
      <Alert tone="error">
        {result.error.source === "guard" ? "Refused: " : "Database error: "}
        {result.error.message}
      </Alert>
    );
  }
  const columns = result.columns.slice(0, PREVIEW_COLUMNS);
  const count = result.kind === "select" ? `${result.rowCount.toLocaleString("en-US")} row${result.rowCount === 1 ? "" : "s"}${result.truncated ? ` (first ${result.rowCap.toLocaleString("en-US")})` : ""}` : `${result.affectedRows ?? 0} row(s) changed`;
  return (
    <div className={styles.result}>
      <p role="status" className={styles.resultSummary}>
        {count} in {result.durationMs} ms{state?.isLoading ? " — running again…" : ""}
      </p>
      {(result.warnings ?? []).map((warning) => (
        <Alert key={warning} tone="info">
          {warning}
        </Alert>
      ))}
      {result.rows.length > 0 ? (
        <DataTable aria-label="Query result preview">
          <thead>
            <tr>
              {columns.map((column) => (
                <th key={column.name} scope="col">
                  {column.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {result.rows.slice(0, PREVIEW_ROWS).map((row, index) => (
              // Preview rows have no known key; they are never reordered or edited here.
              <tr key={index}>
                {columns.map((column) => (
                  <td key={column.name}>{cellText(row[column.name])}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </DataTable>
      ) : null}
    </div>
  );
}
