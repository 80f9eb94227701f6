"use client";
/**
 * A read result whose rows are rows of one writable table (the server's `editable`): the cells
 * of plain, writable, non-key columns can be edited in place, every other cell is read-only and
 * looks it. Edits are staged and kept in this browser like the table editor's (per source, table
 * and column mapping), saved through `tables.save` in one transaction with the same conflict
 * handling — with the result's column names turned back into the table's (renamed columns) —
 * and after a save the query runs again, so the grid shows what the database now holds.
 */
import { useCallback, useMemo, useRef, useState } from "react";
import { useGridActions } from "@/components/actions/use-grid-actions";
import { DataGrid, gridColumnsFromResult, NO_ROWS_SELECTED, overlaySavedValues, type DataGridHandle, type GridRow, type RowSelection } from "@/components/grid";
import { Button } from "@/components/ui/button";
import { SaveMessages, UnsavedChangesBar } from "@/components/table-editor/save-controls";
import { rowIdOf } from "@/components/table-editor/save-payload";
import { usePersistedEdits } from "@/components/table-editor/use-persisted-edits";
import { useTableSave } from "@/components/table-editor/use-table-save";
import type { QueryColumn, QueryEditable } from "@/lib/schemas/queries";

/**
 * Where staged edits of a result are kept: apart from the table editor's (its grid columns are
 * the table's own names), and per mapping, since the grid's column ids are the result's names.
 */
export function queryEditsKey(datasourceId: string, editable: QueryEditable): string {
  const mapping = [...editable.key, ...editable.columns].map((column) => `${column.output}=${column.source}`).join(",");
  return `rowcraft.query-edits.${datasourceId}.${editable.table.schema ?? ""}.${editable.table.name}.${mapping}`;
}

/** The hint above an editable result. */
export function editingHint(editable: QueryEditable): string {
  return `Editing ${editable.display}: changes are saved to the table through the guard.`;
}

/** The result's grid columns: only the mapped, writable, non-key ones can be edited. */
export function editableGridColumns(columns: readonly QueryColumn[], rows: readonly Record<string, unknown>[], editable: QueryEditable) {
  const outputs = new Set(editable.columns.map((column) => column.output));
  return gridColumnsFromResult(columns, rows, { editable: (name) => outputs.has(name) });
}

interface Props {
  datasourceId: string;
  editable: QueryEditable;
  columns: QueryColumn[];
  rows: Record<string, unknown>[];
  /** Runs the query again (after a save, or to take theirs after a conflict). */
  onReload: () => Promise<unknown>;
}

export function EditableQueryResult({ datasourceId, editable, columns, rows: loadedRows, onReload }: Props) {
  const edits = usePersistedEdits(queryEditsKey(datasourceId, editable));
  const sources = useMemo(() => new Map(editable.columns.map((column) => [column.output, column.source])), [editable]);
  const keyOutputs = useMemo(() => new Map(editable.key.map((column) => [column.source, column.output])), [editable]);
  const sourceOf = useCallback((columnId: string) => sources.get(columnId) ?? columnId, [sources]);
  const saving = useTableSave({ datasourceId, table: editable.table, edits, reload: onReload, sourceOf });

  const gridColumns = useMemo(() => editableGridColumns(columns, loadedRows, editable), [columns, loadedRows, editable]);
  const getRowId = useCallback((row: GridRow) => rowIdOf(row, editable.primaryKey, (column) => keyOutputs.get(column) ?? column), [editable, keyOutputs]);
  // Just-saved values stay shown until the query has run again (no flash of the old value).
  const rows = useMemo(() => overlaySavedValues(loadedRows, edits.saved, getRowId), [loadedRows, edits.saved, getRowId]);

  // Selected rows can run actions, as in the table editor.
  const grid = useRef<DataGridHandle>(null);
  const [selection, setSelection] = useState<RowSelection>(NO_ROWS_SELECTED);
  const actions = useGridActions({
    table: editable.table.name,
    scope: `${datasourceId}.${editable.table.schema ?? ""}.${editable.table.name}`,
    columns: gridColumns,
    rows,
    getRowId,
    selectedRows: () => grid.current?.getSelectedRows() ?? [],
    reload: () => void onReload().catch(() => undefined),
  });
  const nothingSelected = selection.kind === "ids" && selection.ids.size === 0;

  return (
    <div style={{ display: "grid", gap: "var(--space-2)" }}>
      <p style={{ margin: 0, color: "var(--color-text-muted)" }}>{editingHint(editable)}</p>
      <SaveMessages edits={edits} saving={saving} sourceOf={sourceOf} columns={gridColumns} />
      {actions.panel}
      <DataGrid
        ref={grid}
        label="Query results"
        columns={gridColumns}
        rows={rows}
        getRowId={getRowId}
        {...edits.gridProps}
        selectedRowIds={selection}
        onSelectionChange={setSelection}
        rowStatus={saving.rowStatus ?? actions.rowStatus}
        statusLabel={saving.rowStatus ? "Save" : actions.statusLabel}
        height={420}
      >
        <Button size="small" disabled={nothingSelected} onClick={actions.openRunDialog}>
          Run action
        </Button>
      </DataGrid>
      <UnsavedChangesBar edits={edits} saving={saving} />
      {actions.dialog}
    </div>
  );
}
