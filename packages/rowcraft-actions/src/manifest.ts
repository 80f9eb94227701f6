/** The service's manifest: what Rowcraft shows builders about each action, and a version hash of it all. */
import { createHash } from "node:crypto";
import { z } from "zod";
import { isRowTarget, type AnyAction } from "./define-action.ts";
import { PROTOCOL_VERSION, type Manifest, type ManifestAction } from "./protocol.ts";

type JsonSchema = Record<string, unknown>;

// Plain JSON: zod builds some objects without Object.prototype.
const plain = (schema: unknown) => JSON.parse(JSON.stringify(schema)) as JsonSchema;

export function describeAction(action: AnyAction): ManifestAction {
  return {
    name: action.name,
    title: action.title,
    description: action.description,
    minRole: action.minRole,
    danger: action.danger,
    precondition: action.precondition ? { ...action.precondition, oneOf: [...action.precondition.oneOf] } : null,
    target: isRowTarget(action.target) ? { source: action.target.source, table: action.target.table, key: { ...action.target.key } } : { source: action.target.source, rows: false },
    timeoutMs: action.timeoutMs,
    mode: action.mode,
    selectionField: action.selectionField,
    // Input as the caller sends it (defaults optional); output as the action returns it.
    inputSchema: plain(z.toJSONSchema(action.input, { io: "input", unrepresentable: "any" })),
    outputSchema: action.output ? plain(z.toJSONSchema(action.output, { io: "output", unrepresentable: "any" })) : null,
  };
}

export function buildManifest(actions: readonly AnyAction[]): Manifest {
  const described = actions.map(describeAction).sort((a, b) => a.name.localeCompare(b.name));
  const version = createHash("sha256").update(JSON.stringify(described)).digest("hex").slice(0, 16);
  return { protocol: PROTOCOL_VERSION, version, actions: described };
}
