"use client";
/**
 * A form for one action: fields from its input JSON Schema (or the widget's subset, in its
 * order), defaults from bindings, an error per field before anything is sent, and the action's
 * own error when it fails — typed values stay. Back to the defaults after a success.
 */
import { useId, useState, type FormEvent } from "react";
import type { Widget } from "@/lib/app-document";
import { Button } from "@/components/ui/button";
import { CheckboxField, SelectField, TextField } from "@/components/ui/field";
import { ConfirmDialog } from "@/components/ui/dialog";
import styles from "../app-runtime.module.css";
import { evaluateProperty } from "../bindings-cache";
import { formFields, initialValue, parseForm, type FormField, type FormValues } from "../form-fields";
import { OutcomeLine } from "../outcome-line";
import { useAppRuntime } from "../runtime-context";
import { actionBlocked, actionVia, useActionInvoke } from "../use-action-invoke";
import { WidgetError, WidgetFrame } from "../widget-frame";

type FormWidgetType = Extract<Widget, { type: "form" }>;

function FieldControl({ field, value, error, onChange }: { field: FormField; value: string | boolean; error: string | undefined; onChange: (value: string | boolean) => void }) {
  const label = field.required ? `${field.label} (required)` : field.label;
  switch (field.control) {
    case "checkbox":
      return <CheckboxField label={field.label} hint={field.hint ?? undefined} checked={value === true} onChange={(event) => onChange(event.target.checked)} />;
    case "select":
      return (
        <SelectField
          label={label}
          hint={field.hint ?? undefined}
          error={error}
          value={typeof value === "string" ? value : ""}
          options={[{ value: "", label: "Choose…" }, ...(field.options ?? [])]}
          onChange={(event) => onChange(event.target.value)}
        />
      );
    default:
      return (
        <TextField
          label={label}
          hint={field.hint ?? undefined}
          error={error}
          inputMode={field.control === "number" ? "decimal" : undefined}
          value={typeof value === "string" ? value : ""}
          required={field.required}
          onChange={(event) => onChange(event.target.value)}
        />
      );
  }
}

export function FormWidget({ widget }: { widget: FormWidgetType }) {
  const runtime = useAppRuntime();
  const { app, scope, refreshQueries } = runtime;
  const { props } = widget;
  const action = app.actions.find((candidate) => candidate.name === props.action);
  const blocked = actionBlocked(action, props.action);
  const fields = action ? formFields(action.inputSchema, props.fields) : [];
  const titleId = useId();
  // Untouched fields follow their default bindings (a default from `table.selectedRow` follows the selection); typed values stay.
  const defaults: FormValues = {};
  const problems: string[] = [];
  for (const field of fields) {
    const text = props.defaults[field.name];
    const result = text === undefined ? null : evaluateProperty(text, scope);
    if (result && !result.ok) problems.push(`Default of ${field.name}: ${result.error.message}`);
    defaults[field.name] = initialValue(field, result?.ok ? result.value : undefined);
  }
  const [typed, setTyped] = useState<FormValues>({});
  const values: FormValues = { ...defaults, ...typed };
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [confirming, setConfirming] = useState<Record<string, unknown> | null>(null);
  const { invoke, outcome, isRunning } = useActionInvoke();

  async function send(input: Record<string, unknown>) {
    if (!action) return;
    if (await invoke(action, input, actionVia(runtime, widget.id, null))) {
      setTyped({});
      void refreshQueries();
    }
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!action) return;
    const parsed = parseForm(fields, values);
    if (!parsed.ok) {
      setErrors(parsed.errors);
      return;
    }
    setErrors({});
    if (action.danger) setConfirming(parsed.input);
    else void send(parsed.input);
  }

  const title = props.title || action?.title || props.action;
  return (
    <WidgetFrame label={title} busy={isRunning}>
      <h2 id={titleId} className={styles.panelTitle}>
        {title}
      </h2>
      {!action ? (
        <WidgetError message={blocked ?? "This action is not available."} />
      ) : (
        <form className={styles.form} aria-labelledby={titleId} onSubmit={onSubmit} noValidate>
          {action.description ? <p className={styles.muted} style={{ margin: 0 }}>{action.description}</p> : null}
          {fields.map((field) => (
            <FieldControl key={field.name} field={field} value={values[field.name] ?? ""} error={errors[field.name]} onChange={(value) => setTyped((previous) => ({ ...previous, [field.name]: value }))} />
          ))}
          {problems.length ? <WidgetError message={problems.join(" ")} /> : null}
          <div className={styles.formActions}>
            <Button type="submit" variant={action.danger ? "danger" : "primary"} disabled={isRunning || blocked !== null} title={blocked ?? undefined}>
              {isRunning ? "Running…" : (props.submitLabel ?? action.title)}
            </Button>
            {blocked ? <span className={styles.muted}>{blocked}</span> : null}
          </div>
          {Object.keys(errors).length ? <WidgetError message="Some fields need attention; see the messages under them." /> : null}
          <OutcomeLine outcome={outcome} />
        </form>
      )}
      {action?.danger ? (
        <ConfirmDialog
          open={confirming !== null}
          onOpenChange={(open) => (open ? undefined : setConfirming(null))}
          title={`${action.title}?`}
          description={action.danger.confirm}
          confirmLabel={action.title}
          tone="danger"
          busy={isRunning}
          onConfirm={() => {
            const input = confirming;
            setConfirming(null);
            if (input) void send(input);
          }}
        />
      ) : null}
    </WidgetFrame>
  );
}
