"use client";
/**
 * A table widget: the spreadsheet grid over its data binding (a list of rows). Columns come
 * from the query result when the data is exactly `{{ query.data }}`, else from the rows' keys,
 * with the widget's overrides. Row checkboxes set `selectedRows` / `selectedRow`. Editable
 * tables (a read query whose rows the guard maps to one table) stage cell edits and save them
 * through `apps.saveEdits`; viewers get a read-only grid.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { DataGrid, isRowSelected, NO_ROWS_SELECTED, type DataGridHandle, type GridColumn, type GridRow, type RowSelection } from "@/components/grid";
import { rowIdOf } from "@/components/table-editor/save-payload";
import { SaveMessages, UnsavedChangesBar } from "@/components/table-editor/save-controls";
import { usePersistedEdits } from "@/components/table-editor/use-persisted-edits";
import { useTableSave } from "@/components/table-editor/use-table-save";
import type { Widget } from "@/lib/app-document";
import type { QueryEditable } from "@/lib/schemas/queries";
import { useTRPC } from "@/lib/trpc/client";
import { useMutation } from "@tanstack/react-query";
import styles from "../app-runtime.module.css";
import { directSourceQuery, queriesReadBy } from "../query-triggers";
import { useAppRuntime } from "../runtime-context";
import { editableColumns, tableGridColumns } from "../table-columns";
import { useProperty, useQueryGate } from "../use-widget-data";
import { asRows, type Rows } from "../widget-data";
import { WidgetEmpty, WidgetError, WidgetFrame, WidgetLoading } from "../widget-frame";
import { useTableActions, type SelectedRow } from "./use-table-actions";

type TableWidgetType = Extract<Widget, { type: "table" }>;

interface GridProps {
  widget: TableWidgetType;
  rows: Rows;
  columns: GridColumn[];
  getRowId: (row: GridRow) => string;
  refreshing: boolean;
}

/** Row id: the table's primary key (in result names) when editable, else the widget's rowKey, else the row's values. */
function rowIdFor(widget: TableWidgetType, editable: QueryEditable | null): (row: GridRow) => string {
  if (editable) {
    const key = editable.key.map((column) => column.output);
    return (row) => rowIdOf(row, key);
  }
  const rowKey = widget.props.rowKey;
  // Without a key value, a row is identified by its values (identical rows select together).
  return (row) => {
    const value = rowKey ? row[rowKey] : undefined;
    return value === undefined || value === null ? JSON.stringify(row) : String(value);
  };
}

function useReload(widget: TableWidgetType) {
  const { app, refreshQueries } = useAppRuntime();
  return useCallback(() => void refreshQueries(queriesReadBy(widget, app.document)), [app.document, refreshQueries, widget]);
}

/** The grid with selection, action buttons and (when given) staged edits. */
function TableGrid({ widget, rows, columns, getRowId, refreshing, editing }: GridProps & { editing?: { edits: ReturnType<typeof usePersistedEdits>; saving: ReturnType<typeof useTableSave> } }) {
  const { setTableSelection } = useAppRuntime();
  const grid = useRef<DataGridHandle>(null);
  const [selection, setSelection] = useState<RowSelection>(NO_ROWS_SELECTED);
  // "All matching" follows the grid's filters, which only the grid knows: its rows are taken when the selection changes.
  const [matchingRows, setMatchingRows] = useState<readonly (GridRow | undefined)[] | null>(null);
  const onSelectionChange = useCallback((next: RowSelection) => {
    setSelection(next);
    setMatchingRows(next.kind === "allMatching" ? (grid.current?.getViewRows() ?? null) : null);
  }, []);
  const selected = useMemo<SelectedRow[]>(
    () => (matchingRows ?? rows).flatMap((row) => (row && isRowSelected(selection, getRowId(row)) ? [{ rowKey: getRowId(row), row }] : [])),
    [selection, matchingRows, rows, getRowId],
  );
  useEffect(() => {
    setTableSelection(widget.id, selected.map((entry) => entry.row));
  }, [selected, setTableSelection, widget.id]);
  useEffect(() => () => setTableSelection(widget.id, []), [setTableSelection, widget.id]);

  const reload = useReload(widget);
  const actions = useTableActions(widget.id, widget.props.actions, selected, reload);
  const saveStatus = editing?.saving.rowStatus;
  return (
    <>
      {actions.toolbar}
      {actions.panel}
      {editing ? <SaveMessages edits={editing.edits} saving={editing.saving} /> : null}
      <div className={styles.gridArea} aria-busy={refreshing || undefined}>
        {rows.length === 0 ? (
          <WidgetEmpty />
        ) : (
          <DataGrid
            ref={grid}
            label={widget.id}
            columns={columns}
            rows={rows}
            getRowId={getRowId}
            {...(editing ? editing.edits.gridProps : {})}
            selectedRowIds={selection}
            onSelectionChange={onSelectionChange}
            rowStatus={saveStatus ?? actions.rowStatus}
            statusLabel={saveStatus ? "Save" : undefined}
            height="100%"
          />
        )}
      </div>
      {editing ? <UnsavedChangesBar edits={editing.edits} saving={editing.saving} /> : null}
    </>
  );
}

