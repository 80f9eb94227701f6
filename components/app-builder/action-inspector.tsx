"use client";
/** Inspector sections of widgets that run things: the button (an action or a query) and the form (an action's fields). */
import type { Widget } from "@/lib/app-document";
import { CheckboxField, SelectField, TextField } from "@/components/ui/field";
import { actionFields, actionOptions } from "./action-fields";
import { ActionMappingEditor } from "./action-mapping-editor";
import { useBuilder } from "./builder-context";
import { joinErrors, useWidgetEditor, WidgetBindingField } from "./inspector-fields";
import styles from "./inspector.module.css";
import { PICK_ACTION } from "./widget-defaults";

type ButtonWidget = Extract<Widget, { type: "button" }>;
type FormWidget = Extract<Widget, { type: "form" }>;

export function ButtonInspector({ widget }: { widget: ButtonWidget }) {
  const { actions, doc } = useBuilder();
  const { setProps, errorsAt } = useWidgetEditor(widget);
  const { run } = widget.props;
  const firstAction = actions[0]?.name ?? PICK_ACTION;
  const firstQuery = doc.queries[0]?.id;
  const queryOptions = doc.queries.map((query) => ({ value: query.id, label: `${query.id} (${query.mode})` }));
  if (run.kind === "query" && !doc.queries.some((query) => query.id === run.query)) queryOptions.unshift({ value: run.query, label: `${run.query} — not found` });
  return (
    <>
      <WidgetBindingField widget={widget} field="props.label" label="Label" value={widget.props.label} onChange={(label) => setProps({ label }, "props.label")} />
      <SelectField
        label="When clicked"
        value={run.kind}
        options={[
          { value: "action", label: "Run an action" },
          ...(firstQuery === undefined && run.kind !== "query" ? [] : [{ value: "query", label: "Run a query" }]),
        ]}
        onChange={(event) =>
          setProps({ run: event.target.value === "query" && firstQuery !== undefined ? { kind: "query", query: firstQuery } : { kind: "action", action: firstAction, mapping: {} } }, "props.run")
        }
      />
      {run.kind === "action" ? (
        <>
          <SelectField
            label="Action"
            value={run.action}
            options={actionOptions(actions, run.action)}
            error={joinErrors(errorsAt("props.run.action"))}
            onChange={(event) => setProps({ run: { kind: "action", action: event.target.value, mapping: run.mapping } }, "props.run.action")}
          />
          <ActionMappingEditor
            widget={widget}
            field="props.run.mapping"
            label="Action inputs"
            action={actions.find((action) => action.name === run.action)}
            mapping={run.mapping}
            onChange={(mapping, field) => setProps({ run: { ...run, mapping } }, field)}
          />
        </>
      ) : (
        <SelectField
          label="Query"
          value={run.query}
          options={queryOptions}
          error={joinErrors(errorsAt("props.run.query"))}
          onChange={(event) => setProps({ run: { kind: "query", query: event.target.value } }, "props.run.query")}
        />
      )}
      <TextField
        label="Confirmation message"
        hint="Asked before running; for a query that changes data it also says how many rows it changes. No confirmation when empty."
        value={widget.props.confirm ?? ""}
        error={joinErrors(errorsAt("props.confirm"))}
        onChange={(event) => setProps({ confirm: event.target.value === "" ? undefined : event.target.value }, "props.confirm")}
      />
      <WidgetBindingField
        widget={widget}
        field="props.disabledWhen"
        label="Disabled when"
        value={widget.props.disabledWhen ?? ""}
        onChange={(disabledWhen) => setProps({ disabledWhen: disabledWhen.trim() === "" ? undefined : disabledWhen }, "props.disabledWhen")}
        placeholder="{{ len(ordersTable.selectedRows) == 0 }}"
        hint="The button is disabled while this is true. Viewers can never run a query that changes data."
      />
      <TextField
        label="Why disabled"
        hint="Shown next to the disabled button, like: Select an order first."
        value={widget.props.disabledReason ?? ""}
        error={joinErrors(errorsAt("props.disabledReason"))}
        onChange={(event) => setProps({ disabledReason: event.target.value === "" ? undefined : event.target.value }, "props.disabledReason")}
      />
    </>
  );
}

export function FormInspector({ widget }: { widget: FormWidget }) {
  const { actions } = useBuilder();
  const { setProps, errorsAt } = useWidgetEditor(widget);
  const action = actions.find((candidate) => candidate.name === widget.props.action);
  const fields = actionFields(action);
  const shown = widget.props.fields;
  const toggleField = (name: string, on: boolean) => {
    const current = shown ?? fields.map((field) => field.name);
    const next = fields.map((field) => field.name).filter((field) => (field === name ? on : current.includes(field)));
    // Every field shown is the default, stored as "no list" so new action fields appear too.
    setProps({ fields: next.length === fields.length ? undefined : next }, "props.fields");
  };
  return (
    <>
      <SelectField
        label="Action"
        value={widget.props.action}
        options={actionOptions(actions, widget.props.action, { noRows: true })}
        error={joinErrors(errorsAt("props.action"))}
        onChange={(event) => setProps({ action: event.target.value, fields: undefined, defaults: {} }, "props.action")}
      />
      <TextField label="Title" value={widget.props.title ?? ""} onChange={(event) => setProps({ title: event.target.value }, "props.title")} />
      <TextField
        label="Submit label"
        value={widget.props.submitLabel ?? ""}
        error={joinErrors(errorsAt("props.submitLabel"))}
        onChange={(event) => setProps({ submitLabel: event.target.value === "" ? undefined : event.target.value }, "props.submitLabel")}
      />
      {fields.length > 0 ? (
        <fieldset className={styles.group} aria-label="Fields shown">
          <legend className={styles.legend}>Fields shown</legend>
          {fields.map((field) => (
            <CheckboxField key={field.name} label={field.required ? `${field.name} (required)` : field.name} checked={shown === undefined || shown.includes(field.name)} onChange={(event) => toggleField(field.name, event.target.checked)} />
          ))}
          {errorsAt("props.fields").length > 0 ? <p className={styles.fieldError}>{errorsAt("props.fields").join(" ")}</p> : null}
        </fieldset>
      ) : null}
      <ActionMappingEditor widget={widget} field="props.defaults" label="Default values" action={action} mapping={widget.props.defaults} onChange={(defaults, field) => setProps({ defaults }, field)} />
    </>
  );
}
