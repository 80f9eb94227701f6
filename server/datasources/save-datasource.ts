/**
 * Creates or updates a data source (admins). The connection is encrypted before it is stored;
 * on edit a left-out password keeps the stored one, but only while host, port, database, user,
 * TLS mode and kind stay the same. Every change is audited without secrets.
 */
import { TRPCError } from "@trpc/server";
import type { Db } from "@/server/db/client";
import type { SessionUser } from "@/server/auth/sessions";
import { PASSWORD_REQUIRED_MESSAGE, sameCredentialTarget, type Connection, type ConnectionInput, type SaveDatasourceInput } from "@/lib/schemas/datasources";
import { recordAuditEvent } from "@/server/audit/record-audit-event";
import { describeLocation, openConnection, sealConnection, toDatasourceSummary } from "@/server/datasources/stored-datasource";
import { closeDriver } from "@/server/datasources/drivers/registry";

/**
 * Fills a left-out password from the stored connection — only when the password would go
 * exactly where it went before. Otherwise an admin could point the source at a server of
 * their own (or turn TLS off) and receive the stored password without ever knowing it.
 */
export function completeConnection(input: ConnectionInput, stored: Connection | null): Connection {
  if (input.kind === "sqlite") return input;
  if (input.password !== undefined) return { ...input, password: input.password };
  if (!stored || stored.kind === "sqlite") return { ...input, password: "" };
  if (!sameCredentialTarget(stored, input)) throw new TRPCError({ code: "BAD_REQUEST", message: PASSWORD_REQUIRED_MESSAGE });
  return { ...input, password: stored.password };
}

async function storedConnection(db: Db, id: string): Promise<Connection> {
  const row = await db.dataSource.findUnique({ where: { id } });
  if (!row) throw new TRPCError({ code: "NOT_FOUND", message: "That data source no longer exists." });
  return openConnection(row);
}

export async function resolveConnection(options: { db: Db; id?: string; connection: ConnectionInput }): Promise<Connection> {
  const stored = options.id ? await storedConnection(options.db, options.id) : null;
  return completeConnection(options.connection, stored);
}

export async function saveDatasource(options: { db: Db; actor: SessionUser; input: SaveDatasourceInput }) {
  const { db, actor, input } = options;
  const clash = await db.dataSource.findUnique({ where: { name: input.name }, select: { id: true } });
  if (clash && clash.id !== input.id) {
    throw new TRPCError({ code: "CONFLICT", message: `A data source named "${input.name}" already exists; choose another name.` });
  }
  const connection = await resolveConnection({ db, id: input.id, connection: input.connection });
  const data = { name: input.name, kind: connection.kind, configEncrypted: sealConnection(connection), policy: JSON.stringify(input.policy), schemaCache: null, schemaCachedAt: null };
  const row = input.id ? await db.dataSource.update({ where: { id: input.id }, data }) : await db.dataSource.create({ data });
  if (input.id) await closeDriver(input.id);
  await recordAuditEvent({
    db,
    actor,
    action: input.id ? "datasource.update" : "datasource.create",
    target: { type: "datasource", id: row.id },
    detail: { name: row.name, kind: row.kind, location: describeLocation(connection), policy: input.policy, passwordChanged: input.connection.kind !== "sqlite" && input.connection.password !== undefined },
  });
  return toDatasourceSummary(row);
}

export async function removeDatasource(options: { db: Db; actor: SessionUser; id: string }) {
  const row = await options.db.dataSource.findUnique({ where: { id: options.id } });
  if (!row) throw new TRPCError({ code: "NOT_FOUND", message: "That data source no longer exists." });
  await options.db.dataSource.delete({ where: { id: options.id } });
  await closeDriver(options.id);
  await recordAuditEvent({ db: options.db, actor: options.actor, action: "datasource.remove", target: { type: "datasource", id: row.id }, detail: { name: row.name, kind: row.kind } });
  return { ok: true as const };
}
