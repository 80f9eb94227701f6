/** The grid's public surface: the component, the edits hook, the pure model and helpers. */
export { DataGrid, type DataGridHandle, type DataGridProps } from "./data-grid";
export { useGridEdits, type GridEdits } from "./use-grid-edits";
export { gridColumnsFromResult, inferColumnType, parseCellInput, toEditText, type InferredColumnType, type ParseResult } from "./column-types";
export { formatCell, formatCellText, type CellDisplay } from "./cell-format";
export { exportCsv, csvFileName } from "./csv";
export { describeFilter, filterKindFor, matchesFilter, type GridFilter } from "./filters";
export {
  NO_ROWS_SELECTED,
  cellKey,
  getPendingChanges,
  overlaySavedValues,
  type SavedValues,
  isRowSelected,
  resolveSelectedIds,
  selectedRowCount,
} from "./grid-model";
export type { GridViewStateProps } from "./use-grid-table";
export type { CellPatch, CellPos, CellRange, GridColumn, GridColumnType, GridRow, RowSelection, RowStatus, RowStatusTone, StagedEdit, StagedEdits } from "./types";
