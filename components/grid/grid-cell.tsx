"use client";
/**
 * One body cell: the formatted value (or the editor while editing) with the ARIA grid
 * attributes and state classes. Memoised: a cell re-renders only when its own value, edit,
 * selection or width changes, which keeps a key move to a handful of cells.
 */
import { memo, type MouseEvent } from "react";
import { EMPTY_LABEL, EMPTY_MARK } from "@/lib/format";
import { formatCell, type CellDisplay } from "./cell-format";
import { CellEditor, type CommitMove, type EditorResult } from "./cell-editor";
import styles from "./data-grid.module.css";
import type { ColumnSlot } from "./grid-layout";
import type { GridRow, StagedEdit } from "./types";

export interface EditorState {
  row: number;
  col: number;
  initialText: string;
  replacing: boolean;
}

export interface CellActions {
  commitEdit: (result: EditorResult, move: CommitMove) => void;
  cancelEdit: () => void;
}

const TONES = [styles.tone0, styles.tone1, styles.tone2, styles.tone3, styles.tone4, styles.tone5, styles.tone6, styles.tone7];

/** Links open from an active cell or with Ctrl/Cmd, so a click that selects a cell does not open a tab. */
function guardLink(event: MouseEvent<HTMLAnchorElement>) {
  const cell = event.currentTarget.closest('[role="gridcell"]');
  if (!(event.ctrlKey || event.metaKey) && cell?.getAttribute("tabindex") !== "0") event.preventDefault();
}

export function CellContent({ display }: { display: CellDisplay }) {
  switch (display.kind) {
    case "null":
      return (
        <span className={styles.null} aria-label={EMPTY_LABEL} role="img">
          {EMPTY_MARK}
        </span>
      );
    case "boolean":
      return (
        <span className={display.value ? styles.boolTrue : styles.boolFalse}>
          <span className="visually-hidden">{String(display.value)}</span>
        </span>
      );
    case "enum":
      return <span className={[styles.badge, TONES[display.tone]].join(" ")}>{display.text}</span>;
    case "url":
      return (
        <a className={styles.link} href={display.href} target="_blank" rel="noopener noreferrer" tabIndex={-1} onClick={guardLink}>
          {display.text}
        </a>
      );
    case "text":
      return <>{display.text}</>;
  }
}

export interface GridCellProps {
  slot: ColumnSlot;
  rowIndex: number;
  value: unknown;
  /** The cell's row (a stable object), for a currency read from another column. */
  row: GridRow;
  edit: StagedEdit | undefined;
  active: boolean;
  inRange: boolean;
  /** The grid accepts edits at all (a parent gave it onStage). */
  gridEditable: boolean;
  editor: EditorState | null;
  actions: CellActions;
}

export const GridCell = memo(function GridCell({ slot, rowIndex, value, row, edit, active, inRange, gridEditable, editor, actions }: GridCellProps) {
  const { column } = slot;
  const readOnly = !(gridEditable && column.editable);
  const error = edit?.error;
  const display: CellDisplay = error !== undefined ? { kind: "text", text: String(value ?? ""), numeric: false } : formatCell(column.type, value, { format: column.format, row });
  const classes = [
    styles.cell,
    display.kind === "text" && display.numeric ? styles.numeric : "",
    slot.left !== null ? styles.pinned : "",
    slot.lastPinned ? styles.lastPinned : "",
    // Read-only cells look muted only where others can be edited.
    gridEditable && !column.editable ? styles.readonly : "",
    edit ? styles.edited : "",
    inRange ? styles.inRange : "",
    error !== undefined ? styles.invalid : "",
    active ? styles.active : "",
    editor ? styles.editing : "",
  ];
  return (
    <div
      role="gridcell"
      aria-colindex={slot.ariaColIndex}
      aria-selected={inRange}
      aria-readonly={readOnly ? true : undefined}
      aria-invalid={error !== undefined ? true : undefined}
      title={error}
      data-row={rowIndex}
      data-col={slot.col}
      data-edited={edit ? "true" : undefined}
      tabIndex={active ? 0 : -1}
      className={classes.filter(Boolean).join(" ")}
      style={{ width: slot.width, left: slot.left ?? undefined }}
    >
      {editor ? (
        <CellEditor column={column} initialText={editor.initialText} replacing={editor.replacing} onCommit={actions.commitEdit} onCancel={actions.cancelEdit} />
      ) : (
        <CellContent display={display} />
      )}
    </div>
  );
});
