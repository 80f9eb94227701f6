"use client";
/**
 * The table editor's grid: staged edits (kept locally until saved or discarded), the
 * "N changes — Save / Discard" bar, one-transaction saves with conflict resolution, row
 * deletion with a confirmation that names the count, and new rows.
 */
import { useMutation } from "@tanstack/react-query";
import { useCallback, useMemo, useRef, useState } from "react";
import { DataGrid, gridColumnsFromResult, NO_ROWS_SELECTED, resolveSelectedIds, type DataGridHandle, type GridRow, type GridViewStateProps, type RowSelection, type RowStatus } from "@/components/grid";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { Alert } from "@/components/ui/surface";
import type { SaveConflict, TableRefInput } from "@/lib/schemas/tables";
import { useTRPC } from "@/lib/trpc/client";
import { errorMessage } from "@/lib/trpc/error-message";
import { ConflictPanel } from "./conflict-panel";
import { InsertRowDialog } from "./insert-row-dialog";
import { buildUpdates, keyOfRowId, rowIdOf } from "./save-payload";
import { usePersistedEdits } from "./use-persisted-edits";
import type { useTableRows } from "./use-table-rows";

type TableRows = ReturnType<typeof useTableRows>;

interface Props extends GridViewStateProps {
  datasourceId: string;
  table: TableRefInput;
  label: string;
  data: TableRows;
}

