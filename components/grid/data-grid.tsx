"use client";
/**
 * The spreadsheet grid used for workbench results, the table editor and app table widgets.
 * This file is the composition: TanStack Table (use-grid-table) for the view, TanStack
 * Virtual for rows and columns, the controller and its keyboard/pointer hooks for
 * interaction, and the markup of the WAI-ARIA grid pattern. Edits are staged by the parent
 * (see useGridEdits) and never saved from here.
 */
import { defaultRangeExtractor, useVirtualizer, type Range } from "@tanstack/react-virtual";
import { useCallback, useEffect, useImperativeHandle, useLayoutEffect, useMemo, useRef, useState, type FocusEvent, type ReactNode, type Ref } from "react";
import { csvFileName, exportCsv, type CsvMode } from "./csv";
import styles from "./data-grid.module.css";
import { FilterPopover } from "./filter-popover";
import { GridHeader, type MenuTarget } from "./grid-header";
import { buildLayout, CHECK_WIDTH, HEADER_HEIGHT, ROW_HEIGHT, STATUS_WIDTH } from "./grid-layout";
import { NO_ROWS_SELECTED, countStagedErrors, headerSelectionState, isRowSelected, rangeBounds, selectedRowCount, type GridView } from "./grid-model";
import { GridRowView, type RowActions } from "./grid-row";
import { downloadText, GridStatusLine, GridToolbar } from "./grid-toolbar";
import { applyTypeOverrides } from "./column-types";
import type { CellPatch, CellPos, GridColumn, GridColumnType, GridRow, RowSelection, RowStatus, StagedEdits } from "./types";
import { useGridController } from "./use-grid-controller";
import { useGridKeyboard } from "./use-grid-keyboard";
import { useGridPointer } from "./use-grid-pointer";
import { useGridTable, type GridViewStateProps } from "./use-grid-table";
import { useLatest } from "./use-latest";

export interface DataGridHandle {
  /** CSV of the whole current view: every filtered/sorted row, the visible columns in order. */
  /** Raw database values under raw column names by default; "formatted" as the screen shows them. */
  exportCsv: (mode?: CsvMode) => string;
  downloadCsv: (fileName?: string, mode?: CsvMode) => void;
  getViewRows: () => readonly (GridRow | undefined)[];
  getViewColumns: () => GridColumn[];
  /** The selected rows in view order, with their ids (loaded rows only, in server-paged mode). */
  getSelectedRows: () => { rowKey: string; row: GridRow }[];
  /** Moves keyboard focus to the active cell. */
  focus: () => void;
}

export interface DataGridProps extends GridViewStateProps {
  /** Accessible name of the grid (and the export's file name). */
  label: string;
  columns: GridColumn[];
  /**
   * Client mode: every row (≤ 100,000), sorted and filtered here. Server-paged mode (with
   * `totalRowCount`): rows by absolute index in the server's order, `undefined` where not loaded.
   */
  rows: readonly (GridRow | undefined)[];
  getRowId: (row: GridRow) => string;
  /** Staged edits to show; editing is on when `onStage` is given. */
  staged?: StagedEdits;
  onStage?: (patches: CellPatch[]) => void;
  onUndo?: () => void;
  onRedo?: () => void;
  /** Row checkboxes (on by default). */
  selectableRows?: boolean;
  selectedRowIds?: RowSelection;
  onSelectionChange?: (selection: RowSelection) => void;
  /** Server-paged: the number of rows matching the query; the scrollbar spans them all. */
  totalRowCount?: number;
  /** Server-paged: asks for rows [start, end) when the visible window has rows not loaded. */
  onRequestRows?: (start: number, end: number) => void;
  /** Per-row notes (e.g. action results), shown in a status column when given. */
  rowStatus?: ReadonlyMap<string, RowStatus>;
  /** Header of the status column; "Result" by default (so it never clashes with a "status" data column). */
  statusLabel?: string;
  /** The parent's toolbar buttons. */
  children?: ReactNode;
  height?: number | string;
  ref?: Ref<DataGridHandle>;
}

const REQUEST_BLOCK = 100;

