/**
 * Rowcraft's side of the action-service protocol (packages/rowcraft-actions/src/protocol.ts): a
 * signed POST, bounded by the invocation's deadline, whose answer is trusted only when it is signed
 * with the shared secret for THIS request. Every way it can go wrong becomes an ActionServiceError
 * whose message names the service and says what the admin or operator can do.
 */
import { randomUUID } from "node:crypto";
import http from "node:http";
import https from "node:https";
import {
  invokeResponseSchema,
  manifestSchema,
  PROTOCOL_VERSION,
  protocolErrorSchema,
  responsePayload,
  SIGNATURE_HEADER,
  signedHeaders,
  TIMESTAMP_HEADER,
  verifySignature,
  type InvokeRequest,
  type InvokeResponse,
  type Manifest,
  type ManifestRequest,
} from "@rowcraft/actions/protocol";
import { formatSeconds } from "@/server/datasources/drivers/results";

export interface ServiceEndpoint {
  name: string;
  url: string;
  secret: string;
}

export type ServiceFailureKind = "unreachable" | "connection_lost" | "timeout" | "refused_signature" | "refused" | "bad_response";

export class ActionServiceError extends Error {
  constructor(
    readonly kind: ServiceFailureKind,
    message: string,
  ) {
    super(message);
    this.name = "ActionServiceError";
  }
}

export const MANIFEST_TIMEOUT_MS = 10_000;
const MAX_RESPONSE_BYTES = 8 * 1024 * 1024;

function networkCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string") return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** The innermost message: fetch wraps the real reason ("bad port", "other side closed") as its cause. */
function rootMessage(error: unknown): string {
  let current: unknown = error;
  let message = error instanceof Error ? error.message : String(error);
  for (let depth = 0; depth < 4 && current instanceof Error; depth += 1) {
    message = current.message || message;
    current = current.cause;
  }
  return message;
}

/** `uncertain`: an earlier attempt of this call may have reached the service, so "nothing was run" cannot be said. */
function transportError(endpoint: ServiceEndpoint, error: unknown, timeoutMs: number, timedOut: boolean, uncertain = false): ActionServiceError {
  const where = `The action service "${endpoint.name}" (${endpoint.url})`;
  if (timedOut) {
    return new ActionServiceError("timeout", `${where} did not answer within ${formatSeconds(timeoutMs)}. Whether it finished is unknown; running it again with the same key is safe.`);
  }
  const code = networkCode(error);
  if (!uncertain && (code === "ECONNREFUSED" || code === "ENOTFOUND" || code === "EAI_AGAIN" || code === "EHOSTUNREACH" || code === "ENETUNREACH")) {
    const why = code === "ECONNREFUSED" ? "connection refused" : code === "ENOTFOUND" ? "host not found" : `network error ${code}`;
    return new ActionServiceError("unreachable", `${where} is not reachable (${why}); nothing was run. Check that the service is up, then retry.`);
  }
  return new ActionServiceError(
    "connection_lost",
    `${where} stopped answering during the call (${code ?? rootMessage(error)}). Whether it finished is unknown; retry once it is back: a change it already committed is never repeated.`,
  );
}

interface RawAnswer {
  status: number;
  header(name: string): string | null;
  text: string;
}

// node:http with keep-alive rather than fetch: a bulk run makes thousands of small calls, and
// undici's fetch costs several times the CPU per call. Redirects are not followed (a 3xx is
// reported as a bad answer): a signed request goes only to the registered URL.
const agents = { http: new http.Agent({ keepAlive: true, maxSockets: 64 }), https: new https.Agent({ keepAlive: true, maxSockets: 64 }) };

class StaleSocketError extends Error {}

function send(endpoint: ServiceEndpoint, body: string, signal: AbortSignal): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const url = new URL(endpoint.url);
    const secure = url.protocol === "https:";
    const request = (secure ? https : http).request(
      url,
      {
        method: "POST",
        agent: secure ? agents.https : agents.http,
        headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body), ...signedHeaders(endpoint.secret, body) },
        signal,
      },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on("data", (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_RESPONSE_BYTES) request.destroy(new ActionServiceError("bad_response", `The action service "${endpoint.name}" answered with more than ${MAX_RESPONSE_BYTES} bytes.`));
          else chunks.push(chunk);
        });
        response.on("end", () => {
          const header = (name: string) => {
            const value = response.headers[name];
            return (Array.isArray(value) ? value[0] : value) ?? null;
          };
          resolve({ status: response.statusCode ?? 0, header, text: Buffer.concat(chunks).toString("utf8") });
        });
        response.on("error", reject);
      },
    );
    request.on("error", (error: NodeJS.ErrnoException) => {
      // A kept-alive connection the service closed (it restarted) fails at once: worth one more try on a new one.
      if (request.reusedSocket && (error.code === "ECONNRESET" || error.code === "EPIPE") && !signal.aborted) reject(new StaleSocketError(error.message, { cause: error }));
      else reject(error);
    });
    request.end(body);
  });
}