/** An editable table: edits kept in this browser per app and widget until saved or discarded. */
function EditableTableGrid(props: GridProps & { editable: QueryEditable; queryId: string }) {
  const { app, queries, runQuery } = useAppRuntime();
  const trpc = useTRPC();
  const saveEdits = useMutation(trpc.apps.saveEdits.mutationOptions());
  const edits = usePersistedEdits(`rowcraft.app-edits.${app.appId}.${props.widget.id}`);
  const params = queries[props.queryId]?.params ?? {};
  const saving = useTableSave({
    datasourceId: "",
    table: props.editable.table,
    edits,
    reload: () => runQuery(props.queryId),
    send: (payload) => saveEdits.mutateAsync({ appId: app.appId, version: app.version, widgetId: props.widget.id, updates: payload.updates, overwrite: payload.overwrite, params }),
  });
  return <TableGrid {...props} editing={{ edits, saving }} />;
}

export function TableWidget({ widget }: { widget: TableWidgetType }) {
  const { app, queries, canOperate } = useAppRuntime();
  const gate = useQueryGate(widget);
  const data = useProperty("Data", widget.props.data);
  const source = directSourceQuery(widget.props.data, app.document);
  const result = source ? queries[source.id]?.result : null;
  const sourceResult = result?.ok ? result : null;
  const editable = widget.props.editable && canOperate && source?.mode === "read" ? (sourceResult?.editable ?? null) : null;
  const editableSet = useMemo(() => (editable ? editableColumns(widget.props.columns, editable) : undefined), [editable, widget.props.columns]);
  const dataValue = data.ok ? data.value : undefined;
  const rows = useMemo(() => asRows(dataValue), [dataValue]);
  const columns = useMemo(
    () => (rows.ok ? tableGridColumns({ sourceColumns: sourceResult?.columns ?? null, rows: rows.rows, overrides: widget.props.columns, editable: editableSet }) : []),
    [rows, sourceResult, widget.props.columns, editableSet],
  );
  const canEditCells = editable !== null && (editableSet?.size ?? 0) > 0;
  const getRowId = useMemo(() => rowIdFor(widget, canEditCells ? editable : null), [widget, canEditCells, editable]);

  const body = () => {
    if (gate.kind === "loading") return <WidgetLoading what="Loading rows…" />;
    if (gate.kind === "error") return <WidgetError message={gate.message} />;
    if (!data.ok) return <WidgetError message={data.message} />;
    if (!rows.ok) return <WidgetError message={rows.message} />;
    const gridProps = { widget, rows: rows.rows, columns, getRowId, refreshing: gate.refreshing };
    if (canEditCells && editable && source) return <EditableTableGrid {...gridProps} editable={editable} queryId={source.id} />;
    return <TableGrid {...gridProps} />;
  };
  const note = widget.props.editable && !canOperate ? <p className={styles.muted} style={{ margin: 0 }}>Read-only: editing cells needs the operator role.</p> : null;
  return (
    <WidgetFrame label={widget.id} busy={gate.kind === "loading" || (gate.kind === "ready" && gate.refreshing)}>
      {note}
      {body()}
    </WidgetFrame>
  );
}
