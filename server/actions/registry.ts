/**
 * THE list of actions. Every action file — `server/actions/demo/*.ts` and future
 * `server/actions/*.action.ts` — is imported and listed here once (registry.test.ts fails when
 * one is missing), so the router, the bulk runner and the builder's action picker all see the
 * same set. Also what builders are told about each action (JSON Schema of its input).
 */
import { z } from "zod";
import type { ActionSummary } from "@/lib/schemas/actions";
import { hasRole, type Role } from "@/lib/roles";
import type { AnyAction } from "./define-action";
import { addOrderNote } from "./demo/add-order-note";
import { anonymizeCustomer } from "./demo/anonymize-customer";
import { escalateTicket } from "./demo/escalate-ticket";
import { refundOrder } from "./demo/refund-order";
import { resendShipmentNotification } from "./demo/resend-shipment-notification";
import { setOrderStatus } from "./demo/set-order-status";

export const ACTIONS: readonly AnyAction[] = [refundOrder, resendShipmentNotification, escalateTicket, setOrderStatus, addOrderNote, anonymizeCustomer];

export type ActionRegistry = ReadonlyMap<string, AnyAction>;

export function createActionRegistry(actions: readonly AnyAction[]): ActionRegistry {
  const registry = new Map<string, AnyAction>();
  for (const action of actions) {
    if (registry.has(action.name)) throw new Error(`Two actions are named ${action.name}; action names must be unique.`);
    registry.set(action.name, action);
  }
  return registry;
}

export const actionRegistry: ActionRegistry = createActionRegistry(ACTIONS);

type JsonSchema = Record<string, unknown>;
const schemas = new WeakMap<AnyAction, { input: JsonSchema; output: JsonSchema | null }>();

/** Input as the caller sends it (defaults optional); output as the action returns it. */
function schemasOf(action: AnyAction): { input: JsonSchema; output: JsonSchema | null } {
  let cached = schemas.get(action);
  if (!cached) {
    // As plain JSON: zod builds some objects without Object.prototype, which React refuses to pass from a server page to the browser.
    const plain = (schema: unknown) => JSON.parse(JSON.stringify(schema)) as JsonSchema;
    cached = {
      input: plain(z.toJSONSchema(action.input, { io: "input", unrepresentable: "any" })),
      output: action.output ? plain(z.toJSONSchema(action.output, { io: "output", unrepresentable: "any" })) : null,
    };
    schemas.set(action, cached);
  }
  return cached;
}

export function summarizeAction(action: AnyAction, role: Role): ActionSummary {
  const { input, output } = schemasOf(action);
  return {
    name: action.name,
    title: action.title,
    description: action.description,
    minRole: action.minRole,
    danger: action.danger,
    mode: action.mode,
    selectionField: action.selectionField,
    timeoutMs: action.timeoutMs,
    inputSchema: input,
    outputSchema: output,
    canRun: hasRole(role, action.minRole),
  };
}

export function listActions(options: { role: Role; registry?: ActionRegistry }): ActionSummary[] {
  return [...(options.registry ?? actionRegistry).values()].map((action) => summarizeAction(action, options.role));
}
