/**
 * Remote actions as Rowcraft actions: each action in a registered service's manifest becomes an
 * action named `<service>.<action>` in the one registry (server/actions/registry.ts), with its
 * target, its input schema rebuilt from the manifest's JSON Schema (so bulk runs validate every row
 * up front, as for local actions) and a `run` that is one signed call to the service. Role checks,
 * confirmation, timeouts, idempotency keys, audit and bulk runs are therefore Rowcraft's usual
 * ones; the service checks the signature, role and deadline again.
 */
import { z } from "zod";
import type { ActionService } from "@/generated/prisma/client";
import type { ManifestAction } from "@rowcraft/actions/protocol";
import type { Db } from "@/server/db/client";
import { ActionError, ActionFailure, ReplayedResult, type AnyAction } from "@/server/actions/define-action";
import { rememberJsonSchemas, setRemoteActions } from "@/server/actions/registry";
import { ActionServiceError, invokeRemote, type ServiceEndpoint } from "./service-client";
import { endpointOf, storedManifest } from "./service-store";

export function remoteActionName(serviceName: string, actionName: string): string {
  return `${serviceName}.${actionName}`;
}

function inputSchemaOf(action: ManifestAction): z.ZodObject | null {
  try {
    const schema = z.fromJSONSchema(action.inputSchema as Parameters<typeof z.fromJSONSchema>[0]);
    return schema instanceof z.ZodObject ? schema : null;
  } catch {
    return null;
  }
}

/** The Rowcraft action for one manifest entry; null when its input is not an object schema Rowcraft can check. */
export function toRemoteAction(service: Pick<ActionService, "name">, endpoint: () => ServiceEndpoint, action: ManifestAction): AnyAction | null {
  const input = inputSchemaOf(action);
  if (!input) return null;
  const definition: AnyAction = {
    name: remoteActionName(service.name, action.name),
    title: action.title,
    description: action.description,
    target: action.target,
    input,
    // The service checks its own output schema; Rowcraft shows what it answered.
    output: null,
    minRole: action.minRole,
    danger: action.danger,
    precondition: action.precondition,
    timeoutMs: action.timeoutMs,
    mode: action.mode,
    selectionField: action.selectionField,
    service: service.name,
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
            deadline: ctx.deadline,
            app: ctx.app ? { id: ctx.app.id, version: ctx.app.version, widget: ctx.app.widgetId } : null,
            run: ctx.run,
          },
          ctx.signal,
        );
      } catch (error) {
        if (error instanceof ActionServiceError) throw new ActionFailure(error.kind === "timeout" ? "timeout" : "internal", error.message);
        throw error;
      }
      if (answer.status === "ok") return answer.replayed ? new ReplayedResult(answer.result) : answer.result;
      if (answer.errorKind === "domain") throw new ActionError(answer.error);
      throw new ActionFailure(answer.errorKind, answer.errorKind === "internal" ? `The action service "${service.name}" reports: ${answer.error}` : answer.error);
    },
  };
  rememberJsonSchemas(definition, { input: action.inputSchema, output: action.outputSchema });
  return definition;
}

const SNAPSHOT_KEY = Symbol.for("rowcraft.remote-actions-version");

/**
 * Brings the registry's remote actions up to date with the ActionService rows: one small query
 * of ids and times, and the actions are rebuilt only when a service row changed (registered, refreshed, removed).
 * Called where actions are looked up: the actions API, the bulk runner, app validation.
 */
export async function syncRemoteActions(db: Db): Promise<void> {
  // Opening an app calls this: read only ids and times, and the manifests only when one changed.
  const stamps = await db.actionService.findMany({ select: { id: true, updatedAt: true }, orderBy: { name: "asc" } });
  const version = stamps.map((row) => `${row.id}@${row.updatedAt.getTime()}`).join(",");
  const holder = globalThis as { [SNAPSHOT_KEY]?: string };
  if (holder[SNAPSHOT_KEY] === version) return;
  const rows = await db.actionService.findMany({ orderBy: { name: "asc" } });
  const actions = rows.flatMap((row) => {
    const endpoint = () => endpointOf(row);
    return (storedManifest(row)?.actions ?? []).flatMap((action) => toRemoteAction(row, endpoint, action) ?? []);
  });
  setRemoteActions(actions);
  holder[SNAPSHOT_KEY] = version;
}
