"use client";
/**
 * A button that runs an action (its mapping evaluated now, confirmed when the widget or the
 * action asks) or one of the app's queries (confirmed when the widget asks; a write's
 * confirmation says how many rows it changes, from a rolled-back preview). Disabled while
 * running, while its "disabled when" binding is true, and for viewers when it changes data —
 * always with the reason next to it. The result or error shows next to it; after a success the
 * automatic queries run again so the page shows fresh data.
 */
import { useState } from "react";
import type { Widget } from "@/lib/app-document";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import styles from "../app-runtime.module.css";
import { mappedInput } from "../action-input";
import { OutcomeLine } from "../outcome-line";
import { useAppRuntime } from "../runtime-context";
import { actionBlocked, useActionInvoke, type Outcome } from "../use-action-invoke";
import { useProperty } from "../use-widget-data";
import { previewSummary } from "../write-preview";
import { WidgetError, WidgetFrame } from "../widget-frame";

type ButtonWidgetType = Extract<Widget, { type: "button" }>;

function rowsChanged(state: { result: { ok: boolean; affectedRows?: number | null } | null }): string {
  const affected = state.result && "affectedRows" in state.result ? state.result.affectedRows : null;
  return typeof affected === "number" ? ` ${affected === 1 ? "1 row" : `${affected.toLocaleString("en-US")} rows`} changed.` : "";
}

export function ButtonWidget({ widget }: { widget: ButtonWidgetType }) {
  const { app, scope, runQuery, previewQuery, refreshQueries, canOperate } = useAppRuntime();
  const { run, confirm } = widget.props;
  const label = useProperty("Label", widget.props.label);
  const disabledWhen = useProperty("Disabled when", widget.props.disabledWhen ?? "");
  const action = run.kind === "action" ? app.actions.find((candidate) => candidate.name === run.action) : undefined;
  const query = run.kind === "query" ? app.document.queries.find((candidate) => candidate.id === run.query) : undefined;
  const blocked =
    run.kind === "action"
      ? actionBlocked(action, run.action)
      : query?.mode === "write" && !canOperate
        ? `Needs the operator role: ${run.query} changes data.`
        : widget.props.disabledWhen !== undefined && disabledWhen.ok && Boolean(disabledWhen.value)
          ? (widget.props.disabledReason ?? "Not available right now.")
          : null;
  const [changes, setChanges] = useState<string | null>(null);
  const [previewing, setPreviewing] = useState(false);
  const { invoke, outcome, setOutcome, isRunning } = useActionInvoke();
  const [queryRunning, setQueryRunning] = useState(false);
  const [queryOutcome, setQueryOutcome] = useState<Outcome | null>(null);
  const [pending, setPending] = useState<Record<string, unknown> | null>(null);
  const [confirming, setConfirming] = useState(false);
  const confirmText = confirm ?? action?.danger?.confirm ?? null;
  const text = label.ok ? String(label.value ?? "") || widget.id : widget.props.label;

  async function runAction(input: Record<string, unknown>) {
    if (!action) return;
    if (await invoke(action, input)) void refreshQueries();
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

  const busy = isRunning || queryRunning || previewing;
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
      {confirmText && action ? (
        <ConfirmDialog
          open={confirming}
          onOpenChange={setConfirming}
          title={`${text}?`}
          description={confirmText}
          confirmLabel={action.title}
          tone={action.danger ? "danger" : "primary"}
          busy={isRunning}
          onConfirm={() => {
            setConfirming(false);
            if (pending) void runAction(pending);
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
