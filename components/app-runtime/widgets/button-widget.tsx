"use client";
/**
 * A button that runs an action (its mapping evaluated now, confirmed when the widget or the
 * action asks) or one of the app's queries. Disabled while running; the result or error shows
 * next to it; after a success the automatic queries run again so the page shows fresh data.
 */
import { useState } from "react";
import type { Widget } from "@/lib/app-document";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import styles from "../app-runtime.module.css";
import { mappedInput } from "../action-input";
import { OutcomeLine } from "../outcome-line";
import { useAppRuntime } from "../runtime-context";
import { actionBlocked, actionVia, rowsTableOf, useActionInvoke, type Outcome } from "../use-action-invoke";
import { useProperty } from "../use-widget-data";
import { WidgetError, WidgetFrame } from "../widget-frame";

type ButtonWidgetType = Extract<Widget, { type: "button" }>;

function rowsChanged(state: { result: { ok: boolean; affectedRows?: number | null } | null }): string {
  const affected = state.result && "affectedRows" in state.result ? state.result.affectedRows : null;
  return typeof affected === "number" ? ` ${affected === 1 ? "1 row" : `${affected.toLocaleString("en-US")} rows`} changed.` : "";
}

export function ButtonWidget({ widget }: { widget: ButtonWidgetType }) {
  const runtime = useAppRuntime();
  const { app, scope, runQuery, refreshQueries } = runtime;
  const { run, confirm } = widget.props;
  const label = useProperty("Label", widget.props.label);
  const action = run.kind === "action" ? app.actions.find((candidate) => candidate.name === run.action) : undefined;
  const blocked = run.kind === "action" ? actionBlocked(action, run.action) : null;
  const { invoke, outcome, setOutcome, isRunning } = useActionInvoke();
  const [queryRunning, setQueryRunning] = useState(false);
  const [queryOutcome, setQueryOutcome] = useState<Outcome | null>(null);
  const [pending, setPending] = useState<Record<string, unknown> | null>(null);
  const [confirming, setConfirming] = useState(false);
  const confirmText = confirm ?? action?.danger?.confirm ?? null;
  const text = label.ok ? String(label.value ?? "") || widget.id : widget.props.label;

  async function runAction(input: Record<string, unknown>) {
    if (!action) return;
    const rowsFrom = run.kind === "action" ? rowsTableOf(action, run.mapping) : null;
    if (await invoke(action, input, actionVia(runtime, widget.id, rowsFrom))) void refreshQueries();
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

  function onClick() {
    if (run.kind === "query") {
      void runAppQuery(run.query);
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

  const busy = isRunning || queryRunning;
  return (
    <WidgetFrame label={text} variant="bare" busy={busy}>
      <div className={styles.inline} style={{ flexWrap: "nowrap" }}>
        <Button variant={action?.danger ? "danger" : "primary"} disabled={busy || blocked !== null} onClick={onClick} title={blocked ?? undefined}>
          {busy ? "Running…" : text}
        </Button>
        {blocked ? (
          <span className={styles.muted} style={{ whiteSpace: "nowrap", overflow: "hidden", textOverflow: "ellipsis", minWidth: 0, flex: 1 }} title={blocked}>
            {action && !action.canRun ? `Needs the ${action.minRole} role.` : blocked}
          </span>
        ) : null}
      </div>
      {!label.ok ? <WidgetError message={label.message} /> : null}
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
    </WidgetFrame>
  );
}
