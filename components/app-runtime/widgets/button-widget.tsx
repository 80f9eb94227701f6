"use client";
/**
 * A button that runs an action (its mapping evaluated now, confirmed when the widget or the
 * action asks) or one of the app's queries. Disabled while running; the result or error shows
 * next to it; after a success the automatic queries run again so the page shows fresh data.
 *
 * A per-row action whose key comes from `{{ table.selectedRow.… }}` runs on EVERY selected row
 * of that table (`selectedRow` standing for each in turn): one row runs once, several start a
 * bulk run with its progress panel; rows the action's precondition refuses are skipped, and
 * with nothing selected the button is off and says why.
 *
 * Queries are confirmed when the widget asks; a write's confirmation says how many rows it
 * changes, from a rolled-back preview. Disabled while running, while its "disabled when"
 * binding is true, and for viewers when it changes data — always with the reason next to it.
 */
import { useState } from "react";
import type { Widget } from "@/lib/app-document";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import styles from "../app-runtime.module.css";
import { mappedInput, selectedRowsOf, selectionInputs } from "../action-input";
import { useMutation } from "@tanstack/react-query";
import { RunProgressPanel } from "@/components/actions/run-progress-panel";
import { confirmTitle, countLabel, newRequestKey, splitByPrecondition } from "@/components/actions/run-format";
import { useActionRun } from "@/components/actions/use-action-run";
import { useTRPC } from "@/lib/trpc/client";
import { errorMessage } from "@/lib/trpc/error-message";
import { OutcomeLine } from "../outcome-line";
import { useAppRuntime } from "../runtime-context";
import { actionBlocked, actionVia, rowsTableOf, useActionInvoke, type Outcome } from "../use-action-invoke";
import { useProperty } from "../use-widget-data";
import { previewSummary } from "../write-preview";
import { WidgetError, WidgetFrame } from "../widget-frame";

type ButtonWidgetType = Extract<Widget, { type: "button" }>;

function rowsChanged(state: { result: { ok: boolean; affectedRows?: number | null } | null }): string {
  const affected = state.result && "affectedRows" in state.result ? state.result.affectedRows : null;
  return typeof affected === "number" ? ` ${affected === 1 ? "1 row" : `${affected.toLocaleString("en-US")} rows`} changed.` : "";
}

