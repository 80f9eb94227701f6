"use client";
/**
 * The header row: the "select all rows" checkbox, the status column, then one column header
 * per visible data column with its sort button, menu, drag-to-reorder and resize handle.
 * Memoised on the table's view state, so moving the active cell never re-renders it.
 */
import { memo, useState, type DragEvent, type MouseEvent as ReactMouseEvent, type TouchEvent } from "react";
import { ColumnMenu } from "./column-menu";
import styles from "./data-grid.module.css";
import { describeFilter } from "./filters";
import { CHECK_WIDTH, STATUS_WIDTH, type ColumnSlot, type GridLayout } from "./grid-layout";
import type { GridColumnType } from "./types";
import { reorder, type GridTable } from "./use-grid-table";

const DRAG_TYPE = "application/x-rowcraft-column";

export interface MenuTarget {
  columnId: string;
  /** Opened with Alt+ArrowDown from a cell: focus goes back to the cell on close. */
  fromGrid: boolean;
}

export interface GridHeaderProps {
  table: GridTable;
  /** The table's view state: a new value re-renders the header (the table object changes every render). */
  viewState: unknown;
  layout: GridLayout;
  selectAll: "all" | "some" | "none" | null;
  onToggleAll: () => void;
  statusLabel: string;
  menu: MenuTarget | null;
  onMenuChange: (menu: MenuTarget | null) => void;
  onOpenFilter: (columnId: string) => void;
  /** A menu closed: put focus back in the grid if the menu was opened from it (true if so). */
  onMenuClosed: () => boolean;
  onSetColumnType: (columnId: string, type: GridColumnType) => void;
}

const SORT_ARIA = { asc: "ascending", desc: "descending" } as const;

