/**
 * Reading and writing data source rows: the connection is encrypted on the way in and only
 * decrypted on the server when a driver needs it. `toDatasourceSummary` is the only shape
 * that leaves the server — it carries no password, ever.
 */
import type { DataSource } from "@/generated/prisma/client";
import { connectionSchema, datasourceKindSchema, policySchema, type Connection, type DatasourceKind, type Policy } from "@/lib/schemas/datasources";
import { getSecrets } from "@/server/config/secrets";
import { decryptSecret, encryptSecret } from "@/server/crypto/secret-box";

export interface DatasourceSummary {
  id: string;
  name: string;
  kind: DatasourceKind;
  isDemo: boolean;
  /** Where it points, without credentials: "db.example.com:5432/sales as rowcraft" or a file name. */
  location: string;
  policy: Policy;
  updatedAt: Date;
}

export function sealConnection(connection: Connection): string {
  return encryptSecret(JSON.stringify(connection), getSecrets().encryptionKey);
}

// Decrypting and validating costs more than the rest of a small query's server work; the
// sealed text itself is the key, so an edited source is never served a stale connection.
const opened = new Map<string, Connection>();

export function openConnection(row: Pick<DataSource, "configEncrypted">): Connection {
  const cached = opened.get(row.configEncrypted);
  if (cached) return cached;
  const connection = connectionSchema.parse(JSON.parse(decryptSecret(row.configEncrypted, getSecrets().encryptionKey)));
  if (opened.size >= 200) opened.clear();
  opened.set(row.configEncrypted, connection);
  return connection;
}

export function describeLocation(connection: Connection): string {
  if (connection.kind === "sqlite") return connection.file.split(/[\\/]/).pop() ?? connection.file;
  return `${connection.host}:${connection.port}/${connection.database} as ${connection.user}`;
}

export function toDatasourceSummary(row: DataSource): DatasourceSummary {
  let location: string;
  try {
    location = describeLocation(openConnection(row));
  } catch (error) {
    location = error instanceof Error ? error.message : "Unreadable settings";
  }
  return {
    id: row.id,
    name: row.name,
    kind: datasourceKindSchema.parse(row.kind),
    isDemo: row.isDemo,
    location,
    policy: policySchema.parse(JSON.parse(row.policy)),
    updatedAt: row.updatedAt,
  };
}
