/** Data source connection settings and access policy, shared by server and forms. */
import { z } from "zod";

export const DATASOURCE_KINDS = ["sqlite", "postgres", "mysql"] as const;
export const datasourceKindSchema = z.enum(DATASOURCE_KINDS);
export type DatasourceKind = z.infer<typeof datasourceKindSchema>;

export const DATASOURCE_KIND_LABELS: Record<DatasourceKind, string> = {
  sqlite: "SQLite",
  postgres: "PostgreSQL",
  mysql: "MySQL / MariaDB",
};

export const SSL_MODES = ["disable", "prefer", "require", "verify-full"] as const;
export type SslMode = (typeof SSL_MODES)[number];

const PORT_MESSAGE = "Enter a port number (1–65535).";

const networkConnection = {
  host: z.string().trim().min(1, { message: "Enter a host." }),
  port: z.number({ message: PORT_MESSAGE }).int({ message: PORT_MESSAGE }).min(1, { message: PORT_MESSAGE }).max(65535, { message: PORT_MESSAGE }),
  database: z.string().trim().min(1, { message: "Enter a database name." }),
  user: z.string().trim().min(1, { message: "Enter a user." }),
  password: z.string(),
  sslMode: z.enum(SSL_MODES),
};

export const connectionSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("sqlite"), file: z.string().trim().min(1, { message: "Enter the database file path." }) }),
  z.object({ kind: z.literal("postgres"), ...networkConnection }),
  z.object({ kind: z.literal("mysql"), ...networkConnection }),
]);
export type Connection = z.infer<typeof connectionSchema>;

/**
 * Default EXPLAIN cost limit (PostgreSQL planner units, roughly sequential page reads). 1e8
 * leaves ordinary queries alone — a full scan of a 10-million-row table estimates ~2e5 — and
 * refuses runaway shapes before they start: `SELECT count(*) FROM generate_series(1,
 * 1000000000000)` estimates 1.25e10, an unfiltered cross join of two 100k-row tables 1.5e8–2e8
 * (measured on PostgreSQL 15). Estimates can also be blind (the numeric `generate_series(1,
 * 1e12)` estimates 10), so the statement timeout stays the real bound.
 */
export const DEFAULT_MAX_COST = 100_000_000;

/** Default most rows one write may change before it is rolled back. */
export const DEFAULT_MAX_AFFECTED_ROWS = 10_000;

export const policySchema = z.object({
  readOnly: z.boolean(),
  /** Table patterns: "schema.table", "schema.*", "table", "*". */
  read: z.array(z.string().trim().min(1)),
  write: z.array(z.string().trim().min(1)),
  allowSystemCatalogs: z.boolean(),
  statementTimeoutMs: z.number().int().min(100).max(600_000),
  rowCap: z.number().int().min(1).max(1_000_000),
  /**
   * PostgreSQL reads whose EXPLAIN total cost estimate is above this are refused before they
   * run; null = no limit. Defaulted so policies stored before the field existed still parse.
   */
  maxCost: z
    .number({ message: "Enter a number, or leave it blank for no limit." })
    .positive({ message: "Enter a positive number, or leave it blank for no limit." })
    .nullable()
    .default(DEFAULT_MAX_COST),
  /** A write that changes more rows than this is rolled back with a message (the whole write, not a part). */
  maxAffectedRows: z
    .number({ message: "Enter a whole number of rows." })
    .int({ message: "Enter a whole number of rows." })
    .min(1, { message: "Allow at least one row." })
    .max(1_000_000)
    .default(DEFAULT_MAX_AFFECTED_ROWS),
});
export type Policy = z.infer<typeof policySchema>;

/** Nothing writable until an admin says so. */
export const DEFAULT_POLICY: Policy = {
  readOnly: false,
  read: ["*"],
  write: [],
  allowSystemCatalogs: false,
  statementTimeoutMs: 10_000,
  rowCap: 100_000,
  maxCost: DEFAULT_MAX_COST,
  maxAffectedRows: DEFAULT_MAX_AFFECTED_ROWS,
};

/**
 * What the admin form sends. The password is optional on edit: left out, the stored one is
 * kept — the browser never receives the stored password, so it cannot send it back.
 */
const networkConnectionInput = { ...networkConnection, password: z.string().max(1000).optional() };
export const connectionInputSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("sqlite"), file: z.string().trim().min(1, { message: "Enter the database file path." }) }),
  z.object({ kind: z.literal("postgres"), ...networkConnectionInput }),
  z.object({ kind: z.literal("mysql"), ...networkConnectionInput }),
]);
export type ConnectionInput = z.infer<typeof connectionInputSchema>;

/**
 * A stored password is only ever sent where it was sent before: editing any of these (or the
 * kind) without typing the password again is refused, by the server and already by the form.
 */
export const PASSWORD_BOUND_FIELDS = ["host", "port", "database", "user", "sslMode"] as const;
export const PASSWORD_REQUIRED_MESSAGE = "Enter the password again: the connection details changed.";

type PasswordTarget = { kind: DatasourceKind } & { [field in (typeof PASSWORD_BOUND_FIELDS)[number]]: string | number };

/** Whether two network connections send a password to the same place in the same way. */
export function sameCredentialTarget(a: PasswordTarget, b: PasswordTarget): boolean {
  return a.kind === b.kind && PASSWORD_BOUND_FIELDS.every((field) => String(a[field]).trim() === String(b[field]).trim());
}

export const datasourceNameSchema = z.string().trim().min(1, { message: "Enter a name." }).max(80);

export const saveDatasourceInput = z.object({
  id: z.string().min(1).optional(),
  name: datasourceNameSchema,
  connection: connectionInputSchema,
  policy: policySchema,
});
export type SaveDatasourceInput = z.infer<typeof saveDatasourceInput>;

export const testConnectionInput = z.object({
  /** When testing an edited source, the stored password fills in a left-out one. */
  id: z.string().min(1).optional(),
  connection: connectionInputSchema,
});

export const datasourceIdInput = z.object({ id: z.string().min(1) });

export const DEFAULT_PORTS: Record<Exclude<DatasourceKind, "sqlite">, number> = { postgres: 5432, mysql: 3306 };


/** The connection as the browser may see it: everything but the password. */
export type ConnectionView =
  | { kind: "sqlite"; file: string }
  | { kind: "postgres" | "mysql"; host: string; port: number; database: string; user: string; sslMode: SslMode; hasPassword: boolean };