function GridHeaderView({ table, layout, selectAll, onToggleAll, statusLabel, menu, onMenuChange, onOpenFilter, onMenuClosed, onSetColumnType }: GridHeaderProps) {
  const [dragging, setDragging] = useState<string | null>(null);
  const [dropTarget, setDropTarget] = useState<string | null>(null);

  const onDrop = (event: DragEvent, targetId: string) => {
    event.preventDefault();
    const movingId = event.dataTransfer.getData(DRAG_TYPE);
    setDragging(null);
    setDropTarget(null);
    if (!movingId || movingId === targetId) return;
    const allIds = table.getAllLeafColumns().map((column) => column.id);
    const order = table.state.columnOrder.length ? [...table.state.columnOrder, ...allIds.filter((id) => !table.state.columnOrder.includes(id))] : allIds;
    table.setColumnOrder(reorder(order, movingId, targetId));
  };

  const renderHeader = (slot: ColumnSlot) => {
    const column = table.getColumn(slot.column.id);
    if (!column) return null;
    const header = table.getFlatHeaders().find((candidate) => candidate.column.id === column.id);
    const sorted = column.getIsSorted();
    const filter = describeFilter(slot.column.type, column.getFilterValue());
    const pinned = slot.left !== null;
    const resizeHandler = header?.getResizeHandler();
    const startResize = (event: ReactMouseEvent | TouchEvent) => {
      // No header drag (reorder) and no cell selection while resizing.
      if ("button" in event) event.preventDefault();
      event.stopPropagation();
      resizeHandler?.(event.nativeEvent);
    };
    return (
      <div
        key={slot.column.id}
        role="columnheader"
        aria-colindex={slot.ariaColIndex}
        aria-sort={sorted ? SORT_ARIA[sorted] : "none"}
        aria-label={slot.column.name}
        data-column-id={slot.column.id}
        draggable={!pinned}
        onDragStart={(event) => {
          event.dataTransfer.setData(DRAG_TYPE, slot.column.id);
          event.dataTransfer.effectAllowed = "move";
          setDragging(slot.column.id);
        }}
        onDragOver={(event) => {
          if (pinned || !event.dataTransfer.types.includes(DRAG_TYPE)) return;
          event.preventDefault();
          setDropTarget(slot.column.id);
        }}
        onDragLeave={() => setDropTarget((current) => (current === slot.column.id ? null : current))}
        onDragEnd={() => {
          setDragging(null);
          setDropTarget(null);
        }}
        onDrop={(event) => onDrop(event, slot.column.id)}
        className={[
          styles.headerCell,
          pinned ? styles.pinned : "",
          slot.lastPinned ? styles.lastPinned : "",
          dragging === slot.column.id ? styles.dragging : "",
          dropTarget === slot.column.id && dragging !== slot.column.id ? styles.dropBefore : "",
        ].join(" ")}
        style={{ width: slot.width, left: slot.left ?? undefined }}
      >
        <button
          type="button"
          className={styles.sortButton}
          title={`${slot.column.name} · ${slot.column.dataType || slot.column.type}${filter ? ` · filtered: ${filter}` : ""}`}
          onClick={column.getToggleSortingHandler()}
        >
          <span className={styles.headerName}>{slot.column.name}</span>
          {sorted ? (
            <span className={styles.headerIcon} aria-hidden="true">
              {sorted === "asc" ? "▲" : "▼"}
            </span>
          ) : null}
          {filter ? (
            <svg className={styles.headerIcon} width="11" height="11" viewBox="0 0 12 12" aria-hidden="true">
              <path d="M1.5 2h9L7 6.2V10L5 9V6.2z" fill="currentColor" />
            </svg>
          ) : null}
          {filter ? <span className="visually-hidden">, filtered: {filter}</span> : null}
        </button>
        <ColumnMenu
          table={table}
          column={column}
          name={slot.column.name}
          open={menu?.columnId === slot.column.id}
          onOpenChange={(open) => onMenuChange(open ? { columnId: slot.column.id, fromGrid: false } : null)}
          onFilter={() => onOpenFilter(slot.column.id)}
          onReturnFocus={onMenuClosed}
          type={slot.column.type}
          onTypeChange={(type) => onSetColumnType(slot.column.id, type)}
        />
        {column.getCanResize() ? (
          <div
            aria-hidden="true"
            className={[styles.resizeHandle, column.getIsResizing() ? styles.resizing : ""].join(" ")}
            onMouseDown={startResize}
            onTouchStart={startResize}
            onDoubleClick={() => column.resetSize()}
            title="Drag to resize; double-click to reset. The column menu has Wider/Narrower."
          />
        ) : null}
      </div>
    );
  };

  return (
    <div role="row" aria-rowindex={1} className={styles.headerRow} style={{ width: layout.totalWidth }}>
      {layout.check ? (
        <div
          role="columnheader"
          aria-colindex={1}
          aria-label="Row selection"
          className={[styles.headerCell, styles.checkCell, styles.pinned, !layout.status && layout.pinned.length === 0 ? styles.lastPinned : ""].join(" ")}
          style={{ left: 0, width: CHECK_WIDTH }}
        >
          <input
            type="checkbox"
            aria-label="Select all rows"
            checked={selectAll === "all"}
            ref={(element) => {
              if (element) element.indeterminate = selectAll === "some";
            }}
            onChange={onToggleAll}
          />
        </div>
      ) : null}
      {layout.status ? (
        <div
          role="columnheader"
          aria-colindex={layout.check ? 2 : 1}
          className={[styles.headerCell, styles.pinned, layout.pinned.length === 0 ? styles.lastPinned : ""].join(" ")}
          style={{ left: layout.statusLeft, width: STATUS_WIDTH }}
        >
          {statusLabel}
        </div>
      ) : null}
      {layout.pinned.map(renderHeader)}
      {layout.padLeft > 0 ? <div aria-hidden style={{ width: layout.padLeft, flex: "none" }} /> : null}
      {layout.center.map(renderHeader)}
    </div>
  );
}

/** The table object is new on every render; its view state tells when the header changed. */
export const GridHeader = memo(GridHeaderView, (prev, next) => {
  for (const key of Object.keys(next) as (keyof GridHeaderProps)[]) {
    if (key !== "table" && !Object.is(prev[key], next[key])) return false;
  }
  return true;
});
