/**
 * Remote actions as Rowcraft actions: each action in a registered service's manifest becomes an
 * action named `<service>.<action>` whose input schema is rebuilt from the manifest's JSON Schema
 * (so bulk runs validate every row up front, as for local actions) and whose `run` is one signed
 * call to the service. Role checks, confirmation, timeouts, idempotency keys, audit and bulk runs
 * are therefore Rowcraft's usual ones; the service checks the signature, role and deadline again.
 */
import { z } from "zod";
import type { ActionService } from "@/generated/prisma/client";
import type { ManifestAction } from "@rowcraft/actions/protocol";
import type { Db } from "@/server/db/client";
import { ActionError, type AnyAction } from "@/server/actions/define-action";
import { ActionServiceError, invokeRemote, type ServiceEndpoint } from "./service-client";
import { endpointOf, storedManifest } from "./service-store";

export function remoteActionName(serviceName: string, actionName: string): string {
  return `${serviceName}.${actionName}`;
}

/** What Rowcraft knows about where a remote action runs. */
export interface RemoteOrigin {
  serviceId: string;
  serviceName: string;
  actionName: string;
}

export type RemoteAction = AnyAction & { readonly remote: RemoteOrigin };

export function isRemoteAction(action: AnyAction): action is RemoteAction {
  return "remote" in action && typeof (action as { remote?: unknown }).remote === "object";
}

/** A failure reported by (or about) the service, with the same kinds a local invocation has. */
export class RemoteActionFailure extends Error {
  constructor(
    readonly kind: "invalid_input" | "domain" | "timeout" | "internal",
    message: string,
  ) {
    super(message);
    this.name = "RemoteActionFailure";
  }
}

function inputSchemaOf(action: ManifestAction): z.ZodObject | null {
  try {
    const schema = z.fromJSONSchema(action.inputSchema as Parameters<typeof z.fromJSONSchema>[0]);
    return schema instanceof z.ZodObject ? schema : null;
  } catch {
    return null;
  }
}

export function toRemoteAction(service: Pick<ActionService, "id" | "name">, endpoint: () => ServiceEndpoint, action: ManifestAction): RemoteAction | null {
  const input = inputSchemaOf(action);
  if (!input) return null;
  const name = remoteActionName(service.name, action.name);
  return {
    name,
    title: action.title,
    description: action.description,
    input,
    output: null,
    minRole: action.minRole,
    danger: action.danger,
    timeoutMs: action.timeoutMs,
    mode: action.mode,
    selectionField: action.selectionField,
    remote: { serviceId: service.id, serviceName: service.name, actionName: action.name },
    run: async (value, ctx) => {
      let answer;
      try {
        answer = await invokeRemote(
          endpoint(),
          {
            action: action.name,
            input: value,
            idempotencyKey: ctx.idempotencyKey,
            user: ctx.user,
            deadline: Date.now() + action.timeoutMs,
            app: null,
            run: null,
          },
          ctx.signal,
        );
      } catch (error) {
        if (error instanceof ActionServiceError) throw new RemoteActionFailure(error.kind === "timeout" ? "timeout" : "internal", error.message);
        throw error;
      }
      if (answer.status === "failed") {
        if (answer.errorKind === "domain") throw new ActionError(answer.error);
        throw new RemoteActionFailure(answer.errorKind, answer.errorKind === "internal" ? `The action service "${service.name}" reports: ${answer.error}` : answer.error);
      }
      return answer.result;
    },
  };
}

interface Snapshot {
  version: string;
  actions: RemoteAction[];
}

const snapshots = new WeakMap<Db, Snapshot>();

/** Every registered service's actions, rebuilt only when a service row changed (one small query otherwise). */
export async function loadRemoteActions(db: Db): Promise<RemoteAction[]> {
  const rows = await db.actionService.findMany({ orderBy: { name: "asc" } });
  const version = rows.map((row) => `${row.id}@${row.updatedAt.getTime()}`).join(",");
  const cached = snapshots.get(db);
  if (cached?.version === version) return cached.actions;
  const actions = rows.flatMap((row) => {
    const endpoint = () => endpointOf(row);
    return (storedManifest(row)?.actions ?? []).flatMap((action) => toRemoteAction(row, endpoint, action) ?? []);
  });
  snapshots.set(db, { version, actions });
  return actions;
}
