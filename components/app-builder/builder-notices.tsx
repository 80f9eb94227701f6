"use client";
/** Messages under the top bar: a restored draft (with Discard), the last save's outcome, a failed save. */
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/surface";
import type { useSavedVersion } from "./use-saved-version";
import styles from "./app-builder.module.css";

function timeText(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString();
}

export function BuilderNotices({ saved, problemCount, onShowProblems }: { saved: ReturnType<typeof useSavedVersion>; problemCount: number; onShowProblems: () => void }) {
  const { notice, saveError } = saved;
  return (
    <div className={styles.notices}>
      {notice?.kind === "restored" ? (
        <Alert tone="info">
          <span className={styles.noticeRow}>
            Restored unsaved changes from {timeText(notice.savedAt)}.
            <Button size="small" onClick={saved.discardDraft}>
              Discard
            </Button>
          </span>
        </Alert>
      ) : null}
      {notice?.kind === "older" ? (
        <Alert tone="info">
          <span className={styles.noticeRow}>
            This browser has unsaved changes from {timeText(notice.savedAt)}, made on version {notice.version} — before the latest version {saved.baseVersion}. Restoring them replaces what the later versions changed.
            <Button size="small" onClick={saved.restoreOlder}>
              Restore them
            </Button>
            <Button size="small" variant="ghost" onClick={saved.discardDraft}>
              Discard
            </Button>
          </span>
        </Alert>
      ) : null}
      {saveError ? (
        <Alert tone="error">
          <span className={styles.noticeRow}>
            Not saved: {saveError}
            {saveError.includes("kept in this browser") ? "" : " Your changes are kept in this browser."}
            <Button size="small" variant="ghost" onClick={saved.clearSaveError}>
              Dismiss
            </Button>
          </span>
        </Alert>
      ) : null}
      {saved.saved?.unchanged && !saved.dirty ? (
        <Alert tone="info">No changes to save: version {saved.saved.version} already holds this app.</Alert>
      ) : null}
      {saved.saved && !saved.saved.unchanged && !saved.dirty ? (
        <Alert tone="success">
          <span className={styles.noticeRow}>
            <span>Version {saved.saved.version} saved.</span>
            <span className={styles.muted}>Add a message to it in History.</span>
            {saved.saved.problems.length > 0 ? (
              <Button size="small" variant="ghost" onClick={onShowProblems}>
                {problemCount === 1 ? "1 problem" : `${problemCount} problems`} to fix before publishing
              </Button>
            ) : null}
          </span>
        </Alert>
      ) : null}
    </div>
  );
}
