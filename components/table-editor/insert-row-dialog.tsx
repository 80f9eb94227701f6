"use client";
/**
 * A form for one new row, with the grid's column types, editors and validation (insert-row.ts):
 * enum columns are selects, booleans a yes/no choice, money is typed in the unit the grid shows.
 * Errors appear next to their field — also the database's (NOT NULL, unique …) when it names
 * the column — and the dialog stays open with everything typed, so nothing is lost.
 */
import { useMemo, useState } from "react";
import { SelectField, TextField } from "@/components/ui/field";
import { Dialog, DialogActions } from "@/components/ui/dialog";
import type { GridColumn } from "@/components/grid";
import type { EditorColumn } from "@/lib/schemas/tables";
import { fieldErrorText, fieldHint, fieldOfError, insertFields, parseInsertRow, type InsertCell, type InsertField } from "./insert-row";

export type InsertOutcome = { ok: true } | { ok: false; message: string | null };

interface Props {
  columns: EditorColumn[];
  gridColumns: readonly GridColumn[];
  busy: boolean;
  onCancel: () => void;
  onInsert: (values: Record<string, InsertCell>) => Promise<InsertOutcome>;
}

export function InsertRowDialog({ columns, gridColumns, busy, onCancel, onInsert }: Props) {
  const fields = useMemo(() => insertFields(columns, gridColumns), [columns, gridColumns]);
  const [texts, setTexts] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);

  async function submit() {
    const parsed = parseInsertRow(fields, texts);
    if (!parsed.ok) {
      setErrors(parsed.errors);
      setGeneral("Fix the fields marked below.");
      return;
    }
    setErrors({});
    setGeneral(null);
    const outcome = await onInsert(parsed.row);
    if (outcome.ok || outcome.message === null) return;
    const field = fieldOfError(outcome.message, fields.map((candidate) => candidate.name));
    if (field) setErrors({ [field]: fieldErrorText(outcome.message) });
    setGeneral(outcome.message);
  }

  const set = (name: string, text: string) => {
    setTexts((previous) => ({ ...previous, [name]: text }));
    setErrors(({ [name]: _fixed, ...rest }) => rest);
  };

  return (
    <Dialog open onOpenChange={(open) => (open ? undefined : onCancel())} title="Add a row" description="Values are typed as in the grid. Leave a field blank to use the database's default (for example an automatic id).">
      {general ? (
        <p role="alert" style={{ color: "var(--color-danger)", margin: 0 }}>
          {general}
        </p>
      ) : null}
      {fields.map((field) => (
        <InsertFieldInput key={field.name} field={field} text={texts[field.name] ?? ""} error={errors[field.name] ?? null} onChange={(text) => set(field.name, text)} />
      ))}
      <DialogActions label="Add row" busyLabel="Adding…" busy={busy} onClick={() => void submit()} />
    </Dialog>
  );
}

function InsertFieldInput({ field, text, error, onChange }: { field: InsertField; text: string; error: string | null; onChange: (text: string) => void }) {
  const hint = fieldHint(field);
  if (field.type === "enum" || field.type === "boolean") {
    const values = field.type === "boolean" ? ["true", "false"] : (field.enumValues ?? []);
    return (
      <SelectField
        label={field.name}
        hint={hint}
        error={error}
        value={text}
        options={[{ value: "", label: field.nullable ? "— (empty)" : "— (database default)" }, ...values.map((value) => ({ value, label: field.type === "boolean" ? (value === "true" ? "Yes" : "No") : value }))]}
        onChange={(event) => onChange(event.target.value)}
      />
    );
  }
  const numeric = field.type === "integer" || field.type === "decimal" || field.type === "money";
  return <TextField label={field.name} hint={hint} error={error} value={text} inputMode={numeric ? "decimal" : undefined} onChange={(event) => onChange(event.target.value)} />;
}
