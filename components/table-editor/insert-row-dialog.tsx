"use client";
/** A form for one new row: a field per column; blank fields are left to the database's default. */
import { useState } from "react";
import { TextField } from "@/components/ui/field";
import type { EditorColumn } from "@/lib/schemas/tables";
import { Dialog, DialogActions } from "@/components/ui/dialog";

const NUMERIC = /int|numeric|decimal|real|double|float|serial/i;

export function InsertRowDialog({ columns, busy, onCancel, onInsert }: { columns: EditorColumn[]; busy: boolean; onCancel: () => void; onInsert: (values: Record<string, string | number | null>) => void }) {
  const [values, setValues] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);

  function submit() {
    const row: Record<string, string | number | null> = {};
    for (const column of columns) {
      const text = values[column.name] ?? "";
      if (text === "") continue;
      if (NUMERIC.test(column.dataType)) {
        const number = Number(text);
        if (!Number.isFinite(number)) return setError(`${column.name}: enter a number.`);
        row[column.name] = number;
      } else {
        row[column.name] = text;
      }
    }
    setError(null);
    onInsert(row);
  }

  return (
    <Dialog open onOpenChange={(open) => (open ? undefined : onCancel())} title="Add a row" description="Leave a field blank to use the database's default (for example an auto-increment id).">
      {columns.map((column) => (
        <TextField key={column.name} label={column.name} hint={`${column.dataType}${column.nullable ? "" : ", required"}`} value={values[column.name] ?? ""} onChange={(event) => setValues((previous) => ({ ...previous, [column.name]: event.target.value }))} />
      ))}
      {error ? <p role="alert" style={{ color: "var(--color-danger)", margin: 0 }}>{error}</p> : null}
      <DialogActions label="Add row" busy={busy} onClick={submit} />
    </Dialog>
  );
}
