"use client";
/**
 * Above the grid: the parent's own buttons (children), the "Columns" menu and CSV export.
 * Below it: a one-line summary (rows, selected rows, staged edits and errors).
 */
import { memo, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { ColumnsMenu } from "./column-menu";
import styles from "./data-grid.module.css";
import type { CsvMode } from "./csv";
import type { GridTable } from "./use-grid-table";
import { downloadFile } from "@/components/ui/download";

export interface GridToolbarProps {
  table: GridTable;
  /** The table's view state: the toolbar re-renders when it changes, not on every scroll. */
  viewState: unknown;
  names: ReadonlyMap<string, string>;
  canExport: boolean;
  onExport: (mode: CsvMode) => void;
  children?: ReactNode;
}

function GridToolbarView({ table, names, canExport, onExport, children }: GridToolbarProps) {
  return (
    <div className={styles.toolbar}>
      {children}
      <span className={styles.toolbarSpacer} />
      <ColumnsMenu table={table} names={names} />
      {canExport ? (
        <>
          <Button size="small" variant="secondary" title="Database values under the column names, as stored (money in cents stays in cents)." onClick={() => onExport("raw")}>
            Export CSV
          </Button>
          <Button size="small" variant="ghost" title="Values as shown on screen, under the column labels." onClick={() => onExport("formatted")}>
            Export formatted
          </Button>
        </>
      ) : null}
    </div>
  );
}

export const GridToolbar = memo(GridToolbarView, (prev, next) =>
  (Object.keys(next) as (keyof GridToolbarProps)[]).every((key) => key === "table" || Object.is(prev[key], next[key])),
);

export interface GridStatusLineProps {
  rowCount: number;
  /** Rows before filtering, when filters hide some. */
  unfilteredCount: number | null;
  selectedCount: number;
  onClearSelection: () => void;
  editedCount: number;
  errorCount: number;
}

const count = (n: number) => n.toLocaleString("en-US");

export function GridStatusLine({ rowCount, unfilteredCount, selectedCount, onClearSelection, editedCount, errorCount }: GridStatusLineProps) {
  return (
    <div className={styles.statusLine}>
      <span>
        <strong>{count(rowCount)}</strong> {rowCount === 1 ? "row" : "rows"}
        {unfilteredCount !== null && unfilteredCount !== rowCount ? ` (filtered from ${count(unfilteredCount)})` : ""}
      </span>
      {selectedCount > 0 ? (
        <span>
          <strong>{count(selectedCount)}</strong> selected ·{" "}
          <button type="button" className={styles.linkButton} onClick={onClearSelection}>
            Clear selection
          </button>
        </span>
      ) : null}
      {editedCount > 0 ? (
        <span>
          <strong>{count(editedCount)}</strong> {editedCount === 1 ? "cell" : "cells"} edited
          {errorCount > 0 ? <span className={styles.errorCount}> · {count(errorCount)} to fix</span> : null}
        </span>
      ) : null}
    </div>
  );
}

/** Saves text as a file (UTF-8 with a byte order mark, so Excel reads accents right). */
export function downloadText(fileName: string, text: string) {
  downloadFile(fileName, text, { type: "text/csv;charset=utf-8", byteOrderMark: true });
}
