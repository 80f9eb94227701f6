"use client";
/**
 * Values for an action's input fields: one binding field per field of the action's input
 * schema (required ones marked), plus any mapped field the action no longer has, so it can be
 * seen and removed.
 */
import type { Widget } from "@/lib/app-document";
import type { ActionSummary } from "@/lib/schemas/actions";
import { Button } from "@/components/ui/button";
import { actionFields } from "./action-fields";
import { useBuilder } from "./builder-context";
import { problemsOfWidget } from "./problem-targets";
import { WidgetBindingField } from "./inspector-fields";
import styles from "./inspector.module.css";

export interface ActionMappingEditorProps {
  widget: Widget;
  /** Path of the mapping in the widget ("props.run.mapping"), for problems and undo keys. */
  field: string;
  /** Names the group ("Refund inputs"). */
  label: string;
  action: ActionSummary | undefined;
  mapping: Readonly<Record<string, string>>;
  onChange: (mapping: Record<string, string>, field: string) => void;
  row?: boolean;
}

export function ActionMappingEditor({ widget, field, label, action, mapping, onChange, row = false }: ActionMappingEditorProps) {
  const { problems } = useBuilder();
  // Problems of the mapping as a whole ("needs orderId"); each field shows its own below.
  const own = problemsOfWidget(problems, widget.id).filter((problem) => problem.target.field === field);
  const fields = actionFields(action);
  const extra = Object.keys(mapping).filter((name) => !fields.some((candidate) => candidate.name === name));
  const set = (name: string, value: string) => {
    const next = { ...mapping };
    // An empty value means "not mapped": the action then gets no value for the field.
    if (value === "") delete next[name];
    else next[name] = value;
    onChange(next, `${field}.${name}`);
  };
  return (
    <fieldset className={styles.group} aria-label={label}>
      <legend className={styles.legend}>{label}</legend>
      {own.length > 0 ? <p className={styles.fieldError}>{own.map((problem) => problem.message).join(" ")}</p> : null}
      {action === undefined ? <p className={styles.note}>Pick an action to map its inputs.</p> : null}
      {action !== undefined && fields.length === 0 ? <p className={styles.note}>This action takes no listed inputs.</p> : null}
      {fields.map((input) => (
        <WidgetBindingField
          key={input.name}
          widget={widget}
          field={`${field}.${input.name}`}
          label={input.required ? `${input.name} (required)` : input.name}
          value={mapping[input.name] ?? ""}
          onChange={(value) => set(input.name, value)}
          hint={[input.type, input.description].filter(Boolean).join(" — ") || undefined}
          row={row}
        />
      ))}
      {extra.map((name) => (
        <div key={name} className={styles.row}>
          <WidgetBindingField widget={widget} field={`${field}.${name}`} label={`${name} (not an input of this action)`} value={mapping[name] ?? ""} onChange={(value) => set(name, value)} row={row} />
          <Button size="small" variant="ghost" onClick={() => set(name, "")} aria-label={`Remove ${name}`}>
            Remove
          </Button>
        </div>
      ))}
    </fieldset>
  );
}
