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

const networkConnection = {
  host: z.string().trim().min(1, { message: "Enter a host." }),
  port: z.number().int().min(1).max(65535),
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

export const policySchema = z.object({
  readOnly: z.boolean(),
  /** Table patterns: "schema.table", "schema.*", "table", "*". */
  read: z.array(z.string().trim().min(1)),
  write: z.array(z.string().trim().min(1)),
  allowSystemCatalogs: z.boolean(),
  statementTimeoutMs: z.number().int().min(100).max(600_000),
  rowCap: z.number().int().min(1).max(1_000_000),
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
