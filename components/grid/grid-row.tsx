"use client";
/**
 * One body row: the row checkbox, the status cell, pinned cells, then the rendered window of
 * scrolling cells. Memoised with primitive props (which column is active in this row, which
 * columns of it are in the range), so moving the active cell re-renders one or two rows.
 */
import { memo, type MouseEvent } from "react";
import { cellKey } from "./grid-edits";
import { GridCell, type CellActions, type EditorState } from "./grid-cell";
import { CHECK_WIDTH, STATUS_WIDTH, type ColumnSlot, type GridLayout } from "./grid-layout";
import styles from "./data-grid.module.css";
import type { GridRow, RowStatus, StagedEdits } from "./types";

export interface RowActions extends CellActions {
  toggleRow: (rowIndex: number, shiftKey: boolean) => void;
}

export interface GridRowViewProps {
  rowIndex: number;
  top: number;
  row: GridRow | undefined;
  rowId: string | undefined;
  layout: GridLayout;
  /** Column of the active cell if it is in this row, else -1. */
  activeCol: number;
  /** Columns of the selected range in this row (inclusive), or -1/-1. */
  rangeLeft: number;
  rangeRight: number;
  selected: boolean;
  status: RowStatus | undefined;
  staged: StagedEdits | undefined;
  gridEditable: boolean;
  editor: EditorState | null;
  actions: RowActions;
}

const STATUS_TONES = {
  neutral: styles.status_neutral,
  info: styles.status_info,
  success: styles.status_success,
  warning: styles.status_warning,
  danger: styles.status_danger,
};

// The checkbox is reached with Shift+Space from the keyboard, so it stays out of the tab order
// and a click on it must not move focus away from the active cell.
const keepFocus = (event: MouseEvent) => event.preventDefault();

export const GridRowView = memo(function GridRowView(props: GridRowViewProps) {
  const { rowIndex, top, row, rowId, layout, activeCol, rangeLeft, rangeRight, selected, status, staged, gridEditable, editor, actions } = props;
  const loaded = row !== undefined && rowId !== undefined;

  const renderCell = (slot: ColumnSlot) => {
    if (!loaded) {
      return (
        <div
          key={slot.column.id}
          role="gridcell"
          aria-colindex={slot.ariaColIndex}
          aria-selected={false}
          aria-readonly
          data-row={rowIndex}
          data-col={slot.col}
          tabIndex={activeCol === slot.col ? 0 : -1}
          className={[styles.cell, styles.placeholder, slot.left !== null ? styles.pinned : "", activeCol === slot.col ? styles.active : ""].join(" ")}
          style={{ width: slot.width, left: slot.left ?? undefined }}
        />
      );
    }
    const edit = staged?.get(cellKey(rowId, slot.column.id));
    return (
      <GridCell
        key={slot.column.id}
        slot={slot}
        rowIndex={rowIndex}
        value={edit ? edit.after : row[slot.column.id]}
        row={row}
        edit={edit}
        active={activeCol === slot.col}
        inRange={slot.col >= rangeLeft && slot.col <= rangeRight}
        gridEditable={gridEditable}
        editor={editor && editor.col === slot.col ? editor : null}
        actions={actions}
      />
    );
  };

  return (
    <div
      role="row"
      aria-rowindex={rowIndex + 2}
      aria-selected={layout.check ? selected : undefined}
      aria-busy={loaded ? undefined : true}
      className={[styles.row, selected ? styles.rowSelected : ""].join(" ")}
      style={{ transform: `translateY(${top}px)`, width: layout.totalWidth }}
    >
      {layout.check ? (
        <div
          role="gridcell"
          aria-colindex={1}
          className={[styles.cell, styles.checkCell, styles.pinned, !layout.status && layout.pinned.length === 0 ? styles.lastPinned : ""].join(" ")}
          style={{ left: 0, width: CHECK_WIDTH }}
        >
          <input
            type="checkbox"
            tabIndex={-1}
            aria-label={`Select row ${rowIndex + 1}`}
            checked={selected}
            disabled={!loaded}
            onMouseDown={keepFocus}
            onChange={() => undefined}
            onClick={(event) => actions.toggleRow(rowIndex, event.shiftKey)}
          />
        </div>
      ) : null}
      {layout.status ? (
        <div
          role="gridcell"
          aria-colindex={layout.check ? 2 : 1}
          aria-readonly
          className={[styles.cell, styles.pinned, styles.status, status ? STATUS_TONES[status.tone] : "", layout.pinned.length === 0 ? styles.lastPinned : ""].join(" ")}
          style={{ left: layout.statusLeft, width: STATUS_WIDTH }}
          title={status?.text}
        >
          {status?.text ?? ""}
        </div>
      ) : null}
      {layout.pinned.map(renderCell)}
      {layout.padLeft > 0 ? <div aria-hidden style={{ width: layout.padLeft, flex: "none" }} /> : null}
      {layout.center.map(renderCell)}
    </div>
  );
});