export function ButtonWidget({ widget }: { widget: ButtonWidgetType }) {
  const runtime = useAppRuntime();
  const { app, scope, runQuery, previewQuery, refreshQueries, canOperate } = runtime;
  const { run, confirm } = widget.props;
  const label = useProperty("Label", widget.props.label);
  const disabledWhen = useProperty("Disabled when", widget.props.disabledWhen ?? "");
  const action = run.kind === "action" ? app.actions.find((candidate) => candidate.name === run.action) : undefined;
  const rowsFrom = run.kind === "action" && action ? rowsTableOf(action, run.mapping) : null;
  const selection = selectedRowsOf(scope, rowsFrom);
  const perRowSelection = rowsFrom !== null && action?.mode === "perRow";
  const split = splitByPrecondition(action?.precondition ?? null, selection);
  const selectionBlocked = perRowSelection ? (selection.length === 0 ? `Select rows in ${rowsFrom} first.` : split.eligible.length === 0 ? (action?.precondition?.message ?? null) : null) : null;
  const query = run.kind === "query" ? app.document.queries.find((candidate) => candidate.id === run.query) : undefined;
  const disabledByBinding = widget.props.disabledWhen !== undefined && disabledWhen.ok && Boolean(disabledWhen.value) ? (widget.props.disabledReason ?? "Not available right now.") : null;
  const blocked =
    run.kind === "action"
      ? (actionBlocked(action, run.action) ?? selectionBlocked ?? disabledByBinding)
      : query?.mode === "write" && !canOperate
        ? `Needs the operator role: ${run.query} changes data.`
        : disabledByBinding;
  const trpc = useTRPC();
  const startRun = useMutation(trpc.actions.startRun.mutationOptions());
  const [runId, setRunId] = useState<string | null>(null);
  const bulk = useActionRun(runId, { onSettled: () => void refreshQueries() });
  const [changes, setChanges] = useState<string | null>(null);
  const [previewing, setPreviewing] = useState(false);
  const { invoke, outcome, setOutcome, isRunning } = useActionInvoke();
  const [queryRunning, setQueryRunning] = useState(false);
  const [queryOutcome, setQueryOutcome] = useState<Outcome | null>(null);
  const [pending, setPending] = useState<Record<string, unknown> | null>(null);
  const [pendingRows, setPendingRows] = useState<{ items: { rowKey: string; input: Record<string, unknown> }[]; note: string } | null>(null);
  const [confirming, setConfirming] = useState(false);
  const confirmText = confirm ?? action?.danger?.confirm ?? null;
  const text = label.ok ? String(label.value ?? "") || widget.id : widget.props.label;

  async function runAction(input: Record<string, unknown>) {
    if (!action) return;
    if (await invoke(action, input, actionVia(runtime, widget.id, rowsFrom))) void refreshQueries();
  }

  async function runOnRows(items: { rowKey: string; input: Record<string, unknown> }[]) {
    if (!action) return;
    const [only] = items;
    if (items.length === 1 && only) return runAction(only.input);
    setOutcome(null);
    try {
      const started = await startRun.mutateAsync({ action: action.name, items, requestKey: newRequestKey(), confirmed: action.danger ? true : undefined, via: actionVia(runtime, widget.id, rowsFrom) });
      if (started.status === "started") setRunId(started.runId);
      else setOutcome({ tone: "error", text: `${action.title} did not start: ${started.message}` });
    } catch (error) {
      setOutcome({ tone: "error", text: `${action.title} did not start: ${errorMessage(error)}` });
    }
  }

  async function runAppQuery(queryId: string) {
    setQueryOutcome(null);
    setQueryRunning(true);
    try {
      const state = await runQuery(queryId);
      if (!state) return;
      const failure = state.error ?? (state.result && !state.result.ok ? state.result.error.message : null);
      if (failure) {
        setQueryOutcome({ tone: "error", text: `${queryId} failed: ${failure}` });
        return;
      }
      setQueryOutcome({ tone: "success", text: `${queryId} ran.${rowsChanged(state)}` });
      if (app.document.queries.find((query) => query.id === queryId)?.mode === "write") void refreshQueries();
    } finally {
      setQueryRunning(false);
    }
  }

  async function confirmQuery(queryId: string) {
    if (query?.mode !== "write") {
      setChanges(null);
      setConfirming(true);
      return;
    }
    setQueryOutcome(null);
    setPreviewing(true);
    try {
      const summary = previewSummary(queryId, await previewQuery(queryId));
      if (!summary.ok) {
        setQueryOutcome({ tone: "error", text: summary.text });
        return;
      }
      setChanges(summary.text);
      setConfirming(true);
    } finally {
      setPreviewing(false);
    }
  }

  function onClick() {
    if (run.kind === "query") {
      if (confirm) void confirmQuery(run.query);
      else void runAppQuery(run.query);
      return;
    }
    if (!action) return;
    if (perRowSelection && rowsFrom) {
      const items = selectionInputs(action, run.mapping, scope, rowsFrom, split.eligible);
      if (!items.ok) return setOutcome({ tone: "error", text: `${action.title} cannot run: ${items.message}` });
      const skipped = split.skipped.length ? ` ${countLabel(split.skipped.length, "selected row")} will be skipped: ${action.precondition?.message ?? ""}` : "";
      if (confirmText) {
        setPendingRows({ items: items.items, note: skipped });
        setConfirming(true);
        return;
      }
      void runOnRows(items.items);
      return;
    }
    const input = mappedInput(action, run.mapping, scope);
    if (!input.ok) {
      setOutcome({ tone: "error", text: `${action.title} cannot run: ${input.message}` });
      return;
    }
    if (confirmText) {
      setPending(input.input);
      setConfirming(true);
      return;
    }
    void runAction(input.input);
  }

  const busy = isRunning || queryRunning || previewing || startRun.isPending || bulk?.view?.run.status === "running";
  const reasonId = `${widget.id}-disabled-reason`;
  return (
    <WidgetFrame label={text} variant="bare" busy={busy}>
      <div className={styles.inline} style={{ flexWrap: "nowrap" }}>
        <Button variant={action?.danger ? "danger" : "primary"} disabled={busy || blocked !== null} onClick={onClick} title={blocked ?? undefined} aria-describedby={blocked ? reasonId : undefined}>
          {previewing ? "Checking…" : busy ? "Running…" : text}
        </Button>
        {blocked ? (
          <span id={reasonId} className={styles.muted} style={{ whiteSpace: "nowrap", overflow: "hidden", textOverflow: "ellipsis", minWidth: 0, flex: 1 }} title={blocked}>
            {action && !action.canRun ? `Needs the ${action.minRole} role.` : blocked}
          </span>
        ) : null}
      </div>
      {!label.ok ? <WidgetError message={label.message} /> : null}
      {!disabledWhen.ok ? <WidgetError message={disabledWhen.message} /> : null}
      <OutcomeLine outcome={run.kind === "query" ? queryOutcome : outcome} />
      {bulk ? <RunProgressPanel run={bulk} onClose={() => setRunId(null)} /> : null}
      {confirmText && action ? (
        <ConfirmDialog
          open={confirming}
          onOpenChange={setConfirming}
          title={pendingRows && pendingRows.items.length > 1 ? confirmTitle(action.title, pendingRows.items.length) : `${text}?`}
          description={`${confirmText}${pendingRows?.note ?? ""}`}
          confirmLabel={action.title}
          tone={action.danger ? "danger" : "primary"}
          busy={isRunning}
          onConfirm={() => {
            setConfirming(false);
            if (pendingRows) void runOnRows(pendingRows.items);
            else if (pending) void runAction(pending);
            setPendingRows(null);
          }}
        />
      ) : null}
      {confirm && run.kind === "query" ? (
        <ConfirmDialog
          open={confirming}
          onOpenChange={setConfirming}
          title={`${text}?`}
          description={changes ? `${confirm} ${changes}` : confirm}
          confirmLabel={text}
          tone={query?.mode === "write" ? "danger" : "primary"}
          busy={queryRunning}
          onConfirm={() => {
            setConfirming(false);
            void runAppQuery(run.query);
          }}
        />
      ) : null}
    </WidgetFrame>
  );
}
