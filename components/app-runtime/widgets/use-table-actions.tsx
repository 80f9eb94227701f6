"use client";
/**
 * A table widget's action buttons: each runs its action on the selected rows with the mapping
 * evaluated per row (`row` bound to it). Danger actions are confirmed naming the count. One
 * row → `actions.run`; several → a bulk run (`actions.startRun`) whose progress and per-row
 * results show in the run panel and the grid's Result column; batch actions get the whole
 * selection at once. Afterwards the table's queries run again.
 */
import { useMutation } from "@tanstack/react-query";
import { useMemo, useState, type ReactNode } from "react";
import { RunProgressPanel } from "@/components/actions/run-progress-panel";
import { confirmTitle, countLabel, newRequestKey, rowKeyLabel, rowStatusOf, splitByPrecondition } from "@/components/actions/run-format";
import { useActionRun } from "@/components/actions/use-action-run";
import type { RowStatus } from "@/components/grid";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import type { Widget } from "@/lib/app-document";
import type { ActionSummary } from "@/lib/schemas/actions";
import { useTRPC } from "@/lib/trpc/client";
import { errorMessage } from "@/lib/trpc/error-message";
import styles from "../app-runtime.module.css";
import { batchInput, perRowInputs } from "../action-input";
import { OutcomeLine } from "../outcome-line";
import { useAppRuntime } from "../runtime-context";
import { actionBlocked, actionVia, useActionInvoke } from "../use-action-invoke";

type TableAction = Extract<Widget, { type: "table" }>["props"]["actions"][number];

export interface SelectedRow {
  rowKey: string;
  row: Record<string, unknown>;
}

interface Pending {
  action: ActionSummary;
  label: string;
  count: number;
  go: () => void;
  /** Rows left out by the action's precondition, said in the confirmation. */
  note: string;
}

export interface TableActions {
  toolbar: ReactNode;
  panel: ReactNode;
  rowStatus: ReadonlyMap<string, RowStatus> | undefined;
}

