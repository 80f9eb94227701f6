/**
 * `createActionService`: serves a list of actions to Rowcraft over one signed HTTP endpoint.
 * `service.fetch` is a fetch-style handler (Next.js route handlers, Hono, tRPC's fetch adapter
 * neighbours); `service.listener` is a Node `http` request listener. Both go through `handle`.
 *
 * Per request: method and size, then the signature and its replay window (before the body is even
 * parsed), then the body's shape, then its request id (each accepted once), then the action, the
 * caller's role, the deadline and the input. Only then does the action run.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { z } from "zod";
import { ActionError, hasRole, type ActionContext, type AnyAction } from "./define-action.ts";
import { DeadlinePassedError, type IdempotencyStore } from "./idempotency.ts";
import { buildManifest } from "./manifest.ts";
import { createNonceCache } from "./nonce-cache.ts";
import {
  MIN_SECRET_LENGTH,
  REPLAY_WINDOW_MS,
  SIGNATURE_HEADER,
  TIMESTAMP_HEADER,
  responsePayload,
  serviceRequestSchema,
  signedHeaders,
  verifySignature,
  type InvokeRequest,
  type InvokeResponse,
  type Manifest,
  type ProtocolErrorCode,
} from "./protocol.ts";

export const UNEXPECTED_FAILURE = "The action failed unexpectedly";

export interface ActionServiceOptions {
  /** The shared secret Rowcraft's admin registered (≥ 32 characters). Several during a rotation: all are accepted. */
  secret: string | readonly string[];
  actions: readonly AnyAction[];
  /** Where idempotency keys live (durably!): `postgresIdempotency(pool)`. Without it, `ctx.idempotent` throws. */
  idempotency?: IdempotencyStore;
  windowMs?: number;
  maxBodyBytes?: number;
  /** Internal errors are reported here (console.error by default). */
  logError?: (message: string, error: unknown) => void;
  /** Clock, for tests. */
  now?: () => number;
}

export interface RawRequest {
  method: string;
  header(name: string): string | null | undefined;
  body: string;
}

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface ActionService {
  readonly manifest: Manifest;
  handle(request: RawRequest): Promise<RawResponse>;
  fetch(request: Request): Promise<Response>;
  listener(request: IncomingMessage, response: ServerResponse): void;
}

function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => (issue.path.length ? `${issue.path.join(".")}: ${issue.message}` : issue.message)).join("; ");
}

class TimeoutSignal extends Error {}

