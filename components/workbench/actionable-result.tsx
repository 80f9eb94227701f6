"use client";
/**
 * Read query results with row selection and "Run action": the same action flow as the table
 * editor (picker, mapping, progress, per-row results in a status column). Results have no key of
 * their own, so a row's identity is its position in the result as it arrived.
 */
import { useCallback, useMemo, useRef, useState } from "react";
import { useGridActions } from "@/components/actions/use-grid-actions";
import { DataGrid, gridColumnsFromResult, NO_ROWS_SELECTED, type DataGridHandle, type GridRow, type RowSelection } from "@/components/grid";
import { Button } from "@/components/ui/button";
import type { ResultColumn } from "./result-table";

export interface ActionContext {
  /** Where the last mapping per action is remembered (data source + the query's main table). */
  scope: string;
  /** The table the query reads, for mapping suggestions (`id` → `orderId` on `orders`). */
  table: string;
  /** Re-runs the query after an action changed rows. */
  reload: () => void;
}

export function ActionableResult({ columns, rows, context }: { columns: ResultColumn[]; rows: Record<string, unknown>[]; context: ActionContext }) {
  const grid = useRef<DataGridHandle>(null);
  const [selection, setSelection] = useState<RowSelection>(NO_ROWS_SELECTED);
  const gridColumns = useMemo(() => gridColumnsFromResult(columns, rows), [columns, rows]);
  const positions = useMemo(() => new WeakMap(rows.map((row, index) => [row, index])), [rows]);
  const getRowId = useCallback((row: GridRow) => `#${positions.get(row) ?? -1}`, [positions]);
  const actions = useGridActions({
    table: context.table,
    scope: context.scope,
    columns: gridColumns,
    rows,
    getRowId,
    selectedRows: () => grid.current?.getSelectedRows() ?? [],
    reload: context.reload,
  });
  const nothingSelected = selection.kind === "ids" && selection.ids.size === 0;
  return (
    <div style={{ display: "grid", gap: "var(--space-2)" }}>
      {actions.panel}
      <DataGrid
        ref={grid}
        label="Query results"
        columns={gridColumns}
        rows={rows}
        getRowId={getRowId}
        selectedRowIds={selection}
        onSelectionChange={setSelection}
        rowStatus={actions.rowStatus}
        statusLabel={actions.statusLabel}
        height={420}
      >
        <Button size="small" disabled={nothingSelected} onClick={actions.openRunDialog}>
          Run action
        </Button>
      </DataGrid>
      {actions.dialog}
    </div>
  );
}
