/**
 * How every driver runs a previewed write with samples, decided in one place: which statement
 * gives the "before" rows, which statement to run as the write (the guard's RETURNING variant
 * when the server has RETURNING for it), and where the "after" rows come from. The drivers run
 * the steps in one transaction and always roll it back.
 */
import type { BoundStatement, ColumnInfo, ExecuteRequest, PreviewSampling, RowSample } from "./types";

export interface PreviewSteps {
  sampleSize: number;
  before: BoundStatement | null;
  /** What to execute as the write. */
  write: BoundStatement;
  /** "write-rows": the write's RETURNING rows; "reselect": select the before rows again by primary key. */
  after: "write-rows" | "reselect" | "none";
  /** The write's rows are the user's own RETURNING rows (kept in the result), not ones added for the sample. */
  userRows: boolean;
  notes: string[];
}

type WriteKind = PreviewSampling["kind"];

const VERB: Record<WriteKind, string> = { insert: "INSERT", update: "UPDATE", delete: "DELETE" };

/** `canReturn(kind)`: whether this server supports `<kind> … RETURNING`. */
export function previewSteps(request: ExecuteRequest, canReturn: (kind: WriteKind) => boolean): PreviewSteps {
  const plain = { sql: request.sql, values: request.values };
  const sampling = request.sampling;
  if (!sampling) return { sampleSize: 0, before: null, write: plain, after: "none", userRows: true, notes: [] };
  const base = { sampleSize: sampling.sampleSize, before: sampling.before, notes: [...sampling.notes] };
  // Deleted rows have no "after"; the before sample shows what goes.
  if (sampling.kind === "delete") return { ...base, write: plain, after: "none", userRows: true };
  if (sampling.hasReturning) return { ...base, write: plain, after: "write-rows", userRows: true };
  if (sampling.returning !== null && canReturn(sampling.kind)) return { ...base, write: sampling.returning, after: "write-rows", userRows: false };
  if (sampling.kind === "update" && sampling.reselect !== null && sampling.before !== null) return { ...base, write: plain, after: "reselect", userRows: true };
  // The guard built a RETURNING variant this server cannot run (MySQL, MariaDB before 10.5).
  // Other reasons (no primary key to re-select by, a refused sample) are in the notes already.
  if (sampling.returning !== null) base.notes.push(`No sample of the rows after the change: this server has no ${VERB[sampling.kind]} … RETURNING.`);
  return { ...base, write: plain, after: "none", userRows: true };
}

/**
 * SELECT of the sampled rows by primary key, after an UPDATE that cannot return them. Rows whose
 * key the UPDATE itself changed are not found again (their old key is gone).
 */
export function reselectByKey(quote: (name: string) => string, reselect: { table: string; primaryKey: string[] }, rows: readonly Record<string, unknown>[]): BoundStatement | null {
  const key = reselect.primaryKey;
  if (rows.length === 0 || key.length === 0 || rows.some((row) => key.some((column) => !(column in row)))) return null;
  const match = `(${key.map((column) => `${quote(column)} = ?`).join(" AND ")})`;
  return {
    sql: `SELECT * FROM ${reselect.table} WHERE ${rows.map(() => match).join(" OR ")}`,
    values: rows.flatMap((row) => key.map((column) => row[column])),
  };
}

export function sampleOf(result: { columns: ColumnInfo[]; rows: Record<string, unknown>[] }, sampleSize: number): RowSample {
  return { columns: result.columns, rows: result.rows.slice(0, sampleSize) };
}

export function sampleFailure(what: "before" | "after", error: unknown): string {
  return `No sample of the rows ${what} the change: ${error instanceof Error ? error.message : String(error)}`;
}

/** The result shape of a write whose rows were only fetched for the sample. */
export function noRows(): { columns: ColumnInfo[]; rows: Record<string, unknown>[]; rowCount: number; truncated: boolean } {
  return { columns: [], rows: [], rowCount: 0, truncated: false };
}
