/**
 * `actions.run`: one invocation of one action, synchronously — the action's own role check (the
 * procedure only requires operator), confirmation of dangerous actions, input validation with
 * field errors, then invokeAction (timeout, idempotency, error classification) and one audit event.
 *
 * The client's key is scoped to the caller (`<userId>:<key>`), so one user's key can neither
 * collide with nor read another user's invocation, nor a bulk row's (`<runId>:<rowKey>`).
 */
import { TRPCError } from "@trpc/server";
import type { AppBinding, InvocationOutcome, RunActionInput } from "@/lib/schemas/actions";
import type { Db } from "@/server/db/client";
import { recordAuditEvent } from "@/server/audit/record-audit-event";
import { syncRemoteActions } from "@/server/action-services/remote-actions";
import { assertConfirmed, assertMayRunAction, canRunAction, directRunRefusal, findActionOrThrow, mayRunDirectly } from "./action-access";
import { invocationAuditEvent, invocationAuditName, targetAuditDetail, type AuditedApp } from "./action-audit";
import { checkAppBinding } from "./app-binding";
import { metadataDatabaseResolver, type SharedDatabaseResolver } from "./databases/action-databases";
import type { ActionUser, AnyAction } from "./define-action";
import { describeIssues, invokeAction } from "./invoke-action";
import type { ActionRegistry } from "./registry";

export interface RunActionOptions {
  db: Db;
  user: ActionUser;
  input: RunActionInput;
  registry?: ActionRegistry;
  databases?: SharedDatabaseResolver;
}

export function singleInvocationKey(userId: string, clientKey: string): string {
  return `${userId}:${clientKey}`;
}

/** The audit event of a refused invocation (role, app binding or direct run). */
function recordRunDenied(db: Db, user: ActionUser, action: AnyAction, detail: Record<string, unknown>): Promise<void> {
  return recordAuditEvent({ db, actor: user, action: invocationAuditName(action.name), target: { type: "action", id: action.name }, outcome: "denied", detail });
}

/**
 * Where a run may come from: through an app that offers the action on rows it shows the caller
 * (`via`, anyone who may run the action), or directly (builders and admins). A refusal is
 * audited as denied with the reason, then thrown.
 */
export async function checkRunSource(options: { db: Db; user: ActionUser; action: AnyAction; via: AppBinding | undefined; inputs: readonly unknown[]; detail: Record<string, unknown> }): Promise<AuditedApp | null> {
  const { db, user, action, via } = options;
  const deny = async (error: TRPCError): Promise<never> => {
    await recordRunDenied(db, user, action, { ...options.detail, app: via ? { id: via.appId, version: via.version, widgetId: via.widgetId } : "direct", ...targetAuditDetail(action, options.inputs[0]), reason: error.message });
    throw error;
  };
  if (!via) {
    if (!mayRunDirectly(user)) await deny(directRunRefusal(action));
    return null;
  }
  try {
    const checked = await checkAppBinding({ db, user, action, via, inputs: options.inputs });
    return { id: checked.appId, name: checked.appName, version: checked.version, widgetId: checked.widgetId };
  } catch (error) {
    if (error instanceof TRPCError && (error.code === "FORBIDDEN" || error.code === "NOT_FOUND")) return deny(error);
    throw error;
  }
}

export async function runAction(options: RunActionOptions): Promise<InvocationOutcome> {
  const { db, user, input } = options;
  await syncRemoteActions(db);
  const action = findActionOrThrow(input.action, options.registry);
  const idempotencyKey = singleInvocationKey(user.id, input.idempotencyKey);
  if (!canRunAction(user, action)) {
    await recordRunDenied(db, user, action, { idempotencyKey, reason: `needs ${action.minRole}, has ${user.role}` });
    assertMayRunAction(user, action);
  }
  assertConfirmed(action, input.confirmed);
  const app = await checkRunSource({ db, user, action, via: input.via, inputs: [input.input], detail: { idempotencyKey } });
  const parsed = action.input.safeParse(input.input);
  if (!parsed.success) {
    throw new TRPCError({ code: "BAD_REQUEST", message: `${action.title} cannot take this input: ${describeIssues(parsed.error)}`, cause: parsed.error });
  }
  const report = await invokeAction({ action, input: input.input, idempotencyKey, user, app, databases: options.databases ?? metadataDatabaseResolver(db) });
  await recordAuditEvent({
    db,
    ...invocationAuditEvent({ actor: user, action, input: input.input, idempotencyKey, outcome: report.outcome, internalMessage: report.internalMessage, app }),
  });
  return report.outcome;
}