export function createActionService(options: ActionServiceOptions): ActionService {
  const secrets = typeof options.secret === "string" ? [options.secret] : [...options.secret];
  if (secrets.length === 0 || secrets.some((secret) => secret.length < MIN_SECRET_LENGTH)) {
    throw new Error(`createActionService: the shared secret must have at least ${MIN_SECRET_LENGTH} characters (e.g. openssl rand -hex 32).`);
  }
  const registry = new Map<string, AnyAction>();
  for (const action of options.actions) {
    if (registry.has(action.name)) throw new Error(`createActionService: two actions are named ${action.name}.`);
    registry.set(action.name, action);
  }
  const manifest = buildManifest(options.actions);
  const windowMs = options.windowMs ?? REPLAY_WINDOW_MS;
  const maxBodyBytes = options.maxBodyBytes ?? 1_048_576;
  const now = options.now ?? Date.now;
  const nonces = createNonceCache({ windowMs });
  const logError = options.logError ?? ((message: string, error: unknown) => console.error(message, error));

  const respond = (status: number, requestId: string, value: unknown): RawResponse => {
    const body = JSON.stringify(value);
    return { status, body, headers: { "content-type": "application/json", ...signedHeaders(secrets[0]!, responsePayload(requestId, body), now()) } };
  };
  const refuse = (status: number, code: ProtocolErrorCode, message: string, requestId = ""): RawResponse => respond(status, requestId, { error: { code, message } });

  async function invoke(request: InvokeRequest): Promise<RawResponse> {
    const action = registry.get(request.action);
    if (!action) return refuse(404, "unknown_action", `This service has no action named ${request.action}; refresh the service's manifest in Rowcraft.`, request.requestId);
    if (!hasRole(request.user.role, action.minRole)) {
      return refuse(403, "forbidden", `${action.title} needs the ${action.minRole} role or above; ${request.user.email} is ${request.user.role}.`, request.requestId);
    }
    return respond(200, request.requestId, await runInvocation(action, request));
  }

  async function runInvocation(action: AnyAction, request: InvokeRequest): Promise<InvokeResponse> {
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    const failed = (errorKind: "invalid_input" | "domain" | "timeout" | "internal", error: string): InvokeResponse => ({ status: "failed", errorKind, error, durationMs: elapsed() });
    const leftMs = request.deadline - now();
    if (leftMs <= 0) return failed("timeout", `${action.title} arrived after its deadline and was not run. Running it again is safe.`);
    const parsed = action.input.safeParse(request.input);
    if (!parsed.success) return failed("invalid_input", `The input is not valid: ${describeIssues(parsed.error)}`);

    const controller = new AbortController();
    let used = false;
    let replayed = false;
    const ctx: ActionContext = {
      user: request.user,
      idempotencyKey: request.idempotencyKey,
      deadline: request.deadline,
      signal: controller.signal,
      app: request.app,
      run: request.run,
      idempotent: async (work) => {
        if (!options.idempotency) throw new Error("ctx.idempotent() needs an idempotency store: createActionService({ idempotency: postgresIdempotency(pool) }).");
        if (used) throw new Error("ctx.idempotent() was called twice in one invocation; put all of the action's writes in one call.");
        used = true;
        const outcome = await options.idempotency.run({ key: request.idempotencyKey, action: action.name, deadline: request.deadline, signal: controller.signal, work });
        replayed = outcome.replayed;
        return outcome.value;
      },
    };
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        controller.abort();
        reject(new TimeoutSignal());
      }, leftMs);
    });
    const running = action.run(parsed.data, ctx);
    running.catch(() => undefined); // after a timeout its late failure has nobody left to tell
    try {
      const value = await Promise.race([running, timedOut]);
      if (action.output) {
        const checked = action.output.safeParse(value);
        if (!checked.success) throw new Error(`Action ${action.name} returned a result that does not match its output schema: ${describeIssues(checked.error)}`);
      }
      return { status: "ok", result: JSON.parse(JSON.stringify(value ?? null)) as unknown, replayed, durationMs: elapsed() };
    } catch (error) {
      if (error instanceof TimeoutSignal || error instanceof DeadlinePassedError) {
        return failed("timeout", `${action.title} did not finish before its deadline and was stopped; its transaction was rolled back unless it had already committed. Running it again with the same key is safe.`);
      }
      if (error instanceof ActionError) return failed("domain", error.message);
      logError(`Action ${action.name} failed unexpectedly (key ${request.idempotencyKey}):`, error);
      return failed("internal", UNEXPECTED_FAILURE);
    } finally {
      clearTimeout(timer);
    }
  }

  async function handle(request: RawRequest): Promise<RawResponse> {
    if (request.method.toUpperCase() !== "POST") return refuse(405, "method_not_allowed", "Rowcraft action services answer POST only.");
    if (Buffer.byteLength(request.body) > maxBodyBytes) return refuse(413, "too_large", `The request body is larger than ${maxBodyBytes} bytes.`);
    const verified = verifySignature({ secrets, timestamp: request.header(TIMESTAMP_HEADER), signature: request.header(SIGNATURE_HEADER), payload: request.body, now: now(), windowMs });
    if (!verified.ok) {
      const unsigned = !request.header(TIMESTAMP_HEADER) || !request.header(SIGNATURE_HEADER);
      return refuse(401, unsigned ? "unsigned" : "bad_signature", verified.reason);
    }
    let json: unknown;
    try {
      json = JSON.parse(request.body);
    } catch {
      return refuse(400, "bad_request", "The body is not JSON.");
    }
    const parsed = serviceRequestSchema.safeParse(json);
    if (!parsed.success) return refuse(400, "bad_request", `The request does not follow the Rowcraft action protocol: ${describeIssues(parsed.error)}`);
    const message = parsed.data;
    if (!nonces.remember(message.requestId, now())) {
      return refuse(409, "replayed", `Request ${message.requestId} was already received; a replayed request is never run.`, message.requestId);
    }
    if (message.kind === "manifest") return respond(200, message.requestId, manifest);
    return invoke(message);
  }

  return {
    manifest,
    handle,
    async fetch(request) {
      const body = await request.text();
      const answer = await handle({ method: request.method, header: (name) => request.headers.get(name), body });
      return new Response(answer.body, { status: answer.status, headers: answer.headers });
    },
    listener(request, response) {
      const chunks: Buffer[] = [];
      let size = 0;
      let tooLarge = false;
      request.on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxBodyBytes) tooLarge = true;
        else chunks.push(chunk);
      });
      request.on("end", () => {
        const header = (name: string) => {
          const value = request.headers[name];
          return Array.isArray(value) ? value[0] : value;
        };
        const answer = tooLarge
          ? Promise.resolve(refuse(413, "too_large", `The request body is larger than ${maxBodyBytes} bytes.`))
          : handle({ method: request.method ?? "GET", header, body: Buffer.concat(chunks).toString("utf8") });
        answer
          .then((result) => {
            response.writeHead(result.status, result.headers);
            response.end(result.body);
          })
          .catch((error: unknown) => {
            logError("Action service request failed:", error);
            response.writeHead(500, { "content-type": "application/json" });
            response.end(JSON.stringify({ error: { code: "bad_request", message: "The action service failed to answer." } }));
          });
      });
    },
  };
}