export function TableGrid({ datasourceId, table, label, data, ...viewState }: Props) {
  const trpc = useTRPC();
  const meta = data.meta;
  const primaryKey = useMemo(() => meta?.primaryKey ?? [], [meta]);
  const edits = usePersistedEdits(`rowcraft.edits.${datasourceId}.${table.schema ?? ""}.${table.name}`);
  const grid = useRef<DataGridHandle>(null);
  const [selection, setSelection] = useState<RowSelection>(NO_ROWS_SELECTED);
  const [conflicts, setConflicts] = useState<SaveConflict[]>([]);
  const [notice, setNotice] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const [deleteIds, setDeleteIds] = useState<string[]>([]);
  const [inserting, setInserting] = useState(false);
  const save = useMutation(trpc.tables.save.mutationOptions());

  const editable = useMemo(() => new Set((meta?.columns ?? []).filter((column) => column.editable).map((column) => column.name)), [meta]);
  const columns = useMemo(() => gridColumnsFromResult(meta?.columnTypes ?? meta?.columns ?? [], meta?.rows ?? [], { editable: (name) => editable.has(name) }), [meta, editable]);
  const positions = useMemo(() => new WeakMap((meta?.rows ?? []).map((row, index) => [row, index])), [meta]);
  const getRowId = useCallback((row: GridRow) => (primaryKey.length ? rowIdOf(row, primaryKey) : `#${positions.get(row) ?? -1}`), [primaryKey, positions]);
  const rowStatus = useMemo<Map<string, RowStatus> | undefined>(
    () => (conflicts.length ? new Map(conflicts.map((conflict) => [conflict.keyId, { tone: "danger", text: conflict.theirs ? "Changed by someone else" : "Deleted by someone else" }])) : undefined),
    [conflicts],
  );

  async function submit(payload: { updates?: ReturnType<typeof buildUpdates>; deletes?: Record<string, string | number | boolean | null>[]; inserts?: Record<string, string | number | boolean | null>[]; overwrite?: string[] }) {
    setNotice(null);
    try {
      const result = await save.mutateAsync({ datasourceId, table, updates: payload.updates ?? [], deletes: payload.deletes ?? [], inserts: payload.inserts ?? [], overwrite: payload.overwrite ?? [] });
      if (result.ok) {
        if (payload.updates) edits.reset();
        setConflicts([]);
        setSelection(NO_ROWS_SELECTED);
        const parts = [result.updated && `${result.updated} rows updated`, result.inserted && `${result.inserted} added`, result.deleted && `${result.deleted} deleted`].filter(Boolean);
        setNotice({ tone: "success", text: `Saved: ${parts.join(", ")}.` });
        await data.reload();
        return true;
      }
      if (result.reason === "conflict") setConflicts(result.conflicts);
      else setNotice({ tone: "error", text: `${result.message} Your changes are kept; try again.` });
    } catch (error) {
      setNotice({ tone: "error", text: `Nothing was saved: ${errorMessage(error)} Your changes are kept; try again.` });
    }
    return false;
  }

  const saveEdits = (overwrite: string[] = []) => void submit({ updates: buildUpdates(edits.pending), overwrite });

  function takeTheirs(keyIds: string[]) {
    const rows = new Set(keyIds);
    edits.drop([...edits.staged.keys()].filter((key) => rows.has(edits.staged.get(key)?.rowId ?? "")));
    setConflicts((current) => current.filter((conflict) => !rows.has(conflict.keyId)));
    void data.reload();
  }

  // Read at click time: the grid owns the current sort/filter, so it knows which rows are in view.
  const selectedInView = () => resolveSelectedIds(selection, (grid.current?.getViewRows() ?? []).map((row) => (row ? getRowId(row) : undefined)));
  const nothingSelected = selection.kind === "ids" && selection.ids.size === 0;
  const deleteCount = deleteIds.length;
  const changeCount = edits.staged.size;

  return (
    <div style={{ display: "grid", gap: "var(--space-3)" }}>
      {edits.restoredCount > 0 && changeCount > 0 ? <Alert tone="info">Restored {changeCount} unsaved changes from your last visit.</Alert> : null}
      {notice ? <Alert tone={notice.tone}>{notice.text}</Alert> : null}
      {conflicts.length ? <ConflictPanel conflicts={conflicts} pending={edits.pending} busy={save.isPending} onTakeTheirs={takeTheirs} onOverwrite={(keyIds) => saveEdits(keyIds)} /> : null}
      <DataGrid
        ref={grid}
        label={label}
        columns={columns}
        rows={data.rows}
        getRowId={getRowId}
        {...(editable.size ? edits.gridProps : {})}
        selectedRowIds={selection}
        onSelectionChange={setSelection}
        rowStatus={rowStatus}
        statusLabel="Save"
        height="calc(100vh - 300px)"
        {...(data.serverPaged ? { totalRowCount: data.total, onRequestRows: data.requestRows } : {})}
        {...viewState}
      >
        {meta?.writable ? (
          <>
            <Button size="small" onClick={() => setInserting(true)}>
              Add row
            </Button>
            <Button size="small" variant="danger" disabled={nothingSelected || data.serverPaged} onClick={() => setDeleteIds(selectedInView())}>
              Delete selected
            </Button>
          </>
        ) : (
          <span style={{ color: "var(--color-text-muted)" }}>Read-only: {primaryKey.length ? "the policy does not allow writing this table" : "the table has no primary key"}.</span>
        )}
      </DataGrid>
      {changeCount > 0 ? (
        <div role="region" aria-label="Unsaved changes" style={{ display: "flex", gap: "var(--space-3)", alignItems: "center", padding: "var(--space-2) var(--space-3)", background: "var(--color-warning-soft)", borderRadius: "var(--radius-md)" }}>
          <strong>{changeCount === 1 ? "1 change" : `${changeCount} changes`}</strong>
          {edits.errorCount ? <span style={{ color: "var(--color-danger)" }}>{edits.errorCount} with errors: fix them before saving.</span> : null}
          <Button variant="primary" size="small" disabled={save.isPending || edits.errorCount > 0} onClick={() => saveEdits()}>
            {save.isPending ? "Saving…" : "Save"}
          </Button>
          <Button size="small" disabled={save.isPending} onClick={() => (edits.reset(), setConflicts([]))}>
            Discard
          </Button>
        </div>
      ) : null}
      <ConfirmDialog
        open={deleteCount > 0}
        onOpenChange={(open) => (open ? undefined : setDeleteIds([]))}
        title={`Delete ${deleteCount === 1 ? "1 row" : `${deleteCount} rows`}?`}
        description={`This deletes ${deleteCount === 1 ? "1 row" : `${deleteCount} rows`} from ${table.name} in one transaction. It is recorded in the audit log and cannot be undone here.`}
        confirmLabel="Delete"
        tone="danger"
        busy={save.isPending}
        onConfirm={() => {
          const ids = deleteIds;
          setDeleteIds([]);
          void submit({ deletes: ids.map(keyOfRowId) });
        }}
      />
      {inserting && meta ? <InsertRowDialog columns={meta.columns} busy={save.isPending} onCancel={() => setInserting(false)} onInsert={async (values) => (await submit({ inserts: [values] })) && setInserting(false)} /> : null}
    </div>
  );
}
