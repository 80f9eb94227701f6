/**
 * The checks every way of running an action applies first: the action exists, the caller's role
 * reaches the action's own minimum (the procedures themselves only require operator), and
 * dangerous actions were confirmed.
 */
import { TRPCError } from "@trpc/server";
import { hasRole, type Role } from "@/lib/roles";
import type { ActionUser, AnyAction } from "./define-action";
import { actionRegistry, type ActionRegistry } from "./registry";

export function findActionOrThrow(name: string, registry: ActionRegistry = actionRegistry): AnyAction {
  const action = registry.get(name);
  if (!action) throw new TRPCError({ code: "NOT_FOUND", message: `There is no action named ${name}. It may have been removed; reload the page.` });
  return action;
}

export function canRunAction(user: Pick<ActionUser, "role">, action: AnyAction): boolean {
  return hasRole(user.role, action.minRole);
}

export function assertMayRunAction(user: Pick<ActionUser, "role">, action: AnyAction): void {
  if (!canRunAction(user, action)) {
    throw new TRPCError({ code: "FORBIDDEN", message: `${action.title} needs the ${action.minRole} role or above.` });
  }
}

/** Runs outside any app (the table editor, the API) are for builders and admins; operators go through apps. */
export const DIRECT_RUN_ROLE = "builder" satisfies Role;

export function mayRunDirectly(user: Pick<ActionUser, "role">): boolean {
  return hasRole(user.role, DIRECT_RUN_ROLE);
}

export function directRunRefusal(action: AnyAction): TRPCError {
  return new TRPCError({ code: "FORBIDDEN", message: `${action.title} runs only through an app that offers it; open the app and run it from there (running actions directly needs the builder role).` });
}

export function assertConfirmed(action: AnyAction, confirmed: boolean | undefined): void {
  if (action.danger && confirmed !== true) {
    throw new TRPCError({ code: "BAD_REQUEST", message: `${action.title} is marked dangerous: ask the operator to confirm, then send confirmed: true.` });
  }
}
