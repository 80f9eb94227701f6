import type { NumberFormat } from "@/lib/format";

/**
 * Shared types of the spreadsheet grid. The model (grid-model.ts and friends) and the React
 * markup both speak these; nothing here depends on React or TanStack.
 */

/** How a column is displayed, edited and validated. Inferred from the database type (column-types.ts). */
export type GridColumnType =
  | "text"
  | "integer"
  | "decimal"
  | "money"
  | "date"
  | "datetime"
  | "boolean"
  | "enum"
  | "json"
  | "url";

export interface GridColumn {
  /** The key of the value in each row object; also the column's identity in view state. */
  id: string;
  /** Header label. */
  name: string;
  /** The database type as the driver reported it (`int4`, `varchar(20)`, `TEXT` …). */
  dataType: string;
  type: GridColumnType;
  editable: boolean;
  /** Why a non-editable column cannot be edited ("it is the row's primary key"), said when someone tries. */
  readOnlyReason?: string;
  /** Allowed values of an `enum` column (also the options of its editor and filter). */
  enumValues?: string[];
  /**
   * How numbers of the column read (lib/format). The type still decides editing: a `money`
   * column is edited in units of currency and stores cents; a `decimal` column with a money
   * format in units is edited and stored as the plain number.
   */
  format?: NumberFormat;
  /** Initial width in px; the user can resize afterwards (columnSizing state). */
  width?: number;
}

export type GridRow = Record<string, unknown>;

/**
 * One cell change. `before` is the cell's value before this change (the staged value if the
 * cell already had one), `after` the new value. A patch with `error` carries the raw text the
 * user typed or pasted, which did not parse for the column type: it is staged so the user sees
 * it, but never sent (see `getPendingChanges`).
 */
export interface CellPatch {
  rowId: string;
  columnId: string;
  before: unknown;
  after: unknown;
  error?: string;
}

/** A staged (not yet saved) cell edit. `before` is the value as loaded from the database. */
export interface StagedEdit {
  rowId: string;
  columnId: string;
  before: unknown;
  after: unknown;
  error?: string;
}

/** Staged edits keyed by `cellKey(rowId, columnId)` (`rowId:columnId`): O(1) lookups per cell. */
export type StagedEdits = ReadonlyMap<string, StagedEdit>;

/** A cell position in the current view: row index in display order, column index among visible data columns. */
export interface CellPos {
  row: number;
  col: number;
}

/** A rectangular selection. The anchor is the active cell; the focus is the end that Shift+moves. */
export interface CellRange {
  anchor: CellPos;
  focus: CellPos;
}

/**
 * Selected rows. `ids` lists rows picked one by one (or by Shift-click ranges); `allMatching`
 * means "every row that matches the current filters", including rows not loaded in
 * server-paged mode, minus the ones the user unticked afterwards.
 */
export type RowSelection =
  | { kind: "ids"; ids: ReadonlySet<string> }
  | { kind: "allMatching"; except: ReadonlySet<string> };

export type RowStatusTone = "neutral" | "info" | "success" | "warning" | "danger";

/** A per-row note shown in the status column, e.g. the result of an action run on the row. */
export interface RowStatus {
  tone: RowStatusTone;
  text: string;
}
