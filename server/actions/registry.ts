/**
 * The set of actions this Rowcraft runs, found in the engineers' folder (`actions/`): every
 * action a module there exports is registered — no list to keep by hand, and Rowcraft's core
 * names no company's action. The static index of those modules is generated
 * (scripts/discover-actions.cjs) so bundlers see them. The router, the bulk runner and the
 * builder's pickers all read this one registry. Also what builders are told about each action
 * (JSON Schema of its input).
 */
import { z } from "zod";
import { actionModules } from "@/actions/index.generated";
import type { ActionSummary, ActionTargetSummary } from "@/lib/schemas/actions";
import { hasRole, type Role } from "@/lib/roles";
import { isActionDefinition, isRowTarget, type AnyAction } from "./define-action";
import { resolveTargetSource } from "./target-sources";

/** The actions exported by `modules`, in file order; the same definition re-exported counts once. */
export function collectActions(modules: readonly { file: string; exports: Record<string, unknown> }[]): AnyAction[] {
  const found: AnyAction[] = [];
  const files = new Map<AnyAction, string>();
  for (const entry of modules) {
    for (const value of Object.values(entry.exports)) {
      if (!isActionDefinition(value) || files.has(value)) continue;
      const other = found.find((action) => action.name === value.name);
      if (other) throw new Error(`Two actions are named ${value.name} (actions/${files.get(other)} and actions/${entry.file}); action names must be unique.`);
      files.set(value, entry.file);
      found.push(value);
    }
  }
  return found;
}

export const ACTIONS: readonly AnyAction[] = collectActions(actionModules);

export type ActionRegistry = ReadonlyMap<string, AnyAction>;

export function createActionRegistry(actions: readonly AnyAction[]): ActionRegistry {
  const registry = new Map<string, AnyAction>();
  for (const action of actions) {
    if (registry.has(action.name)) throw new Error(`Two actions are named ${action.name}; action names must be unique.`);
    registry.set(action.name, action);
  }
  return registry;
}

const REMOTE_KEY = Symbol.for("rowcraft.remote-actions");

/** Actions served by registered action services; process-wide (like the runner) so a second copy of this module sees them too. */
function remoteActions(): Map<string, AnyAction> {
  const holder = globalThis as { [REMOTE_KEY]?: Map<string, AnyAction> };
  holder[REMOTE_KEY] ??= new Map<string, AnyAction>();
  return holder[REMOTE_KEY];
}

/**
 * Replaces the remote actions (server/action-services/remote-actions.ts keeps them current).
 * Their names are `<service>.<action>`, so they never collide with the engineers' local actions.
 */
export function setRemoteActions(actions: readonly AnyAction[]): void {
  const remote = remoteActions();
  remote.clear();
  for (const action of actions) if (!local.has(action.name)) remote.set(action.name, action);
}

const local = createActionRegistry(ACTIONS);

/** The local actions, then the remote ones: what the router, the runner and the builder see. */
class LiveRegistry implements ReadonlyMap<string, AnyAction> {
  get size(): number {
    return local.size + remoteActions().size;
  }
  get(name: string): AnyAction | undefined {
    return local.get(name) ?? remoteActions().get(name);
  }
  has(name: string): boolean {
    return local.has(name) || remoteActions().has(name);
  }
  *entries(): MapIterator<[string, AnyAction]> {
    yield* local.entries();
    yield* remoteActions().entries();
  }
  *keys(): MapIterator<string> {
    for (const [name] of this.entries()) yield name;
  }
  *values(): MapIterator<AnyAction> {
    for (const [, action] of this.entries()) yield action;
  }
  forEach(callback: (value: AnyAction, key: string, map: ReadonlyMap<string, AnyAction>) => void): void {
    for (const [name, action] of this.entries()) callback(action, name, this);
  }
  [Symbol.iterator](): MapIterator<[string, AnyAction]> {
    return this.entries();
  }
}

export const actionRegistry: ActionRegistry = new LiveRegistry();

type JsonSchema = Record<string, unknown>;
const schemas = new WeakMap<AnyAction, { input: JsonSchema; output: JsonSchema | null }>();

/** Remote actions come with their JSON Schemas (the service's manifest): serve those, not a round trip through zod. */
export function rememberJsonSchemas(action: AnyAction, json: { input: JsonSchema; output: JsonSchema | null }): void {
  schemas.set(action, json);
}

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

/** The target as builders see it; `datasources` (this Rowcraft's source names) resolves its source. */
export function summarizeTarget(action: AnyAction, datasources: readonly string[] | null): ActionTargetSummary {
  const { target } = action;
  const found = datasources ? resolveTargetSource(target.source, datasources) : null;
  return {
    source: target.source,
    datasource: found?.ok ? found.datasource : null,
    unresolved: found && !found.ok ? found.message : null,
    table: isRowTarget(target) ? target.table : null,
    key: isRowTarget(target) ? { ...target.key } : {},
  };
}

export function summarizeAction(action: AnyAction, role: Role, datasources: readonly string[] | null = null): ActionSummary {
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
    target: summarizeTarget(action, datasources),
    service: action.service ?? null,
    precondition: action.precondition ? { ...action.precondition, oneOf: [...action.precondition.oneOf] } : null,
    inputSchema: input,
    outputSchema: output,
    canRun: hasRole(role, action.minRole),
  };
}

/** Every action as `role` sees it; with `datasources`, each target says which connected source it means. */
export function listActions(options: { role: Role; datasources?: readonly string[]; registry?: ActionRegistry }): ActionSummary[] {
  return [...(options.registry ?? actionRegistry).values()].map((action) => summarizeAction(action, options.role, options.datasources ?? null));
}
