"use client";
/**
 * The mapping form: per input field of the action (a fieldset named by the field), where its
 * value comes from — a column of the selected rows, a constant, a value typed for this run, or
 * nothing (optional fields) — with the suggestion's reason and the type check's problem wired
 * to the controls (aria-describedby); then the values typed for this run.
 */
import { useId } from "react";
import { SelectField, TextField } from "@/components/ui/field";
import styles from "./actions.module.css";
import { describeSpec, type InputField } from "./input-fields";
import { allowedKinds, describeColumnType, type ActionShape, type FieldMapping, type Mapping, type MappableColumn } from "./mapping";
import type { MappingCheck } from "./mapping-check";

const KIND_LABELS: Record<FieldMapping["kind"], string> = { column: "Column", constant: "Constant", runtime: "Typed at run time", empty: "Leave empty" };

export interface MappingFieldsProps {
  fields: readonly InputField[];
  shape: ActionShape;
  columns: readonly MappableColumn[];
  mapping: Mapping;
  onMappingChange: (mapping: Mapping) => void;
  runtime: Record<string, string>;
  onRuntimeChange: (runtime: Record<string, string>) => void;
  check: MappingCheck;
  /** The suggested mapping and why, to say "Suggested: …" while the builder keeps it. */
  suggested: Mapping;
  reasons: Record<string, string>;
}

function sameEntry(a: FieldMapping | undefined, b: FieldMapping | undefined): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function fieldHint(field: InputField): string {
  const parts = [field.description, `Needs ${describeSpec(field)}`, field.required ? "required" : "optional"].filter(Boolean);
  return parts.join(" · ");
}

/** A control for a typed value of the field: a list for enums and booleans, text otherwise. */
function TypedValue({ field, label, value, error, hint, onChange }: { field: InputField; label: string; value: string; error: string | null; hint?: string; onChange: (text: string) => void }) {
  const choices = field.enumValues?.map(String) ?? (field.type === "boolean" ? ["true", "false"] : null);
  if (choices) {
    return <SelectField label={label} value={value} hint={hint} error={error} onChange={(event) => onChange(event.target.value)} options={[{ value: "", label: "Choose a value" }, ...choices.map((choice) => ({ value: choice, label: choice }))]} />;
  }
  const numeric = field.type === "integer" || field.type === "number";
  return <TextField label={label} value={value} hint={hint} error={error} inputMode={numeric ? "numeric" : undefined} placeholder={describeSpec(field)} onChange={(event) => onChange(event.target.value)} />;
}

export function MappingFields({ fields, shape, columns, mapping, onMappingChange, runtime, onRuntimeChange, check, suggested, reasons }: MappingFieldsProps) {
  const hintId = useId();
  const set = (name: string, entry: FieldMapping) => onMappingChange({ ...mapping, [name]: entry });
  const runtimeFields = fields.filter((field) => mapping[field.name]?.kind === "runtime");
  const columnOptions = [{ value: "", label: "Choose a column" }, ...columns.map((column) => ({ value: column.name, label: `${column.name} · ${describeColumnType(column.type)}` }))];

  return (
    <div className={styles.stack}>
      {fields.map((field) => {
        const entry = mapping[field.name] ?? { kind: "empty" as const };
        const problem = check.fields[field.name] ?? null;
        const kinds = allowedKinds(shape, field);
        const suggestion = sameEntry(entry, suggested[field.name]) ? reasons[field.name] : undefined;
        const suggestedEntry = suggested[field.name];
        const suggestedColumn = suggestedEntry?.kind === "column" ? suggestedEntry.column : "";
        const onKind = (kind: FieldMapping["kind"]) => set(field.name, kind === "column" ? { kind, column: suggestedColumn } : kind === "constant" ? { kind, text: "" } : { kind });
        return (
          <fieldset key={field.name} className={styles.fieldset} aria-describedby={`${hintId}-${field.name}`}>
            <legend className={styles.legend}>
              <code>{field.name}</code>
            </legend>
            <p id={`${hintId}-${field.name}`} className={styles.muted}>
              {fieldHint(field)}
            </p>
            <div className={styles.mappingControls}>
              <SelectField
                label="Source"
                value={entry.kind}
                error={entry.kind === "empty" || !kinds.includes(entry.kind) ? problem : null}
                onChange={(event) => onKind(event.target.value as FieldMapping["kind"])}
                options={kinds.map((kind) => ({ value: kind, label: kind === "column" && shape.mode === "batch" ? "Column (all selected rows)" : KIND_LABELS[kind] }))}
              />
              {entry.kind === "column" ? (
                <SelectField label="Column" value={entry.column} options={columnOptions} hint={suggestion ? `Suggested: ${suggestion}` : undefined} error={problem} onChange={(event) => set(field.name, { kind: "column", column: event.target.value })} />
              ) : entry.kind === "constant" ? (
                <TypedValue field={field} label="Constant" value={entry.text} error={problem} hint="The same value for every row" onChange={(text) => set(field.name, { kind: "constant", text })} />
              ) : entry.kind === "runtime" ? (
                <p className={styles.muted}>Typed below, once for this run.</p>
              ) : (
                <p className={styles.muted}>Left out of the input.</p>
              )}
            </div>
          </fieldset>
        );
      })}
      {runtimeFields.length ? (
        <fieldset className={styles.fieldset}>
          <legend className={styles.legend}>Values for this run</legend>
          {runtimeFields.map((field) => (
            <TypedValue
              key={field.name}
              field={field}
              label={field.name}
              value={runtime[field.name] ?? ""}
              hint={(runtime[field.name] ?? "").trim() === "" && check.runtime[field.name] ? `${fieldHint(field)}. Type it to run.` : fieldHint(field)}
              error={(runtime[field.name] ?? "").trim() === "" ? null : (check.runtime[field.name] ?? null)}
              onChange={(text) => onRuntimeChange({ ...runtime, [field.name]: text })}
            />
          ))}
        </fieldset>
      ) : null}
    </div>
  );
}
