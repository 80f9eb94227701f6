"use client";
/**
 * The table editor's grid: staged edits (kept locally until saved or discarded), the
 * "N changes — Save / Discard" bar, one-transaction saves with conflict resolution, row
 * deletion with a confirmation that names the count, and new rows; "Run action" on the
 * selected rows, with the run's progress above the grid and its per-row results in the status
 * column (`useGridActions`). The save flow itself (`useTableSave`, `SaveMessages`,
 * `UnsavedChangesBar`) is shared with editable query results.
 */
import { useCallback, useMemo, useRef, useState } from "react";
import { useGridActions } from "@/components/actions/use-grid-actions";
import { DataGrid, gridColumnsFromResult, NO_ROWS_SELECTED, overlaySavedValues, resolveSelectedIds, type DataGridHandle, type GridRow, type GridViewStateProps, type RowSelection } from "@/components/grid";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import type { TableRefInput } from "@/lib/schemas/tables";
import { InsertRowDialog } from "./insert-row-dialog";
import { SaveMessages, UnsavedChangesBar } from "./save-controls";
import { keyOfRowId, rowIdOf } from "./save-payload";
import { usePersistedEdits } from "./use-persisted-edits";
import type { useTableRows } from "./use-table-rows";
import { useTableSave } from "./use-table-save";

type TableRows = ReturnType<typeof useTableRows>;

interface Props extends GridViewStateProps {
  datasourceId: string;
  table: TableRefInput;
  label: string;
  data: TableRows;
}

export function TableGrid({ datasourceId, table, label, data, ...viewState }: Props) {
  const meta = data.meta;
  const primaryKey = useMemo(() => meta?.primaryKey ?? [], [meta]);
  const edits = usePersistedEdits(`rowcraft.edits.${datasourceId}.${table.schema ?? ""}.${table.name}`);
  const grid = useRef<DataGridHandle>(null);
  const [selection, setSelection] = useState<RowSelection>(NO_ROWS_SELECTED);
  const [deleteIds, setDeleteIds] = useState<string[]>([]);
  const [inserting, setInserting] = useState(false);
  const saving = useTableSave({ datasourceId, table, edits, reload: data.reload, onSaved: () => setSelection(NO_ROWS_SELECTED) });

  const editable = useMemo(() => new Set((meta?.columns ?? []).filter((column) => column.editable).map((column) => column.name)), [meta]);
  const columns = useMemo(() => {
    const keys = new Set(primaryKey);
    return gridColumnsFromResult(meta?.columnTypes ?? meta?.columns ?? [], meta?.rows ?? [], { editable: (name) => editable.has(name) }).map((column) =>
      // Said when someone types into the column: why it is read-only.
      column.editable ? column : { ...column, readOnlyReason: keys.has(column.id) ? "it is the row's primary key" : "the data source's policy does not allow editing it" },
    );
  }, [meta, editable, primaryKey]);
  const positions = useMemo(() => new WeakMap((meta?.rows ?? []).map((row, index) => [row, index])), [meta]);
  const getRowId = useCallback((row: GridRow) => (primaryKey.length ? rowIdOf(row, primaryKey) : `#${positions.get(row) ?? -1}`), [primaryKey, positions]);
  // Just-saved values stay shown until the re-read rows arrive (no flash of the old value).
  const rows = useMemo(() => overlaySavedValues(data.rows, edits.saved, getRowId), [data.rows, edits.saved, getRowId]);

  // Read at click time: the grid owns the current sort/filter, so it knows which rows are in view.
  const selectedInView = () => resolveSelectedIds(selection, (grid.current?.getViewRows() ?? []).map((row) => (row ? getRowId(row) : undefined)));
  const nothingSelected = selection.kind === "ids" && selection.ids.size === 0;
  const deleteCount = deleteIds.length;
  const actions = useGridActions({
    table: table.name,
    scope: `${datasourceId}.${table.schema ?? ""}.${table.name}`,
    columns,
    rows,
    getRowId,
    selectedRows: () => grid.current?.getSelectedRows() ?? [],
    reload: () => void Promise.resolve(data.reload()).catch(() => undefined),
  });

  return (
    <div style={{ display: "grid", gap: "var(--space-3)" }}>
      <SaveMessages edits={edits} saving={saving} columns={columns} />
      {actions.panel}
      <DataGrid
        ref={grid}
        label={label}
        columns={columns}
        rows={rows}
        getRowId={getRowId}
        {...(editable.size ? edits.gridProps : {})}
        selectedRowIds={selection}
        onSelectionChange={setSelection}
        rowStatus={saving.rowStatus ?? actions.rowStatus}
        statusLabel={saving.rowStatus ? "Save" : actions.statusLabel}
        height="calc(100vh - 300px)"
        {...(data.serverPaged ? { totalRowCount: data.total, onRequestRows: data.requestRows } : {})}
        {...viewState}
      >
        <Button size="small" disabled={nothingSelected || (data.serverPaged && selection.kind === "allMatching")} title={data.serverPaged && selection.kind === "allMatching" ? "Select rows one by one: this table is too large to run an action on every matching row." : undefined} onClick={actions.openRunDialog}>
          Run action
        </Button>
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
      <UnsavedChangesBar edits={edits} saving={saving} />
      <ConfirmDialog
        open={deleteCount > 0}
        onOpenChange={(open) => (open ? undefined : setDeleteIds([]))}
        title={`Delete ${deleteCount === 1 ? "1 row" : `${deleteCount} rows`}?`}
        description={`This deletes ${deleteCount === 1 ? "1 row" : `${deleteCount} rows`} from ${table.name} in one transaction. It is recorded in the audit log and cannot be undone here.`}
        confirmLabel="Delete"
        tone="danger"
        busy={saving.isSaving}
        onConfirm={() => {
          const ids = deleteIds;
          setDeleteIds([]);
          void saving.submit({ deletes: ids.map(keyOfRowId) });
        }}
      />
      {actions.dialog}
      {inserting && meta ? (
        <InsertRowDialog
          columns={meta.columns}
          gridColumns={columns}
          busy={saving.isSaving}
          onCancel={() => setInserting(false)}
          // Errors stay in the dialog, next to their field (the page behind it is covered); it closes once the row is added.
          onInsert={(values) => saving.submit({ inserts: [values] }, [], { keepErrors: true, onOk: () => setInserting(false) })}
        />
      ) : null}
    </div>
  );
}