async function post(endpoint: ServiceEndpoint, first: { requestId: string }, options: { timeoutMs: number; signal?: AbortSignal }): Promise<{ status: number; text: string; json: unknown }> {
  let message = first;
  // One controller and one timer per call (AbortSignal.any/timeout cost more and linger on Node 20).
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, Math.max(1, options.timeoutMs));
  const forward = () => controller.abort();
  if (options.signal?.aborted) controller.abort();
  options.signal?.addEventListener("abort", forward, { once: true });
  let answer: RawAnswer;
  let retried = false;
  try {
    try {
      answer = await send(endpoint, JSON.stringify(message), controller.signal);
    } catch (error) {
      if (!(error instanceof StaleSocketError)) throw error;
      // A new request id: the first may have arrived, and the service accepts each id once. The
      // idempotency key is unchanged, so an invocation that did run replays instead of repeating.
      message = { ...message, requestId: randomUUID() };
      retried = true;
      answer = await send(endpoint, JSON.stringify(message), controller.signal);
    }
  } catch (error) {
    if (error instanceof ActionServiceError) throw error;
    throw transportError(endpoint, error, options.timeoutMs, timedOut || controller.signal.aborted, retried);
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener("abort", forward);
  }
  const { text } = answer;
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    // Judged below by status: a 200 must be JSON, an error page need not be.
  }
  if (answer.status === 200) {
    const verified = verifySignature({
      secrets: [endpoint.secret],
      timestamp: answer.header(TIMESTAMP_HEADER),
      signature: answer.header(SIGNATURE_HEADER),
      payload: responsePayload(message.requestId, text),
    });
    if (!verified.ok) {
      throw new ActionServiceError("bad_response", `The answer from the action service "${endpoint.name}" is not signed for this request (${verified.reason}) and was not trusted. Check that ${endpoint.url} is the service registered in Rowcraft.`);
    }
    return { status: 200, text, json };
  }
  throw refusal(endpoint, answer.status, json, text);
}

function refusal(endpoint: ServiceEndpoint, status: number, json: unknown, text: string): ActionServiceError {
  const parsed = protocolErrorSchema.safeParse(json);
  const where = `The action service "${endpoint.name}"`;
  if (!parsed.success) {
    return new ActionServiceError("bad_response", `${where} answered HTTP ${status} without a Rowcraft protocol error${text ? `: ${text.slice(0, 200)}` : ""}. Check that ${endpoint.url} serves @rowcraft/actions.`);
  }
  const { code, message } = parsed.data.error;
  if (code === "bad_signature" || code === "unsigned") {
    return new ActionServiceError("refused_signature", `${where} refused Rowcraft's signature: ${message} An admin should check that the secret registered in Rowcraft is the service's, and that both clocks are right.`);
  }
  if (code === "unknown_action") return new ActionServiceError("refused", `${where} says: ${message}`);
  return new ActionServiceError("refused", `${where} refused the request (${code}): ${message}`);
}

function invalidAnswer(endpoint: ServiceEndpoint, what: string, issues: string): ActionServiceError {
  return new ActionServiceError("bad_response", `The action service "${endpoint.name}" sent ${what} that does not follow the Rowcraft action protocol: ${issues}`);
}

export async function fetchManifest(endpoint: ServiceEndpoint): Promise<Manifest> {
  const request: ManifestRequest = { kind: "manifest", protocol: PROTOCOL_VERSION, requestId: randomUUID() };
  const { json } = await post(endpoint, request, { timeoutMs: MANIFEST_TIMEOUT_MS });
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) throw invalidAnswer(endpoint, "a manifest", parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; "));
  return parsed.data;
}

export type RemoteInvocation = Omit<InvokeRequest, "kind" | "protocol" | "requestId">;

/** One invocation; the HTTP call ends at the deadline (or when `signal` aborts). */
export async function invokeRemote(endpoint: ServiceEndpoint, invocation: RemoteInvocation, signal?: AbortSignal): Promise<InvokeResponse> {
  const request: InvokeRequest = { kind: "invoke", protocol: PROTOCOL_VERSION, requestId: randomUUID(), ...invocation };
  const { json } = await post(endpoint, request, { timeoutMs: invocation.deadline - Date.now(), signal });
  const parsed = invokeResponseSchema.safeParse(json);
  if (!parsed.success) throw invalidAnswer(endpoint, "an answer", parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; "));
  return parsed.data;
}
