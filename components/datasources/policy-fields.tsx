"use client";
/** The access-policy part of the data source form: what may be read and written, timeouts, caps and limits. */
import { CheckboxField, TextAreaField, TextField } from "@/components/ui/field";
import type { DatasourceFormState, FormErrors } from "./form-state";

interface Props {
  state: DatasourceFormState;
  errors: FormErrors;
  update: (patch: Partial<DatasourceFormState>) => void;
}

export function PolicyFields({ state, errors, update }: Props) {
  return (
    <>
      <CheckboxField
        label="Read-only source"
        checked={state.readOnly}
        onChange={(event) => update({ readOnly: event.target.checked })}
        hint="No query, cell edit or action may write to it, whatever the table lists say."
      />
      <div style={{ display: "grid", gap: "var(--space-3)", gridTemplateColumns: "1fr 1fr" }}>
        <TextAreaField
          label="Readable tables"
          value={state.read}
          onChange={(event) => update({ read: event.target.value })}
          error={errors.read}
          hint={'One pattern per line: "*", "schema.*", "schema.table" or "table".'}
        />
        <TextAreaField
          label="Writable tables"
          value={state.readOnly ? "" : state.write}
          disabled={state.readOnly}
          onChange={(event) => update({ write: event.target.value })}
          error={errors.write}
          hint="Nothing is writable unless listed here."
        />
      </div>
      <CheckboxField
        label="Allow system catalogs"
        checked={state.allowSystemCatalogs}
        onChange={(event) => update({ allowSystemCatalogs: event.target.checked })}
        hint="pg_catalog, information_schema, sqlite_schema… Off unless builders need them."
      />
      <div style={{ display: "grid", gap: "var(--space-3)", gridTemplateColumns: "1fr 1fr" }}>
        <TextField label="Statement timeout (seconds)" inputMode="decimal" value={state.timeoutSeconds} onChange={(event) => update({ timeoutSeconds: event.target.value })} error={errors.timeoutSeconds} />
        <TextField label="Row cap" inputMode="numeric" value={state.rowCap} onChange={(event) => update({ rowCap: event.target.value })} error={errors.rowCap} hint="Reads return at most this many rows." />
        <TextField
          label="Max rows per write"
          inputMode="numeric"
          value={state.maxAffectedRows}
          onChange={(event) => update({ maxAffectedRows: event.target.value })}
          error={errors.maxAffectedRows}
          hint="A write that would change more rows is rolled back."
        />
        {state.kind === "postgres" ? (
          <TextField
            label="Max query cost (PostgreSQL EXPLAIN estimate)"
            inputMode="decimal"
            value={state.maxCost}
            onChange={(event) => update({ maxCost: event.target.value })}
            error={errors.maxCost}
            hint="Reads PostgreSQL estimates above this are refused before they run. Blank = no limit."
          />
        ) : null}
      </div>
    </>
  );
}
