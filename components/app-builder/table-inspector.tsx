"use client";
/** Inspector of a table widget: its data, row key, columns (key, label, format, hidden, editable) and row actions. */
import { whyNotEditable, type Widget } from "@/lib/app-document";
import { evaluateTemplate } from "@/lib/bindings";
import { useAppRuntime } from "@/components/app-runtime";
import { Button } from "@/components/ui/button";
import { CheckboxField, SelectField, TextField } from "@/components/ui/field";
import { tableQueryOf } from "@/lib/app-document/action-rows";
import { actionOptions, fitsPlace } from "./action-fields";
import { ActionMappingEditor } from "./action-mapping-editor";
import { useBuilder } from "./builder-context";
import { FormatFields } from "./format-fields";
import { joinErrors, useWidgetEditor, WidgetBindingField } from "./inspector-fields";
import styles from "./inspector.module.css";
import { useRowsSource } from "./query-results-reporter";
import { PICK_ACTION } from "./widget-defaults";

type TableWidget = Extract<Widget, { type: "table" }>;
type Column = TableWidget["props"]["columns"][number];
type TableAction = TableWidget["props"]["actions"][number];

const COLUMN_WORD_CHOICES = [
  { value: "", label: "Automatic" },
  { value: "text", label: "Text" },
  { value: "date", label: "Date" },
  { value: "datetime", label: "Date and time" },
  { value: "boolean", label: "Yes / no" },
];

/** Column keys of the rows the table's data binding gives right now (from the live preview). */
function useDataKeys(data: string): string[] {
  const { scope } = useAppRuntime();
  const result = evaluateTemplate(data, scope);
  if (!result.ok || !Array.isArray(result.value)) return [];
  const [first] = result.value as unknown[];
  return first !== null && typeof first === "object" ? Object.keys(first) : [];
}

export function TableInspector({ widget }: { widget: TableWidget }) {
  const { setProps, errorsAt } = useWidgetEditor(widget);
  const { columns, actions: tableActions } = widget.props;
  const dataKeys = useDataKeys(widget.props.data);
  const missingKeys = dataKeys.filter((key) => !columns.some((column) => column.key === key));
  // Whether each column can be edited, from the guard's answer with the preview's last run.
  const source = useRowsSource(widget.props.data);
  const whyNot = (key: string): string | null => (source === null ? null : whyNotEditable(key, source.queryId, source.info));
  const setColumn = (index: number, patch: Partial<Column>, field: string) =>
    setProps({ columns: columns.map((column, i) => (i === index ? { ...column, ...patch } : column)) }, `props.columns[${index}].${field}`);
  return (
    <>
      <WidgetBindingField widget={widget} field="props.data" label="Data" value={widget.props.data} onChange={(data) => setProps({ data }, "props.data")} placeholder="{{ query1.data }}" hint="A list of rows, usually a query's data." />
      <TextField
        label="Row key"
        hint="Column whose value identifies a row (used for selection and edits)."
        value={widget.props.rowKey ?? ""}
        list={`${widget.id}-keys`}
        error={joinErrors(errorsAt("props.rowKey"))}
        onChange={(event) => setProps({ rowKey: event.target.value === "" ? undefined : event.target.value }, "props.rowKey")}
      />
      <datalist id={`${widget.id}-keys`}>
        {dataKeys.map((key) => (
          <option key={key} value={key} />
        ))}
      </datalist>
      <CheckboxField label="Editable cells" hint="Operators may edit only the columns marked editable below; no column is editable until you mark it." checked={widget.props.editable} onChange={(event) => setProps({ editable: event.target.checked }, "props.editable")} />

      <fieldset className={styles.group} aria-label="Columns">
        <legend className={styles.legend}>Columns</legend>
        {columns.length === 0 ? <p className={styles.note}>Every column of the data is shown as it comes. Add columns to label, format or hide them, or to let operators edit them.</p> : null}
        {columns.map((column, index) => (
          <div key={index} className={styles.card} role="group" aria-label={`Column ${index + 1}`}>
            <div className={styles.pair}>
              <TextField label={`Column ${index + 1} key`} value={column.key} list={`${widget.id}-keys`} error={joinErrors(errorsAt(`props.columns[${index}].key`))} onChange={(event) => setColumn(index, { key: event.target.value }, "key")} />
              <TextField label={`Column ${index + 1} label`} value={column.label ?? ""} onChange={(event) => setColumn(index, { label: event.target.value === "" ? undefined : event.target.value }, "label")} />
            </div>
            <FormatFields label={`Column ${index + 1} format`} value={column.format} extraChoices={COLUMN_WORD_CHOICES} currencyColumn onChange={(format) => setColumn(index, { format }, "format")} />
            <div className={styles.inline}>
              <CheckboxField label={`Hide column ${index + 1}`} checked={column.hidden ?? false} onChange={(event) => setColumn(index, { hidden: event.target.checked || undefined }, "hidden")} />
              <EditableToggle index={index} column={column} why={whyNot(column.key)} known={source !== null} error={joinErrors(errorsAt(`props.columns[${index}].editable`))} onChange={(editable) => setColumn(index, { editable: editable || undefined }, "editable")} />
              <Button size="small" variant="ghost" onClick={() => setProps({ columns: columns.filter((_, i) => i !== index) }, "props.columns")}>
                Remove column {index + 1}
              </Button>
            </div>
          </div>
        ))}
        <div className={styles.inline}>
          <Button size="small" onClick={() => setProps({ columns: [...columns, { key: missingKeys[0] ?? "column" }] }, "props.columns")}>
            Add column
          </Button>
          <Button size="small" disabled={missingKeys.length === 0} onClick={() => setProps({ columns: [...columns, ...missingKeys.map((key) => ({ key }))] }, "props.columns")}>
            Add columns from data
          </Button>
        </div>
      </fieldset>

      <TableActionsEditor widget={widget} actions={tableActions} onChange={(next, field) => setProps({ actions: next }, field)} />
    </>
  );
}

