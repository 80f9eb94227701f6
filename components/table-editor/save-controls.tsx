"use client";
/**
 * What surrounds a grid with staged edits, shared by the table editor and editable query
 * results: above it, edits restored from the last visit, the last save's outcome and the
 * conflict panel; below it, the "N changes — Save / Discard" bar.
 */
import type { GridColumn, GridEdits } from "@/components/grid";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/surface";
import { ConflictPanel } from "./conflict-panel";
import type { TableSave } from "./use-table-save";

interface Props {
  edits: GridEdits & { restoredCount: number };
  saving: TableSave;
  /** Grid column → the table's column, for query results that rename columns. */
  sourceOf?: (columnId: string) => string;
  /** The grid's columns: conflicting values read as the grid shows them. */
  columns?: readonly GridColumn[];
}

export function SaveMessages({ edits, saving, sourceOf, columns }: Props) {
  const changeCount = edits.staged.size;
  return (
    <>
      {edits.restoredCount > 0 && changeCount > 0 ? <Alert tone="info">Restored {changeCount} unsaved changes from your last visit.</Alert> : null}
      {saving.notice ? <Alert tone={saving.notice.tone}>{saving.notice.text}</Alert> : null}
      {saving.conflicts.length ? (
        <ConflictPanel conflicts={saving.conflicts} pending={edits.pending} busy={saving.isSaving} onTakeTheirs={saving.takeTheirs} onOverwrite={(keyIds) => saving.saveEdits(keyIds)} sourceOf={sourceOf} columns={columns} />
      ) : null}
    </>
  );
}

export function UnsavedChangesBar({ edits, saving }: Omit<Props, "sourceOf" | "columns">) {
  const changeCount = edits.staged.size;
  if (changeCount === 0) return null;
  return (
    <div role="region" aria-label="Unsaved changes" style={{ display: "flex", gap: "var(--space-3)", alignItems: "center", padding: "var(--space-2) var(--space-3)", background: "var(--color-warning-soft)", borderRadius: "var(--radius-md)" }}>
      <strong>{changeCount === 1 ? "1 change" : `${changeCount} changes`}</strong>
      {edits.errorCount ? <span style={{ color: "var(--color-danger)" }}>{edits.errorCount} with errors: fix them before saving.</span> : null}
      <Button variant="primary" size="small" disabled={saving.isSaving || edits.errorCount > 0} onClick={() => saving.saveEdits()}>
        {saving.isSaving ? "Saving…" : "Save"}
      </Button>
      <Button size="small" disabled={saving.isSaving} onClick={saving.discard}>
        Discard
      </Button>
    </div>
  );
}
