/**
 * Admins register, refresh and remove action services. Registering reads the manifest first, so a
 * wrong URL or secret is caught at once rather than at an operator's first run. Every change is
 * audited (never with the secret).
 */
import { TRPCError } from "@trpc/server";
import type { AddActionServiceInput, RefreshResult } from "@/lib/schemas/action-services";
import type { SessionUser } from "@/server/auth/sessions";
import { recordAuditEvent } from "@/server/audit/record-audit-event";
import type { Db } from "@/server/db/client";
import { diffManifests } from "./manifest-diff";
import { syncRemoteActions } from "./remote-actions";
import { ActionServiceError, fetchManifest } from "./service-client";
import { endpointOf, sealServiceSecret, storedManifest, toActionServiceSummary } from "./service-store";

export async function listActionServices(options: { db: Db }) {
  const rows = await options.db.actionService.findMany({ orderBy: { name: "asc" } });
  return rows.map(toActionServiceSummary);
}

function asTrpcError(error: unknown): unknown {
  if (error instanceof ActionServiceError) return new TRPCError({ code: "BAD_REQUEST", message: error.message, cause: error });
  return error;
}

export async function addActionService(options: { db: Db; actor: SessionUser; input: AddActionServiceInput }) {
  const { db, actor, input } = options;
  if (await db.actionService.findUnique({ where: { name: input.name }, select: { id: true } })) {
    throw new TRPCError({ code: "CONFLICT", message: `An action service named "${input.name}" already exists; choose another name or remove it first.` });
  }
  let manifest;
  try {
    manifest = await fetchManifest({ name: input.name, url: input.url, secret: input.secret });
  } catch (error) {
    throw asTrpcError(error);
  }
  const row = await db.actionService.create({
    data: {
      name: input.name,
      url: input.url,
      secretEncrypted: sealServiceSecret(input.secret),
      manifest: JSON.stringify(manifest),
      manifestVersion: manifest.version,
      manifestFetchedAt: new Date(),
      status: "ok",
    },
  });
  await recordAuditEvent({
    db,
    actor,
    action: "action_service.create",
    target: { type: "action_service", id: row.id },
    detail: { name: row.name, url: row.url, manifestVersion: manifest.version, actions: manifest.actions.map((action) => action.name) },
  });
  await syncRemoteActions(db);
  return toActionServiceSummary(row);
}

async function findService(db: Db, id: string) {
  const row = await db.actionService.findUnique({ where: { id } });
  if (!row) throw new TRPCError({ code: "NOT_FOUND", message: "That action service no longer exists." });
  return row;
}

/** Reads the manifest again and says what changed; a failed read keeps the last good manifest and records why. */
export async function refreshActionService(options: { db: Db; actor: SessionUser; id: string }): Promise<RefreshResult> {
  const { db, actor } = options;
  const row = await findService(db, options.id);
  let manifest;
  try {
    manifest = await fetchManifest(endpointOf(row));
  } catch (error) {
    if (!(error instanceof ActionServiceError)) throw error;
    await db.actionService.update({ where: { id: row.id }, data: { status: "error", statusMessage: error.message } });
    await recordAuditEvent({ db, actor, action: "action_service.refresh", target: { type: "action_service", id: row.id }, outcome: "error", detail: { name: row.name, error: error.message } });
    throw asTrpcError(error);
  }
  const changes = diffManifests(storedManifest(row)?.actions ?? [], manifest.actions);
  const updated = await db.actionService.update({
    where: { id: row.id },
    data: { manifest: JSON.stringify(manifest), manifestVersion: manifest.version, manifestFetchedAt: new Date(), status: "ok", statusMessage: null },
  });
  await recordAuditEvent({
    db,
    actor,
    action: "action_service.refresh",
    target: { type: "action_service", id: row.id },
    detail: { name: row.name, from: row.manifestVersion, to: manifest.version, ...changes },
  });
  await syncRemoteActions(db);
  return { service: toActionServiceSummary(updated), changes };
}

export async function removeActionService(options: { db: Db; actor: SessionUser; id: string }) {
  const row = await findService(options.db, options.id);
  await options.db.actionService.delete({ where: { id: row.id } });
  await syncRemoteActions(options.db);
  await recordAuditEvent({ db: options.db, actor: options.actor, action: "action_service.remove", target: { type: "action_service", id: row.id }, detail: { name: row.name, url: row.url } });
  return { ok: true as const };
}