export function useTableActions(widgetId: string, entries: readonly TableAction[], selected: readonly SelectedRow[], reload: () => void): TableActions {
  const runtime = useAppRuntime();
  const { app, scope } = runtime;
  // The server runs this table's query again (with the values its rows ran with) to check the rows.
  const via = () => actionVia(runtime, widgetId, widgetId);
  const trpc = useTRPC();
  const startRun = useMutation(trpc.actions.startRun.mutationOptions());
  const { invoke, outcome, setOutcome, isRunning } = useActionInvoke();
  const [runId, setRunId] = useState<string | null>(null);
  const run = useActionRun(runId, { onSettled: reload });
  const [pending, setPending] = useState<Pending | null>(null);

  // Rows the last action skipped (its precondition refused them): marked in the grid with the reason.
  const [skipped, setSkipped] = useState<readonly { rowKey: string; reason: string }[]>([]);
  const runItems = run?.items;
  const rowStatus = useMemo(() => {
    if (!runItems && skipped.length === 0) return undefined;
    const marks = new Map<string, RowStatus>(skipped.map((row) => [row.rowKey, { tone: "warning", text: row.reason }]));
    for (const item of runItems ?? []) marks.set(item.rowKey, rowStatusOf(item));
    return marks;
  }, [runItems, skipped]);

  async function runBulk(action: ActionSummary, items: { rowKey: string; input: Record<string, unknown> }[]) {
    setOutcome(null);
    try {
      const started = await startRun.mutateAsync({ action: action.name, items, requestKey: newRequestKey(), confirmed: action.danger ? true : undefined, via: via() });
      if (started.status === "started") {
        setRunId(started.runId);
        return;
      }
      const rows = started.invalidRows.slice(0, 3).map((row) => `${rowKeyLabel(row.rowKey)}: ${row.errors.map((e) => (e.field ? `${e.field} ${e.message}` : e.message)).join(", ")}`);
      setOutcome({ tone: "error", text: `${action.title} did not start: ${started.message}${rows.length ? ` (${rows.join("; ")})` : ""}` });
    } catch (error) {
      setOutcome({ tone: "error", text: `${action.title} did not start: ${errorMessage(error)}` });
    }
  }

  function start(entry: TableAction, action: ActionSummary) {
    const split = splitByPrecondition(action.precondition, selected);
    setSkipped(split.skipped);
    const rows = split.eligible;
    if (rows.length === 0) return setOutcome({ tone: "error", text: `${entry.label} did not run: ${action.precondition?.message ?? "no row fits."} None of the selected rows does.` });
    const skippedNote = split.skipped.length ? ` ${countLabel(split.skipped.length, "row")} skipped: ${action.precondition?.message ?? ""}` : "";
    let go: () => void;
    if (action.mode === "batch") {
      const input = batchInput(action, entry.mapping, scope, rows.map((selectedRow) => selectedRow.row));
      if (!input.ok) return setOutcome({ tone: "error", text: `${entry.label} cannot run: ${input.message}` });
      go = () => void invoke(action, input.input, via(), `on ${rows.length === 1 ? "1 row" : `${rows.length} rows`}`).then((ok) => ok && reload());
    } else {
      const items = perRowInputs(action, entry.mapping, scope, rows);
      if (!items.ok) return setOutcome({ tone: "error", text: `${entry.label} cannot run: ${items.message}` });
      const [only] = items.items;
      go =
        items.items.length === 1 && only
          ? () => void invoke(action, only.input, via(), `for ${rowKeyLabel(only.rowKey)}`).then((ok) => ok && reload())
          : () => void runBulk(action, items.items);
    }
    const goAndSay = skippedNote ? () => (go(), setOutcome({ tone: "error", text: skippedNote.trim() })) : go;
    if (action.danger) setPending({ action, label: entry.label, count: rows.length, go: goAndSay, note: skippedNote.trim() });
    else goAndSay();
  }

  const busy = isRunning || startRun.isPending || run?.view?.run.status === "running";
  const toolbar = entries.length ? (
    <div className={styles.toolbar} role="toolbar" aria-label="Actions on the selected rows">
      {entries.map((entry) => {
        const action = app.actions.find((candidate) => candidate.name === entry.action);
        const blocked = actionBlocked(action, entry.action);
        const fitting = action ? splitByPrecondition(action.precondition, selected).eligible.length : selected.length;
        const reason = blocked ?? (selected.length === 0 ? "Select rows first." : fitting === 0 ? action?.precondition?.message ?? null : null);
        return (
          <Button key={`${entry.action}:${entry.label}`} size="small" variant={action?.danger ? "danger" : "secondary"} disabled={busy || reason !== null} title={reason ?? undefined} onClick={() => action && start(entry, action)}>
            {entry.label}
            {selected.length > 0 && !blocked ? ` (${fitting === selected.length ? selected.length : `${fitting} of ${selected.length}`})` : ""}
          </Button>
        );
      })}
      {entries.some((entry) => actionBlocked(app.actions.find((a) => a.name === entry.action), entry.action)) ? (
        <span className={styles.muted}>{[...new Set(entries.map((entry) => actionBlocked(app.actions.find((a) => a.name === entry.action), entry.action)).filter(Boolean))].join(" ")}</span>
      ) : selected.length === 0 ? (
        <span className={styles.muted}>Select rows to run an action.</span>
      ) : null}
    </div>
  ) : null;

  const panel = (
    <>
      <OutcomeLine outcome={outcome} />
      {run ? <RunProgressPanel run={run} onClose={() => setRunId(null)} /> : null}
      {pending ? (
        <ConfirmDialog
          open
          onOpenChange={(open) => (open ? undefined : setPending(null))}
          title={confirmTitle(pending.action.title, pending.count)}
          description={`${pending.action.danger?.confirm ?? ""}${pending.note ? ` ${pending.note}` : ""}`}
          confirmLabel={`${pending.label} (${pending.count})`}
          tone="danger"
          onConfirm={() => {
            const go = pending.go;
            setPending(null);
            go();
          }}
        />
      ) : null}
    </>
  );

  return { toolbar, panel, rowStatus };
}
