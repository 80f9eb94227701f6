"use client";
/**
 * TanStack Table v9 behind the grid: column definitions from GridColumns, the view state
 * (sorting, filters, visibility, order, pinning, sizing) controlled by the parent when it
 * passes a value + onChange (e.g. to keep it in the URL) and owned here otherwise, and the
 * client-side sorted/filtered row model (server-paged grids process nothing: manual mode).
 */
import {
  columnFilteringFeature,
  columnOrderingFeature,
  columnPinningFeature,
  columnResizingFeature,
  columnSizingFeature,
  columnVisibilityFeature,
  createFilteredRowModel,
  createSortedRowModel,
  functionalUpdate,
  metaHelper,
  rowSortingFeature,
  tableFeatures,
  useTable,
  type Column,
  type ColumnDef,
  type ColumnFiltersState,
  type ColumnOrderState,
  type ColumnPinningState,
  type ColumnSizingState,
  type ColumnVisibilityState,
  type FilterFn,
  type Header,
  type OnChangeFn,
  type ReactTable,
  type SortingState,
  type TableState,
  type Updater,
} from "@tanstack/react-table";
import { useCallback, useMemo, useState } from "react";
import { compareCellValues, isFilterActive, matchesFilter } from "./filters";
import type { GridColumn, GridColumnType, GridRow } from "./types";
import { useLatest } from "./use-latest";

export const gridFeatures = tableFeatures({
  columnFilteringFeature,
  columnOrderingFeature,
  columnPinningFeature,
  columnSizingFeature,
  columnResizingFeature,
  columnVisibilityFeature,
  rowSortingFeature,
  filteredRowModel: createFilteredRowModel(),
  sortedRowModel: createSortedRowModel(),
  columnMeta: metaHelper<{ column: GridColumn }>(),
});

export type GridFeatures = typeof gridFeatures;
export type GridTable = ReactTable<GridFeatures, GridRow, TableState<GridFeatures>>;
export type GridTableColumn = Column<GridFeatures, GridRow, unknown>;
export type GridTableHeader = Header<GridFeatures, GridRow, unknown>;

/** View state a parent may control (all optional); each `on…Change` receives the new value. */
export interface GridViewStateProps {
  sorting?: SortingState;
  onSortingChange?: (sorting: SortingState) => void;
  columnFilters?: ColumnFiltersState;
  onColumnFiltersChange?: (filters: ColumnFiltersState) => void;
  columnVisibility?: ColumnVisibilityState;
  onColumnVisibilityChange?: (visibility: ColumnVisibilityState) => void;
  columnOrder?: ColumnOrderState;
  onColumnOrderChange?: (order: ColumnOrderState) => void;
  columnPinning?: ColumnPinningState;
  onColumnPinningChange?: (pinning: ColumnPinningState) => void;
  columnSizing?: ColumnSizingState;
  onColumnSizingChange?: (sizing: ColumnSizingState) => void;
}

const TYPE_WIDTHS: Record<GridColumnType, number> = {
  text: 180,
  integer: 100,
  decimal: 110,
  money: 120,
  date: 124,
  // "Dec 12, 2024, 11:22:33 PM" in the date policy's locale format fits without being cut off.
  datetime: 204,
  boolean: 88,
  enum: 132,
  json: 220,
  url: 220,
};

export const MIN_COLUMN_WIDTH = 56;
export const MAX_COLUMN_WIDTH = 960;

/** A column's starting width: its own, or one that suits its type and fits its name. */
export function initialColumnWidth(column: GridColumn): number {
  if (column.width) return column.width;
  return Math.max(TYPE_WIDTHS[column.type], Math.min(320, column.name.length * 8 + 64));
}

function toColumnDef(column: GridColumn): ColumnDef<GridFeatures, GridRow, unknown> {
  const type = column.type;
  const filterFn: FilterFn<GridFeatures, GridRow> = Object.assign(
    (row: { getValue: (id: string) => unknown }, columnId: string, filterValue: unknown) => matchesFilter(type, row.getValue(columnId), filterValue),
    { autoRemove: (value: unknown) => !isFilterActive(value) },
  );
  return {
    id: column.id,
    header: column.name,
    // accessorFn, not accessorKey: keys with dots are column names here, not paths.
    accessorFn: (row: GridRow) => row[column.id],
    size: initialColumnWidth(column),
    minSize: MIN_COLUMN_WIDTH,
    maxSize: MAX_COLUMN_WIDTH,
    sortFn: (a, b, columnId) => compareCellValues(type, a.getValue(columnId), b.getValue(columnId)),
    filterFn,
    meta: { column },
  };
}

const EMPTY_ROWS: GridRow[] = [];
const NO_SORTING: SortingState = [];
const NO_FILTERS: ColumnFiltersState = [];
const NO_VISIBILITY: ColumnVisibilityState = {};
const NO_ORDER: ColumnOrderState = [];
const NO_PINNING: ColumnPinningState = { start: [], end: [] };
const NO_SIZING: ColumnSizingState = {};

