"use client";
/** The connection part of the data source form: a file for SQLite, host/port/database/login/SSL otherwise. */
import { SelectField, TextField } from "@/components/ui/field";
import { DATASOURCE_KIND_LABELS, DATASOURCE_KINDS, DEFAULT_PORTS, PASSWORD_REQUIRED_MESSAGE, SSL_MODES, datasourceKindSchema } from "@/lib/schemas/datasources";
import { passwordNeeded, type DatasourceFormState, type FormErrors } from "./form-state";

interface Props {
  state: DatasourceFormState;
  errors: FormErrors;
  update: (patch: Partial<DatasourceFormState>) => void;
  isEdit: boolean;
}

const SSL_LABELS = { disable: "Disable", prefer: "Prefer (TLS when offered)", require: "Require (no certificate check)", "verify-full": "Verify full (certificate and host)" } as const;

export function ConnectionFields({ state, errors, update, isEdit }: Props) {
  const mustRetype = isEdit && passwordNeeded(state);
  const keepsStored = isEdit && state.hasStoredPassword && !mustRetype;
  const grid = { display: "grid", gap: "var(--space-3)", gridTemplateColumns: "repeat(auto-fit, minmax(200px, 1fr))" } as const;
  return (
    <>
      <div style={grid}>
        <TextField label="Name" value={state.name} onChange={(event) => update({ name: event.target.value })} error={errors.name} />
        <SelectField
          label="Kind"
          value={state.kind}
          onChange={(event) => {
            const kind = datasourceKindSchema.parse(event.target.value);
            update(kind === "sqlite" ? { kind } : { kind, port: String(DEFAULT_PORTS[kind]) });
          }}
          options={DATASOURCE_KINDS.map((kind) => ({ value: kind, label: DATASOURCE_KIND_LABELS[kind] }))}
        />
      </div>
      {state.kind === "sqlite" ? (
        <TextField label="Database file" value={state.file} onChange={(event) => update({ file: event.target.value })} error={errors.file} hint="Path on the Rowcraft server, e.g. /srv/data/ops.sqlite" />
      ) : (
        <div style={grid}>
          <TextField label="Host" value={state.host} onChange={(event) => update({ host: event.target.value })} error={errors.host} />
          <TextField label="Port" inputMode="numeric" value={state.port} onChange={(event) => update({ port: event.target.value })} error={errors.port} />
          <TextField label="Database" value={state.database} onChange={(event) => update({ database: event.target.value })} error={errors.database} />
          <TextField label="User" autoComplete="off" value={state.user} onChange={(event) => update({ user: event.target.value })} error={errors.user} />
          <TextField
            label="Password"
            type="password"
            autoComplete="new-password"
            value={state.password}
            onChange={(event) => update({ password: event.target.value })}
            // Live: the "type it again" message follows the fields, also when an earlier check set it.
            error={mustRetype ? PASSWORD_REQUIRED_MESSAGE : errors.password === PASSWORD_REQUIRED_MESSAGE ? undefined : errors.password}
            placeholder={keepsStored ? "•••••• (stored)" : ""}
            hint={keepsStored ? "Leave blank to keep the stored password. Changing host, port, database, user or SSL mode needs it typed again." : "Stored encrypted; never shown again."}
          />
          <SelectField
            label="SSL mode"
            value={state.sslMode}
            onChange={(event) => update({ sslMode: SSL_MODES.find((mode) => mode === event.target.value) ?? "prefer" })}
            options={SSL_MODES.map((mode) => ({ value: mode, label: SSL_LABELS[mode] }))}
          />
        </div>
      )}
    </>
  );
}
