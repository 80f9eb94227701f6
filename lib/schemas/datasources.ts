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

const networkConnection = {
  host: z.string().trim().min(1, { message: "Enter a host." }),
  port: z.number().int().min(1).max(65535),
  database: z.string().trim().min(1, { message: "Enter a database name." }),
  user: z.string().trim().min(1, { message: "Enter a user." }),
  password: z.string(),
  sslMode: z.enum(["disable", "prefer", "require", "verify-full"]),
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
