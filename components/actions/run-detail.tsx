"use client";
/** One run's progress view (`/runs/<id>`): the progress panel on its own, with a way back to the list. */
import Link from "next/link";
import { RunProgressPanel } from "./run-progress-panel";
import { useActionRun } from "./use-action-run";

export function RunDetail({ runId }: { runId: string }) {
  const run = useActionRun(runId);
  return (
    <div style={{ display: "grid", gap: "var(--space-3)" }}>
      <p style={{ margin: 0 }}>
        <Link href="/runs">← All runs</Link>
      </p>
      {run ? <RunProgressPanel run={run} /> : null}
    </div>
  );
}