export function DataGrid(props: DataGridProps) {
  const { label, columns, rows, getRowId, staged, onStage, onUndo, onRedo, totalRowCount, onRequestRows, rowStatus, children } = props;
  const selectableRows = props.selectableRows ?? true;
  const serverPaged = totalRowCount !== undefined;
  // "Show as": the user may override a column's inferred type (display, editing and filtering follow).
  const [typeOverrides, setTypeOverrides] = useState<Record<string, GridColumnType>>({});
  const effectiveColumns = useMemo(() => applyTypeOverrides(columns, typeOverrides, rows), [columns, typeOverrides, rows]);
  const setColumnType = useCallback((columnId: string, type: GridColumnType) => setTypeOverrides((previous) => ({ ...previous, [columnId]: type })), []);
  const { table, viewRows, viewColumns, startColumns, centerColumns } = useGridTable({ ...props, columns: effectiveColumns, serverPaged });
  const rowCount = serverPaged ? totalRowCount : viewRows.length;
  const scrollerRef = useRef<HTMLDivElement>(null);
  const view = useMemo<GridView>(() => ({ rows: viewRows, columns: viewColumns, getRowId, staged }), [viewRows, viewColumns, getRowId, staged]);
  const controller = useGridController({ view, rowCount, matchingCount: rowCount, onStage, selectedRowIds: props.selectedRowIds, onSelectionChange: props.onSelectionChange });
  const { selection, editor, rowSelection } = controller;
  const [menu, setMenu] = useState<MenuTarget | null>(null);
  const [filterTarget, setFilterTarget] = useState<{ columnId: string; top: number; left: number } | null>(null);

  // Geometry: fixed columns, then pinned data columns, then the virtualised rest.
  const showStatus = rowStatus !== undefined;
  const centerSizes = centerColumns.map((column) => column.getSize());
  const pinnedSizes = startColumns.map((column) => column.getSize());
  const pinnedWidth = pinnedSizes.reduce((sum, size) => sum + size, 0);
  const sizeKey = `${pinnedSizes.join(",")}|${centerColumns.map((column, i) => `${column.id}:${centerSizes[i]}`).join(",")}`;
  const stickyWidth = (selectableRows ? CHECK_WIDTH : 0) + (showStatus ? STATUS_WIDTH : 0) + pinnedWidth;
  const activeRow = selection.anchor.row;
  const activeCenter = selection.anchor.col - startColumns.length;

  // Row keys by index for the virtualizer (all rows are the same height); React keys are row ids.
  const rowKey = useCallback((index: number) => index, []);
  const rowRange = useCallback(
    (range: Range) => {
      // The active row stays rendered when scrolled away, so focus and an open editor survive.
      const indexes = defaultRangeExtractor(range);
      if (activeRow < range.count && !indexes.includes(activeRow)) indexes.push(activeRow);
      return indexes.sort((a, b) => a - b);
    },
    [activeRow],
  );
  // The virtualizer is read during render on purpose (the project does not run React Compiler).
  // eslint-disable-next-line react-hooks/incompatible-library
  const rowVirtualizer = useVirtualizer<HTMLDivElement, HTMLDivElement>({
    count: rowCount,
    getScrollElement: () => scrollerRef.current,
    estimateSize: () => ROW_HEIGHT,
    getItemKey: rowKey,
    rangeExtractor: rowRange,
    paddingStart: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
    overscan: 8,
  });
  // A new key function whenever a width changes makes the virtualizer re-read the sizes.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const columnKey = useCallback((index: number) => `${index}`, [sizeKey]);
  const columnRange = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      if (activeCenter >= 0 && activeCenter < range.count && !indexes.includes(activeCenter)) indexes.push(activeCenter);
      return indexes.sort((a, b) => a - b);
    },
    [activeCenter],
  );
  const columnVirtualizer = useVirtualizer<HTMLDivElement, HTMLDivElement>({
    horizontal: true,
    count: centerColumns.length,
    getScrollElement: () => scrollerRef.current,
    estimateSize: (index) => centerSizes[index] ?? 120,
    getItemKey: columnKey,
    rangeExtractor: columnRange,
    paddingStart: stickyWidth,
    scrollPaddingStart: stickyWidth,
    overscan: 2,
  });

  const virtualColumns = columnVirtualizer.getVirtualItems();
  const windowKey = virtualColumns.map((item) => `${item.index}@${item.start}`).join(",");
  const layout = useMemo(
    () =>
      buildLayout({
        check: selectableRows,
        status: showStatus,
        pinned: startColumns.map((column, i) => ({ column: column.columnDef.meta!.column, width: pinnedSizes[i] ?? column.getSize() })),
        center: centerColumns.map((column, i) => ({ column: column.columnDef.meta!.column, width: centerSizes[i] ?? column.getSize() })),
        window: virtualColumns.map((item) => ({ index: item.index, start: item.start })),
      }),
    // The window and sizes are compared by value (windowKey, sizeKey): identical layouts keep rows memoised.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [selectableRows, showStatus, startColumns, centerColumns, windowKey, sizeKey],
  );

  const focusCell = useCallback((pos: CellPos) => {
    scrollerRef.current?.querySelector<HTMLElement>(`[data-row="${pos.row}"][data-col="${pos.col}"]`)?.focus({ preventScroll: true });
  }, []);

  // Whether keyboard focus is in the grid. Rows replaced under the focused cell (a placeholder
  // row filled in, a re-sort) take DOM focus with them; the grid then gives it to the active cell.
  const focusWithin = useRef(false);
  const onFocusIn = useCallback(() => {
    focusWithin.current = true;
  }, []);
  const onFocusOut = useCallback((event: FocusEvent) => {
    const next = event.relatedTarget as Node | null;
    if (next ? !scrollerRef.current?.contains(next) : (event.target as Node).isConnected) focusWithin.current = false;
  }, []);

  useLayoutEffect(() => {
    const pending = controller.takeReveal();
    if (!pending) {
      const scroller = scrollerRef.current;
      if (focusWithin.current && scroller && !scroller.contains(document.activeElement)) focusCell(controller.selection.anchor);
      return;
    }
    const { focus, anchor } = controller.selection;
    if (rowCount > 0) rowVirtualizer.scrollToIndex(focus.row, { align: "auto" });
    const center = focus.col - startColumns.length;
    if (center >= 0 && center < centerColumns.length) columnVirtualizer.scrollToIndex(center, { align: "auto" });
    if (pending.focus) focusCell(anchor);
  });

  // Server-paged: ask for the blocks of rows around the visible window that are not loaded.
  const lastRequest = useRef<{ key: string; rows: unknown } | null>(null);
  const virtualRows = rowVirtualizer.getVirtualItems();
  const visible = rowVirtualizer.range;
  const visibleStart = visible?.startIndex ?? -1;
  const visibleEnd = visible?.endIndex ?? -1;
  useEffect(() => {
    if (!serverPaged || !onRequestRows || visibleStart < 0) return;
    const from = Math.max(0, visibleStart - 8);
    const to = Math.min(rowCount - 1, visibleEnd + 8);
    let missing = false;
    for (let i = from; i <= to && !missing; i += 1) missing = rows[i] === undefined;
    if (!missing) return;
    const start = Math.floor(from / REQUEST_BLOCK) * REQUEST_BLOCK;
    const end = Math.min(rowCount, Math.ceil((to + 1) / REQUEST_BLOCK) * REQUEST_BLOCK);
    const key = `${start}:${end}`;
    if (lastRequest.current?.key === key && lastRequest.current.rows === rows) return;
    lastRequest.current = { key, rows };
    onRequestRows(start, end);
  }, [serverPaged, onRequestRows, visibleStart, visibleEnd, rowCount, rows]);

  const menuFromGrid = useRef(false);
  const openColumnMenu = useCallback(
    (col: number) => {
      const column = viewColumns[col];
      if (!column) return;
      menuFromGrid.current = true;
      setMenu({ columnId: column.id, fromGrid: true });
    },
    [viewColumns],
  );
  const changeMenu = useCallback((next: MenuTarget | null) => {
    if (next) menuFromGrid.current = next.fromGrid;
    setMenu(next);
  }, []);
  const keyboard = useGridKeyboard({
    controller,
    view,
    rowCount,
    getPageSize: () => Math.max(1, Math.floor(((scrollerRef.current?.clientHeight ?? 480) - HEADER_HEIGHT) / ROW_HEIGHT) - 1),
    onUndo,
    onRedo,
    onOpenColumnMenu: openColumnMenu,
  });
  const pointer = useGridPointer(controller);
  const returnFocus = controller.refocus;
  const onMenuClosed = useCallback(() => {
    if (!menuFromGrid.current) return false;
    menuFromGrid.current = false;
    returnFocus();
    return true;
  }, [returnFocus]);

  const openFilter = useCallback((columnId: string) => {
    const header = scrollerRef.current?.querySelector(`[data-column-id="${CSS.escape(columnId)}"]`);
    const rect = header?.getBoundingClientRect();
    const left = Math.max(8, Math.min((rect?.left ?? 8), window.innerWidth - 296));
    setFilterTarget({ columnId, top: (rect?.bottom ?? 80) + 4, left });
  }, []);

  // Stable export functions (an inline getRowId must not re-render the memoised toolbar).
  const exportSource = useLatest({ viewColumns, viewRows, staged, getRowId, label });
  const doExport = useCallback((mode: CsvMode = "raw") => {
    const source = exportSource.current;
    return exportCsv(source.viewColumns, source.viewRows, { mode, staged: source.staged, getRowId: source.getRowId });
  }, [exportSource]);
  const downloadExport = useCallback((mode: CsvMode = "raw") => downloadText(csvFileName(exportSource.current.label, mode), doExport(mode)), [exportSource, doExport]);
  useImperativeHandle(
    props.ref,
    () => ({
      exportCsv: doExport,
      downloadCsv: (fileName?: string, mode: CsvMode = "raw") => (fileName ? downloadText(fileName, doExport(mode)) : downloadExport(mode)),
      getViewRows: () => viewRows,
      getViewColumns: () => viewColumns,
      getSelectedRows: () => viewRows.flatMap((row) => (row && isRowSelected(rowSelection, getRowId(row)) ? [{ rowKey: getRowId(row), row }] : [])),
      focus: returnFocus,
    }),
    [doExport, downloadExport, viewRows, viewColumns, rowSelection, getRowId, returnFocus],
  );

  const rowActions = useMemo<RowActions>(
    () => ({ toggleRow: controller.toggleRow, commitEdit: controller.commitEdit, cancelEdit: controller.cancelEdit }),
    [controller.toggleRow, controller.commitEdit, controller.cancelEdit],
  );
  const names = useMemo(() => new Map(columns.map((column) => [column.id, column.name])), [columns]);
  const bounds = rangeBounds(selection);
  const hasCells = rowCount > 0 && viewColumns.length > 0;
  const filterColumn = filterTarget ? table.getColumn(filterTarget.columnId) : undefined;
  const filterGridColumn = filterColumn?.columnDef.meta?.column;
  const isFiltered = table.state.columnFilters.length > 0;
  const errorCount = useMemo(() => (staged ? countStagedErrors(staged) : 0), [staged]);

  return (
    <div className={styles.root}>
      <GridToolbar table={table} viewState={table.state} names={names} canExport={!serverPaged} onExport={downloadExport}>
        {children}
      </GridToolbar>
      <div
        ref={scrollerRef}
        role="grid"
        aria-label={label}
        aria-rowcount={rowCount + 1}
        aria-colcount={layout.fixedCount + viewColumns.length}
        aria-multiselectable="true"
        tabIndex={hasCells ? -1 : 0}
        className={styles.scroller}
        style={{ height: props.height ?? 480 }}
        onFocus={onFocusIn}
        onBlur={onFocusOut}
        onKeyDown={keyboard.onKeyDown}
        onCopy={keyboard.onCopy}
        onCut={keyboard.onCut}
        onPaste={keyboard.onPaste}
        onMouseDown={pointer.onMouseDown}
        onMouseOver={pointer.onMouseOver}
        onDoubleClick={pointer.onDoubleClick}
      >
        <div className={styles.canvas} style={{ height: rowVirtualizer.getTotalSize(), width: layout.totalWidth }}>
          <div role="rowgroup" className={styles.headerGroup}>
            <GridHeader
              table={table}
              viewState={table.state}
              layout={layout}
              selectAll={selectableRows ? headerSelectionState(rowSelection, rowCount) : null}
              onToggleAll={controller.toggleAllRows}
              statusLabel={props.statusLabel ?? "Result"}
              menu={menu}
              onMenuChange={changeMenu}
              onOpenFilter={openFilter}
              onMenuClosed={onMenuClosed}
              onSetColumnType={setColumnType}
            />
          </div>
          <div role="rowgroup" className={styles.body}>
            {virtualRows.map((item) => {
              const index = item.index;
              const row = viewRows[index];
              const rowId = row ? getRowId(row) : undefined;
              const inRange = index >= bounds.top && index <= bounds.bottom;
              return (
                <GridRowView
                  key={rowId ?? `row-${index}`}
                  rowIndex={index}
                  top={item.start}
                  row={row}
                  rowId={rowId}
                  layout={layout}
                  activeCol={index === activeRow ? selection.anchor.col : -1}
                  rangeLeft={inRange ? bounds.left : -1}
                  rangeRight={inRange ? bounds.right : -1}
                  selected={rowId !== undefined && isRowSelected(rowSelection, rowId)}
                  status={rowId !== undefined ? rowStatus?.get(rowId) : undefined}
                  staged={staged}
                  gridEditable={onStage !== undefined}
                  editor={editor?.row === index ? editor : null}
                  actions={rowActions}
                />
              );
            })}
          </div>
          {rowCount === 0 ? (
            <div className={styles.empty} style={{ top: HEADER_HEIGHT }}>
              {isFiltered ? "No rows match the filters." : "No rows."}
            </div>
          ) : null}
        </div>
      </div>
      <p role="status" className={styles.hint}>
        {controller.hint}
      </p>
      <GridStatusLine
        rowCount={rowCount}
        unfilteredCount={serverPaged || !isFiltered ? null : table.getPreFilteredRowModel().rows.length}
        selectedCount={selectedRowCount(rowSelection, rowCount)}
        onClearSelection={() => controller.setRowSelection(NO_ROWS_SELECTED)}
        editedCount={staged?.size ?? 0}
        errorCount={errorCount}
      />
      {filterTarget && filterColumn && filterGridColumn ? (
        <FilterPopover
          key={filterTarget.columnId}
          column={filterGridColumn}
          value={filterColumn.getFilterValue()}
          position={filterTarget}
          onApply={(filter) => {
            filterColumn.setFilterValue(filter);
            setFilterTarget(null);
            returnFocus();
          }}
          onClose={() => {
            setFilterTarget(null);
            returnFocus();
          }}
        />
      ) : null}
    </div>
  );
}
