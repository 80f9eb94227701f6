"use client";
/**
 * Query results in the spreadsheet grid, read-only: typed columns, sort, filter, copy, CSV
 * export. Results have no key of their own, so each row's identity is its position in the
 * result as it arrived — stable under the grid's own sorting and filtering.
 */
import { useCallback, useMemo } from "react";
import { DataGrid, gridColumnsFromResult, type GridRow } from "@/components/grid";

export interface ResultColumn {
  name: string;
  dataType: string;
}

export function ResultTable({ columns, rows, label, height }: { columns: ResultColumn[]; rows: Record<string, unknown>[]; label: string; height?: number }) {
  const gridColumns = useMemo(() => gridColumnsFromResult(columns, rows), [columns, rows]);
  const positions = useMemo(() => new WeakMap(rows.map((row, index) => [row, index])), [rows]);
  const getRowId = useCallback((row: GridRow) => String(positions.get(row) ?? -1), [positions]);
  return <DataGrid label={label} columns={gridColumns} rows={rows} getRowId={getRowId} selectableRows={false} height={height ?? 420} />;
}