/**
 * "Editable" is offered only where a save can work: a column the guard could not map to one
 * table's column says why instead. A column already marked stays unmarkable (its problem says why).
 */
function EditableToggle({ index, column, why, known, error, onChange }: { index: number; column: Column; why: string | null; known: boolean; error: string | null; onChange: (editable: boolean) => void }) {
  if (why !== null && column.editable !== true) {
    return (
      <p className={styles.note} aria-label={`Column ${index + 1} is read-only`}>
        Read-only: {why}
      </p>
    );
  }
  const hint = why ?? (known ? "Edits are saved to this column of the table." : (error ?? undefined));
  return <CheckboxField label={`Column ${index + 1} editable`} hint={hint} checked={column.editable ?? false} onChange={(event) => onChange(event.target.checked)} />;
}

function TableActionsEditor({ widget, actions, onChange }: { widget: TableWidget; actions: TableAction[]; onChange: (next: TableAction[], field: string) => void }) {
  const { actions: available, doc } = useBuilder();
  // Only actions on rows of this table's source fit: the rows' ids must be ids of the action's table.
  const place = { rowsFrom: tableQueryOf(doc, widget)?.datasource ?? null };
  const { errorsAt } = useWidgetEditor(widget);
  const set = (index: number, patch: Partial<TableAction>, field: string) => onChange(actions.map((action, i) => (i === index ? { ...action, ...patch } : action)), `props.actions[${index}].${field}`);
  return (
    <fieldset className={styles.group} aria-label="Row actions">
      <legend className={styles.legend}>Row actions</legend>
      <p className={styles.note}>Buttons above the table that run an action once per selected row; map inputs from {"{{ row.… }}"}.</p>
      {actions.map((action, index) => {
        const summary = available.find((candidate) => candidate.name === action.action);
        return (
          <div key={index} className={styles.card} role="group" aria-label={`Row action ${index + 1}`}>
            <SelectField
              label={`Action of row action ${index + 1}`}
              value={action.action}
              options={actionOptions(available, action.action, place)}
              error={joinErrors(errorsAt(`props.actions[${index}].action`))}
              onChange={(event) => {
                const picked = available.find((candidate) => candidate.name === event.target.value);
                set(index, { action: event.target.value, label: picked?.title || action.label, mapping: {} }, "action");
              }}
            />
            <TextField label={`Label of row action ${index + 1}`} value={action.label} error={joinErrors(errorsAt(`props.actions[${index}].label`))} onChange={(event) => set(index, { label: event.target.value }, "label")} />
            <ActionMappingEditor
              widget={widget}
              field={`props.actions[${index}].mapping`}
              label={`Row action ${index + 1} inputs`}
              action={summary}
              mapping={action.mapping}
              onChange={(mapping, field) => onChange(actions.map((entry, i) => (i === index ? { ...entry, mapping } : entry)), field)}
              row
            />
            <Button size="small" variant="ghost" onClick={() => onChange(actions.filter((_, i) => i !== index), "props.actions")}>
              Remove row action {index + 1}
            </Button>
          </div>
        );
      })}
      <Button
        size="small"
        onClick={() => {
          const first = available.find((candidate) => fitsPlace(candidate, place));
          onChange([...actions, { action: first?.name ?? PICK_ACTION, label: first?.title || "Run", mapping: {} }], "props.actions");
        }}
      >
        Add row action
      </Button>
    </fieldset>
  );
}