/** State the parent controls when it passes a value (and hears about through onChange), else owned here. */
export function useControllableState<T>(value: T | undefined, onChange: ((next: T) => void) | undefined, initial: T): [T, OnChangeFn<T>] {
  const [own, setOwn] = useState<T>(initial);
  const current = value !== undefined ? value : own;
  const latestRef = useLatest(current);
  const onChangeRef = useLatest(onChange);
  const controlled = value !== undefined;
  const update = useCallback(
    (updater: Updater<T>) => {
      const next = functionalUpdate(updater, latestRef.current);
      // Several updates in one event each build on the previous one.
      latestRef.current = next;
      if (!controlled) setOwn(next);
      onChangeRef.current?.(next);
    },
    [controlled, latestRef, onChangeRef],
  );
  return [current, update];
}

export interface UseGridTableOptions extends GridViewStateProps {
  columns: readonly GridColumn[];
  rows: readonly (GridRow | undefined)[];
  getRowId: (row: GridRow) => string;
  /** Server-paged: rows arrive sorted and filtered; the table only keeps view state. */
  serverPaged: boolean;
}

export interface GridTableModel {
  table: GridTable;
  /** Rows in display order (sparse in server-paged mode). */
  viewRows: readonly (GridRow | undefined)[];
  /** Visible data columns in display order: pinned first, then the rest. */
  viewColumns: GridColumn[];
  startColumns: GridTableColumn[];
  centerColumns: GridTableColumn[];
}

export function useGridTable(options: UseGridTableOptions): GridTableModel {
  const { columns, rows, serverPaged } = options;
  const [sorting, onSortingChange] = useControllableState(options.sorting, options.onSortingChange, NO_SORTING);
  const [columnFilters, onColumnFiltersChange] = useControllableState(options.columnFilters, options.onColumnFiltersChange, NO_FILTERS);
  const [columnVisibility, onColumnVisibilityChange] = useControllableState(options.columnVisibility, options.onColumnVisibilityChange, NO_VISIBILITY);
  const [columnOrder, onColumnOrderChange] = useControllableState(options.columnOrder, options.onColumnOrderChange, NO_ORDER);
  const [columnPinning, onColumnPinningChange] = useControllableState(options.columnPinning, options.onColumnPinningChange, NO_PINNING);
  const [columnSizing, onColumnSizingChange] = useControllableState(options.columnSizing, options.onColumnSizingChange, NO_SIZING);

  const columnDefs = useMemo(() => columns.map(toColumnDef), [columns]);
  // Client mode receives every row; server-paged rows are rendered straight from `rows`.
  const data = serverPaged ? EMPTY_ROWS : (rows as GridRow[]);

  const table = useTable({
    features: gridFeatures,
    columns: columnDefs,
    data,
    // The core row model is rebuilt when `data` changes, not when this function does.
    getRowId: options.getRowId,
    state: { sorting, columnFilters, columnVisibility, columnOrder, columnPinning, columnSizing },
    onSortingChange,
    onColumnFiltersChange,
    onColumnVisibilityChange,
    onColumnOrderChange,
    onColumnPinningChange,
    onColumnSizingChange,
    manualSorting: serverPaged,
    manualFiltering: serverPaged,
    // Shift+click on a second header adds it to the sort, as in spreadsheets.
    enableMultiSort: true,
    // First click sorts ascending for every type (the default starts numbers descending).
    sortDescFirst: false,
    columnResizeMode: "onChange",
  });

  const rowModel = table.getRowModel();
  const viewRows = useMemo(() => (serverPaged ? rows : rowModel.rows.map((row) => row.original)), [serverPaged, rows, rowModel]);
  const startColumns = table.getStartVisibleLeafColumns();
  const middleColumns = table.getCenterVisibleLeafColumns();
  const endColumns = table.getEndVisibleLeafColumns();
  // Columns pinned to the end (only reachable through controlled state) scroll with the rest.
  const centerColumns = useMemo(() => (endColumns.length ? [...middleColumns, ...endColumns] : middleColumns), [middleColumns, endColumns]);
  const viewColumns = useMemo(
    () => [...startColumns, ...centerColumns].map((column) => column.columnDef.meta?.column).filter((column): column is GridColumn => column !== undefined),
    [startColumns, centerColumns],
  );
  return { table, viewRows, viewColumns, startColumns, centerColumns };
}

/** Column order after moving one column by `delta` places among the unpinned visible ones. */
export function moveColumn(table: GridTable, columnId: string, delta: number): void {
  const order = table.getAllLeafColumns().map((column) => column.id);
  const current = table.state.columnOrder.length ? [...table.state.columnOrder, ...order.filter((id) => !table.state.columnOrder.includes(id))] : order;
  const visible = table.getCenterVisibleLeafColumns().map((column) => column.id);
  const at = visible.indexOf(columnId);
  const target = visible[at + delta];
  if (at < 0 || target === undefined) return;
  table.setColumnOrder(reorder(current, columnId, target));
}

/** `ids` with `movingId` placed where `targetId` is (before it when moving left, after it when moving right). */
export function reorder(ids: readonly string[], movingId: string, targetId: string): string[] {
  const from = ids.indexOf(movingId);
  const to = ids.indexOf(targetId);
  if (from < 0 || to < 0 || from === to) return [...ids];
  const next = ids.filter((id) => id !== movingId);
  next.splice(next.indexOf(targetId) + (from < to ? 1 : 0), 0, movingId);
  return next;
}
