"use client";
/**
 * Actions on a grid's selected rows, as one hook a grid screen wires in: "Run action" opens the
 * dialog on the selection; a started bulk run is kept in the URL (`?run=<id>`, so a reload shows
 * where it stands) and shown in a progress panel above the grid and, row by row, in the grid's
 * status column; a batch action's outcome is a notice and the same status column.
 */
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useMemo, useState, type ReactNode } from "react";
import type { GridColumn, GridRow, RowStatus } from "@/components/grid";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/surface";
import styles from "./actions.module.css";
import type { MappableColumn } from "./mapping";
import type { SelectedRow } from "./mapping-check";
import { RunActionDialog, type BatchOutcome, type RunDialogTarget } from "./run-action-dialog";
import { countLabel, rowStatusOf } from "./run-format";
import { RunProgressPanel } from "./run-progress-panel";
import { useActionRun } from "./use-action-run";

/** The run shown, from `?run=` (other parameters are kept). */
export function useRunParam(): [string | null, (runId: string | null) => void] {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const runId = params.get("run");
  const setRunId = useCallback(
    (next: string | null) => {
      const updated = new URLSearchParams(params);
      if (next) updated.set("run", next);
      else updated.delete("run");
      router.replace(`${pathname}?${updated.toString()}`, { scroll: false });
    },
    [params, pathname, router],
  );
  return [runId, setRunId];
}

export interface GridActionsOptions {
  /** The table's name, for suggestions (`id` → `orderId` on `orders`) and titles. */
  table: string;
  /** Where the last mapping per action is remembered (data source + table). */
  scope: string;
  columns: readonly GridColumn[];
  /** Every loaded row, to find a run's failed rows again. */
  rows: readonly (GridRow | undefined)[];
  getRowId: (row: GridRow) => string;
  /** The selected rows in the current view, read when the dialog opens. */
  selectedRows: () => SelectedRow[];
  /** Re-reads the grid's rows after an action changed them. */
  reload: () => void;
}

export interface GridActions {
  openRunDialog: () => void;
  rowStatus: ReadonlyMap<string, RowStatus> | undefined;
  statusLabel: string;
  /** The batch notice and the run's progress panel, for above the grid. */
  panel: ReactNode;
  /** The dialog, when open. */
  dialog: ReactNode;
}

export function useGridActions({ table, scope, columns, rows, getRowId, selectedRows, reload }: GridActionsOptions): GridActions {
  const [runId, setRunId] = useRunParam();
  const run = useActionRun(runId, { onSettled: reload });
  const [dialog, setDialog] = useState<{ rows: SelectedRow[]; target: RunDialogTarget } | null>(null);
  const [batch, setBatch] = useState<BatchOutcome | null>(null);
  const mappable = useMemo<MappableColumn[]>(() => columns.map((column) => ({ name: column.id, type: column.type, ...(column.enumValues ? { enumValues: column.enumValues } : {}) })), [columns]);

  const items = run?.items;
  const rowStatus = useMemo(() => {
    if (items) return new Map(items.map((item) => [item.rowKey, rowStatusOf(item)]));
    if (batch) {
      const status: RowStatus = batch.outcome.status === "ok" ? { tone: "success", text: "Done" } : { tone: "danger", text: batch.outcome.error };
      return new Map(batch.rowKeys.map((rowKey) => [rowKey, status]));
    }
    return undefined;
  }, [items, batch]);

  const openRetry = () => {
    if (!run?.view || !run.items) return;
    const failed = new Set(run.items.filter((item) => item.status === "failed" || item.status === "interrupted").map((item) => item.rowKey));
    const found: SelectedRow[] = [];
    for (const row of rows) {
      if (!row) continue;
      const rowKey = getRowId(row);
      if (failed.has(rowKey)) found.push({ rowKey, row });
    }
    const retryWith = run.retryWith;
    setDialog({ rows: found, target: { kind: "retry", action: run.view.run.action, retryWith, notShown: failed.size - found.length } });
  };

  const panel = (
    <>
      {batch ? (
        <div className={styles.row}>
          <div style={{ flex: 1 }}>
            <Alert tone={batch.outcome.status === "ok" ? "success" : "error"}>
              {batch.outcome.status === "ok"
                ? `${batch.title}: done once for ${countLabel(batch.rowKeys.length)}${batch.outcome.replayed ? " (it had already run with this input; nothing new happened)" : ""}.`
                : `${batch.title} did not run: ${batch.outcome.error}`}
            </Alert>
          </div>
          <Button size="small" variant="ghost" onClick={() => setBatch(null)}>
            Dismiss
          </Button>
        </div>
      ) : null}
      {run ? <RunProgressPanel run={run} onClose={() => setRunId(null)} onRetryWithMapping={openRetry} /> : null}
    </>
  );

  const dialogElement = dialog ? (
    <RunActionDialog
      table={table}
      scope={scope}
      columns={mappable}
      rows={dialog.rows}
      target={dialog.target}
      onClose={() => setDialog(null)}
      onStarted={(started) => {
        setDialog(null);
        setBatch(null);
        setRunId(started);
      }}
      onBatchDone={(outcome) => {
        setDialog(null);
        setBatch(outcome);
        if (runId) setRunId(null);
        if (outcome.outcome.status === "ok") reload();
      }}
      onRetried={() => setDialog(null)}
    />
  ) : null;

  return {
    openRunDialog: () => setDialog({ rows: selectedRows(), target: { kind: "start" } }),
    rowStatus,
    statusLabel: run?.view?.run.actionTitle ?? batch?.title ?? "Result",
    panel,
    dialog: dialogElement,
  };
}
