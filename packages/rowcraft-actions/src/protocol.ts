/**
 * The wire contract between Rowcraft and an action service — shared by the SDK (the service
 * side) and Rowcraft's client, so both sign, verify and parse exactly the same way.
 *
 * One endpoint, POST only, JSON body. Every request and every response is signed:
 *   rowcraft-timestamp: <epoch ms>
 *   rowcraft-signature: v1=<hex HMAC-SHA256(secret, timestamp + "." + payload)>
 * where payload is the raw request body, and for responses `requestId + "." + body`, so a
 * response cannot be replayed as the answer to another request. A request is accepted only within
 * REPLAY_WINDOW_MS of its timestamp (either way, for clock skew), and each requestId only once.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { ROLES } from "./define-action.ts";

export const PROTOCOL_VERSION = 1;
export const TIMESTAMP_HEADER = "rowcraft-timestamp";
export const SIGNATURE_HEADER = "rowcraft-signature";
export const REPLAY_WINDOW_MS = 5 * 60_000;
/** Shorter secrets are refused on both sides: HMAC is only as strong as its key. */
export const MIN_SECRET_LENGTH = 32;
const SCHEME = "v1";

export function signPayload(secret: string, timestamp: number, payload: string): string {
  return `${SCHEME}=${createHmac("sha256", secret).update(`${timestamp}.${payload}`).digest("hex")}`;
}

/** Headers for a signed request or response with this payload. */
export function signedHeaders(secret: string, payload: string, now = Date.now()): Record<string, string> {
  return { [TIMESTAMP_HEADER]: String(now), [SIGNATURE_HEADER]: signPayload(secret, now, payload) };
}

export type Verification = { ok: true; timestamp: number } | { ok: false; reason: string };

/**
 * Checks a signature against one or more secrets (several during a rotation) in constant time,
 * and the timestamp against the replay window.
 */
export function verifySignature(options: {
  secrets: readonly string[];
  timestamp: string | null | undefined;
  signature: string | null | undefined;
  payload: string;
  now?: number;
  windowMs?: number;
}): Verification {
  const { timestamp, signature } = options;
  if (!timestamp || !signature) return { ok: false, reason: `The request is not signed (headers ${TIMESTAMP_HEADER} and ${SIGNATURE_HEADER} are required).` };
  if (!/^\d{1,16}$/.test(timestamp)) return { ok: false, reason: `${TIMESTAMP_HEADER} must be epoch milliseconds.` };
  const at = Number(timestamp);
  const now = options.now ?? Date.now();
  const window = options.windowMs ?? REPLAY_WINDOW_MS;
  if (Math.abs(now - at) > window) {
    return { ok: false, reason: `The signature's timestamp is ${Math.round((now - at) / 1000)} s away from this server's clock (at most ${window / 1000} s allowed): a replayed request, or clocks out of sync.` };
  }
  const given = Buffer.from(signature);
  for (const secret of options.secrets) {
    const expected = Buffer.from(signPayload(secret, at, options.payload));
    if (expected.length === given.length && timingSafeEqual(expected, given)) return { ok: true, timestamp: at };
  }
  return { ok: false, reason: "The signature does not match: the shared secret differs, or the body was changed on the way." };
}

export function responsePayload(requestId: string, body: string): string {
  return `${requestId}.${body}`;
}

const userSchema = z.object({
  id: z.string().min(1).max(200),
  email: z.string().max(320),
  name: z.string().max(200),
  role: z.enum(ROLES),
});

const appSchema = z.object({
  id: z.string().min(1).max(200),
  version: z.number().int().nullable(),
  widget: z.string().max(200).nullable(),
});

const requestIdSchema = z.string().min(16).max(128);

export const invokeRequestSchema = z.object({
  kind: z.literal("invoke"),
  protocol: z.literal(PROTOCOL_VERSION),
  /** Unique per HTTP request (a retry of a row sends a new one with the same idempotency key). */
  requestId: requestIdSchema,
  action: z.string().min(1).max(100),
  input: z.unknown(),
  idempotencyKey: z.string().min(1).max(512),
  user: userSchema,
  /** Epoch ms after which Rowcraft stops waiting; the service stops the action then too. */
  deadline: z.number().int().positive(),
  app: appSchema.nullable(),
  run: z.object({ runId: z.string().min(1).max(200), rowKey: z.string().min(1).max(200), attempt: z.number().int().min(1) }).nullable(),
});
export type InvokeRequest = z.infer<typeof invokeRequestSchema>;

export const manifestRequestSchema = z.object({
  kind: z.literal("manifest"),
  protocol: z.literal(PROTOCOL_VERSION),
  requestId: requestIdSchema,
});
export type ManifestRequest = z.infer<typeof manifestRequestSchema>;

export const serviceRequestSchema = z.discriminatedUnion("kind", [invokeRequestSchema, manifestRequestSchema]);

export const FAILURE_KINDS = ["invalid_input", "domain", "timeout", "internal"] as const;
export type FailureKind = (typeof FAILURE_KINDS)[number];

/** The answer to an invocation that was run (or refused for its input): same shape as Rowcraft's InvocationOutcome. */
export const invokeResponseSchema = z.discriminatedUnion("status", [
  z.object({ status: z.literal("ok"), result: z.unknown(), replayed: z.boolean(), durationMs: z.number() }),
  z.object({ status: z.literal("failed"), errorKind: z.enum(FAILURE_KINDS), error: z.string(), durationMs: z.number() }),
]);
export type InvokeResponse = z.infer<typeof invokeResponseSchema>;

/** Refusals before anything ran (bad signature, replay, unknown action…): non-2xx with this body. */
export const PROTOCOL_ERROR_CODES = ["bad_request", "unsigned", "bad_signature", "replayed", "unknown_action", "forbidden", "too_large", "method_not_allowed"] as const;
export type ProtocolErrorCode = (typeof PROTOCOL_ERROR_CODES)[number];
export const protocolErrorSchema = z.object({ error: z.object({ code: z.enum(PROTOCOL_ERROR_CODES), message: z.string() }) });
export type ProtocolError = z.infer<typeof protocolErrorSchema>;

const targetSchema = z.union([
  z.object({ source: z.string().min(1), table: z.string().min(1), key: z.record(z.string(), z.string()) }),
  z.object({ source: z.string().min(1), rows: z.literal(false) }),
]);

export const manifestActionSchema = z.object({
  name: z.string().regex(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/),
  title: z.string().min(1),
  description: z.string(),
  minRole: z.enum(ROLES),
  danger: z.object({ confirm: z.string().min(1) }).nullable(),
  // Optional on the wire: manifests of services built before preconditions existed omit it.
  precondition: z.object({ column: z.string().min(1), oneOf: z.array(z.union([z.string(), z.number(), z.boolean()])).min(1), message: z.string().min(1) }).nullable().default(null),
  target: targetSchema,
  timeoutMs: z.number().int().positive(),
  mode: z.enum(["perRow", "batch"]),
  selectionField: z.string().nullable(),
  inputSchema: z.record(z.string(), z.unknown()),
  outputSchema: z.record(z.string(), z.unknown()).nullable(),
});
export type ManifestAction = z.infer<typeof manifestActionSchema>;

export const manifestSchema = z.object({
  protocol: z.literal(PROTOCOL_VERSION),
  /** sha256 of the actions' canonical JSON: changes whenever any action's contract changes. */
  version: z.string().min(1),
  actions: z.array(manifestActionSchema),
});
export type Manifest = z.infer<typeof manifestSchema>;
