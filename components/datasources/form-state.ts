/**
 * The data source form's editable state, and its conversion to the API input. Kept apart from
 * the markup so the conversion (patterns from text, seconds to ms, "keep password") is plain code.
 */
import { DEFAULT_POLICY, DEFAULT_PORTS, PASSWORD_REQUIRED_MESSAGE, sameCredentialTarget, saveDatasourceInput, type ConnectionView, type DatasourceKind, type Policy, type SaveDatasourceInput, type SslMode } from "@/lib/schemas/datasources";


export interface DatasourceFormState {
  name: string;
  kind: DatasourceKind;
  file: string;
  host: string;
  port: string;
  database: string;
  user: string;
  password: string;
  hasStoredPassword: boolean;
  /** Where the stored password goes today; changing any of it means typing the password again. */
  storedTarget: Pick<DatasourceFormState, "kind" | "host" | "port" | "database" | "user" | "sslMode"> | null;
  sslMode: SslMode;
  readOnly: boolean;
  read: string;
  write: string;
  allowSystemCatalogs: boolean;
  timeoutSeconds: string;
  rowCap: string;
  /** PostgreSQL EXPLAIN cost limit; blank = no limit. */
  maxCost: string;
  maxAffectedRows: string;
}

export function initialFormState(existing?: { name: string; connection: ConnectionView; policy: Policy }): DatasourceFormState {
  const policy = existing?.policy ?? DEFAULT_POLICY;
  const connection = existing?.connection;
  const network = connection && connection.kind !== "sqlite" ? connection : null;
  return {
    name: existing?.name ?? "",
    kind: connection?.kind ?? "postgres",
    file: connection?.kind === "sqlite" ? connection.file : "",
    host: network?.host ?? "127.0.0.1",
    port: String(network?.port ?? DEFAULT_PORTS.postgres),
    database: network?.database ?? "",
    user: network?.user ?? "",
    password: "",
    hasStoredPassword: network?.hasPassword ?? false,
    storedTarget: network?.hasPassword ? { kind: network.kind, host: network.host, port: String(network.port), database: network.database, user: network.user, sslMode: network.sslMode } : null,
    sslMode: network?.sslMode ?? "prefer",
    readOnly: policy.readOnly,
    read: policy.read.join("\n"),
    write: policy.write.join("\n"),
    allowSystemCatalogs: policy.allowSystemCatalogs,
    timeoutSeconds: String(policy.statementTimeoutMs / 1000),
    rowCap: String(policy.rowCap),
    maxCost: policy.maxCost === null ? "" : String(policy.maxCost),
    maxAffectedRows: String(policy.maxAffectedRows),
  };
}

/** "1e8", "100,000,000" or "100 000 000" → a number; blank → null (no limit). NaN is left for the schema to refuse. */
export function parseLimit(text: string): number | null {
  const compact = text.replace(/[,_\s]/g, "");
  return compact === "" ? null : Number(compact);
}

const lines = (text: string) => text.split(/[\n,]/).map((line) => line.trim()).filter(Boolean);

/** Whether the stored password cannot be kept: it is left blank but host, port, database, user, TLS or kind changed. */
export function passwordNeeded(state: DatasourceFormState): boolean {
  if (state.kind === "sqlite" || state.password !== "" || !state.storedTarget) return false;
  return !sameCredentialTarget(state.storedTarget, state);
}

/** The connection part alone (for "Test connection"). A blank password on edit means "keep the stored one". */
export function toConnectionInput(state: DatasourceFormState, isEdit: boolean) {
  if (state.kind === "sqlite") return { kind: "sqlite" as const, file: state.file };
  const keepPassword = isEdit && state.password === "" && state.hasStoredPassword;
  return {
    kind: state.kind,
    host: state.host,
    port: Number(state.port),
    database: state.database,
    user: state.user,
    sslMode: state.sslMode,
    ...(keepPassword ? {} : { password: state.password }),
  };
}

export type FormErrors = Partial<Record<keyof DatasourceFormState | "form", string>>;

const FIELD_FOR_PATH: Record<string, keyof DatasourceFormState> = {
  statementTimeoutMs: "timeoutSeconds",
  rowCap: "rowCap",
  maxCost: "maxCost",
  maxAffectedRows: "maxAffectedRows",
  read: "read",
  write: "write",
};

export function toSaveInput(state: DatasourceFormState, id: string | undefined): { ok: true; input: SaveDatasourceInput } | { ok: false; errors: FormErrors } {
  const candidate = {
    id,
    name: state.name,
    connection: toConnectionInput(state, Boolean(id)),
    policy: {
      readOnly: state.readOnly,
      read: lines(state.read),
      write: state.readOnly ? [] : lines(state.write),
      allowSystemCatalogs: state.allowSystemCatalogs,
      statementTimeoutMs: Math.round(Number(state.timeoutSeconds) * 1000),
      rowCap: Number(state.rowCap),
      maxCost: parseLimit(state.maxCost),
      // Blank is not "no limit" here: every write has a ceiling. NaN makes the schema say so.
      maxAffectedRows: parseLimit(state.maxAffectedRows) ?? Number.NaN,
    },
  };
  const parsed = saveDatasourceInput.safeParse(candidate);
  const errors: FormErrors = {};
  if (passwordNeeded(state)) errors.password = PASSWORD_REQUIRED_MESSAGE;
  if (parsed.success && !errors.password) return { ok: true, input: parsed.data };
  if (parsed.success) return { ok: false, errors };
  for (const issue of parsed.error.issues) {
    const last = String(issue.path[issue.path.length - 1] ?? "form");
    const field = FIELD_FOR_PATH[last] ?? (last in state ? (last as keyof DatasourceFormState) : "form");
    errors[field] ??= issue.message;
  }
  return { ok: false, errors };
}
