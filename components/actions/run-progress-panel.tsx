"use client";
/**
 * The progress view of a bulk run: a progress bar (done / total), counts, rate and time left,
 * the commands (Cancel, Retry failed, Resume; optionally "Retry failed with a new mapping"
 * where the grid's rows are at hand) and the per-row results. Fed by `useActionRun`.
 */
import { useId } from "react";
import { Button } from "@/components/ui/button";
import { Alert, Badge, Card } from "@/components/ui/surface";
import styles from "./actions.module.css";
import { RunResults } from "./run-results";
import { countLabel, formatRate, formatTimeLeft, progressSummary, runCommands, runOutcome } from "./run-format";
import type { ActionRunState } from "./use-action-run";

export interface RunProgressPanelProps {
  run: ActionRunState;
  /** Hides the panel (the table editor drops `?run=` from the URL). */
  onClose?: () => void;
  /** Offered when failed rows can be mapped again (the grid has them). */
  onRetryWithMapping?: () => void;
}

export function RunProgressPanel({ run, onClose, onRetryWithMapping }: RunProgressPanelProps) {
  const headingId = useId();
  const { view } = run;
  if (!view) {
    return (
      <Card>
        {run.loadError ? <Alert tone="error">This run cannot be shown: {run.loadError}</Alert> : <p role="status">Loading the run…</p>}
        {onClose ? (
          <div style={{ marginTop: "var(--space-3)" }}>
            <Button size="small" onClick={onClose}>
              Close
            </Button>
          </div>
        ) : null}
      </Card>
    );
  }
  const { run: summary, progress } = view;
  const commands = runCommands(summary.status, progress);
  const percent = progress.total ? Math.round((progress.done / progress.total) * 1000) / 10 : 0;
  const rate = formatRate(progress.ratePerSecond);
  const left = formatTimeLeft(progress.etaSeconds);
  const running = summary.status === "running";
  const outcome = runOutcome(summary.status, progress);

  return (
    <Card>
      <section aria-labelledby={headingId} className={styles.panel}>
        <div className={styles.row}>
          <h2 id={headingId} className={styles.heading}>
            {summary.actionTitle} on {countLabel(summary.total)}
          </h2>
          <Badge tone={outcome.tone}>{outcome.text}</Badge>
          <span className={styles.spacer} />
          <span className={styles.muted}>
            Started {summary.createdAt.toLocaleString()} by {summary.createdBy.email}
          </span>
          {onClose ? (
            <Button size="small" variant="ghost" onClick={onClose} aria-label="Close the run panel">
              Close
            </Button>
          ) : null}
        </div>
        <div
          role="progressbar"
          aria-label="Rows done"
          aria-valuemin={0}
          aria-valuemax={progress.total}
          aria-valuenow={progress.done}
          aria-valuetext={`${progress.done} of ${progress.total} rows done`}
          className={styles.progressTrack}
        >
          <div className={outcome.tone === "danger" ? styles.progressFailed : outcome.tone === "warning" ? styles.progressMixed : styles.progressOk} style={{ width: `${percent}%` }} />
        </div>
        <div className={styles.row}>
          <strong>
            {progress.done.toLocaleString("en-US")} / {progress.total.toLocaleString("en-US")}
          </strong>
          <span>rows done</span>
          {running ? <span>· {progressSummary(progress)}</span> : null}
          {running && rate ? <span className={styles.muted}>· {rate}</span> : null}
          {running && left ? <span className={styles.muted}>· {left}</span> : null}
        </div>
        {/* Polite and steady while the run goes; says how it ended once, when it settles. */}
        <p role="status" className={styles.muted}>
          {running ? `Running, ${summary.concurrency} rows at a time.` : `${outcome.text}: ${progressSummary(progress)}.`}
          {summary.status === "interrupted" ? " The server stopped during this run; Resume runs the rows that never finished, without repeating any that did." : ""}
        </p>
        {view.canManage ? (
          <div className={styles.row}>
            {commands.cancel ? (
              <Button size="small" onClick={run.cancel} disabled={run.busy}>
                Cancel
              </Button>
            ) : null}
            {commands.retry ? (
              <Button size="small" variant="primary" onClick={run.retry} disabled={run.busy}>
                Retry failed
              </Button>
            ) : null}
            {commands.retry && onRetryWithMapping ? (
              <Button size="small" onClick={onRetryWithMapping} disabled={run.busy}>
                Change mapping and retry…
              </Button>
            ) : null}
            {commands.resume ? (
              <Button size="small" onClick={run.resume} disabled={run.busy}>
                Resume
              </Button>
            ) : null}
          </div>
        ) : null}
        {summary.stopReason ? <Alert tone="error">{summary.stopReason}</Alert> : null}
        {run.commandError ? <Alert tone="error">{run.commandError}</Alert> : null}
        {run.items ? <RunResults items={run.items} /> : <p className={styles.muted}>Loading the rows…</p>}
      </section>
    </Card>
  );
}
