/**
 * Words and numbers for runs: the grid row key as a person reads it, rate and time left, the
 * confirmation that names the action and the row count ("Refund 3 orders?"), and the grid's
 * status column per row state. Pure, no React.
 */
import type { RowStatus } from "@/components/grid";
import type { ActionSummary, ItemStatus, RunProgress, RunStatus } from "@/lib/schemas/actions";
import { plural } from "./mapping";

/** The table editor's row ids are primary keys as JSON pairs (`[["id",70605]]`): shown as "70605" (or "1, 2" for composite keys). */
export function rowKeyLabel(rowKey: string): string {
  try {
    const parsed: unknown = JSON.parse(rowKey);
    if (Array.isArray(parsed) && parsed.length > 0 && parsed.every((pair) => Array.isArray(pair) && pair.length === 2)) {
      return (parsed as [unknown, unknown][]).map(([, value]) => (value === null ? "NULL" : String(value))).join(", ");
    }
  } catch {
    // Not a key id: show it as it is.
  }
  return rowKey;
}

export function countLabel(count: number, noun = "row"): string {
  return `${count.toLocaleString("en-US")} ${count === 1 ? noun : plural(noun)}`;
}

/** "Refund order" × 3 → "Refund 3 orders"; titles of another shape → "Resend shipment notification on 3 rows". */
export function actionOnRows(title: string, count: number): string {
  const words = title.trim().split(/\s+/);
  const [verb, noun] = words;
  if (words.length === 2 && verb && noun) return `${verb} ${countLabel(count, noun.toLowerCase())}`;
  return `${title} on ${countLabel(count)}`;
}

/** The danger confirmation's title: "Refund 3 orders?" */
export function confirmTitle(title: string, count: number): string {
  return `${actionOnRows(title, count)}?`;
}

export function formatRate(rate: number | null): string | null {
  if (rate === null) return null;
  return `${rate >= 100 ? Math.round(rate).toLocaleString("en-US") : rate.toLocaleString("en-US", { maximumFractionDigits: 1 })} rows/s`;
}

/** 0 → "less than a second left", 75 → "about 1 min 15 s left", 4000 → "about 1 h 7 min left". */
export function formatTimeLeft(seconds: number | null): string | null {
  if (seconds === null) return null;
  if (seconds < 1) return "less than a second left";
  if (seconds < 60) return `about ${Math.ceil(seconds)} s left`;
  if (seconds < 3600) {
    const minutes = Math.floor(seconds / 60);
    const rest = Math.round(seconds % 60);
    return `about ${minutes} min${rest ? ` ${rest} s` : ""} left`;
  }
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.round((seconds % 3600) / 60);
  return `about ${hours} h${minutes ? ` ${minutes} min` : ""} left`;
}

/**
 * How a run ended, in words and the colour it deserves: "Finished" only when every row
 * succeeded; otherwise "1 of 2 succeeded" (warning) or "0 of 2 succeeded" (danger). Runs still
 * going, cancelled or interrupted keep their status.
 */
export function runOutcome(status: RunStatus, progress: Pick<RunProgress, "ok" | "failed" | "total">): { text: string; tone: "accent" | "success" | "warning" | "danger" | "neutral" } {
  if (status !== "done" || progress.failed === 0) return { text: RUN_STATUS_TEXT[status], tone: RUN_STATUS_TONE[status] };
  const text = `${progress.ok.toLocaleString("en-US")} of ${progress.total.toLocaleString("en-US")} succeeded`;
  return { text, tone: progress.ok === 0 ? "danger" : "warning" };
}

/** Rows an action's precondition accepts, and the others with why (rows without the column cannot be checked here: they go, and the action decides). */
export function splitByPrecondition<T extends { rowKey: string; row: Record<string, unknown> }>(
  precondition: { column: string; oneOf: readonly (string | number | boolean)[]; message: string } | null,
  rows: readonly T[],
): { eligible: T[]; skipped: { rowKey: string; reason: string }[] } {
  if (!precondition) return { eligible: [...rows], skipped: [] };
  const eligible: T[] = [];
  const skipped: { rowKey: string; reason: string }[] = [];
  for (const selected of rows) {
    const value = selected.row[precondition.column];
    if (value === undefined || precondition.oneOf.some((accepted) => String(accepted) === String(value))) eligible.push(selected);
    else skipped.push({ rowKey: selected.rowKey, reason: `Skipped: ${precondition.message} (${precondition.column} is ${value === null ? "empty" : String(value)})` });
  }
  return { eligible, skipped };
}

/** What an action changes, for pickers: "orders in Acme Ops", "no rows · Acme Ops", "acme-ops (not connected)". */
export function targetLabel(action: Pick<ActionSummary, "target">): string {
  const { target } = action;
  const where = target.datasource ?? `${target.source} (not connected)`;
  return target.table === null ? `no rows · ${where}` : `${target.table} in ${where}`;
}

/** Why an action cannot take rows of `table` (the table editor's), or null when it can. */
export function tableMismatch(action: Pick<ActionSummary, "target">, table: string | null): string | null {
  if (table === null) return null;
  if (action.target.table === null) return "Acts on no rows";
  return action.target.table.toLowerCase() === table.toLowerCase() ? null : `Acts on ${action.target.table}, not ${table}`;
}

export const RUN_STATUS_TEXT: Record<RunStatus, string> = { running: "Running", done: "Finished", cancelled: "Cancelled", interrupted: "Interrupted" };
export const RUN_STATUS_TONE = { running: "accent", done: "success", cancelled: "neutral", interrupted: "warning" } as const satisfies Record<RunStatus, string>;

export const ITEM_STATUS_TEXT: Record<ItemStatus, string> = { pending: "Pending", running: "Running", ok: "Done", failed: "Failed", cancelled: "Cancelled", interrupted: "Interrupted" };
export const ITEM_STATUS_TONE = { pending: "neutral", running: "neutral", ok: "success", failed: "danger", cancelled: "neutral", interrupted: "warning" } as const satisfies Record<ItemStatus, string>;

/** One row of a run in the grid's status column: ok → "Done", failed → the error message. */
export function rowStatusOf(item: { status: ItemStatus; error: string | null }): RowStatus {
  if (item.status === "failed") return { tone: "danger", text: item.error ?? "Failed" };
  return { tone: ITEM_STATUS_TONE[item.status], text: item.status === "running" ? "Running…" : ITEM_STATUS_TEXT[item.status] };
}

/** "2 done, 1 failed" — the summary a screen reader hears when a run settles. */
export function progressSummary(progress: RunProgress): string {
  const parts = [`${progress.ok.toLocaleString("en-US")} done`];
  if (progress.failed) parts.push(`${progress.failed.toLocaleString("en-US")} failed`);
  if (progress.interrupted) parts.push(`${progress.interrupted.toLocaleString("en-US")} interrupted`);
  if (progress.cancelled) parts.push(`${progress.cancelled.toLocaleString("en-US")} cancelled`);
  if (progress.pending + progress.running) parts.push(`${(progress.pending + progress.running).toLocaleString("en-US")} to go`);
  return parts.join(", ");
}

/** What the run can do next, from its status and counts. */
export function runCommands(status: RunStatus, progress: RunProgress): { cancel: boolean; retry: boolean; resume: boolean } {
  const idle = status !== "running";
  return {
    cancel: !idle,
    retry: idle && progress.failed + progress.interrupted > 0,
    resume: idle && progress.pending + progress.interrupted + progress.cancelled > 0,
  };
}

/** A UUID for request and idempotency keys; `crypto.randomUUID` needs a secure context, so plain HTTP on a LAN falls back to getRandomValues. */
export function newRequestKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
