import http from "node:http";
import type { AddressInfo } from "node:net";
import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { ActionError, defineAction } from "./define-action.ts";
import type { IdempotencyStore } from "./idempotency.ts";
import { PROTOCOL_VERSION, responsePayload, signedHeaders, SIGNATURE_HEADER, TIMESTAMP_HEADER, verifySignature, type InvokeRequest } from "./protocol.ts";
import { createActionService, type RawRequest } from "./service.ts";

const SECRET = "test-secret-".padEnd(40, "x");
const calls: string[] = [];

const greet = defineAction({
  name: "greet",
  title: "Greet",
  description: "Says hello; refuses Bob.",
  input: z.object({ who: z.string().min(1) }),
  output: z.object({ text: z.string() }),
  minRole: "operator",
  target: { source: "greetings", rows: false },
  timeoutMs: 1_000,
  mode: "perRow",
  run: async ({ who }, ctx) => {
    calls.push(`${ctx.idempotencyKey}:${who}`);
    if (who === "Bob") throw new ActionError("Bob is not greeted.");
    if (who === "slow") await new Promise((resolve) => setTimeout(resolve, 5_000));
    if (who === "broken") throw new Error("a bug");
    return { text: `hello ${who} from ${ctx.app?.widget ?? "nowhere"}` };
  },
});

/** A store in memory, for these tests only: real services must keep keys durably (postgresIdempotency). */
function memoryStore(): IdempotencyStore {
  const keys = new Map<string, string>();
  return {
    async run({ key, work }) {
      const stored = keys.get(key);
      if (stored !== undefined) return { value: JSON.parse(stored), replayed: true };
      const json = JSON.stringify(await work({ query: async () => ({ rows: [], rowCount: 0 }) }));
      keys.set(key, json);
      return { value: JSON.parse(json), replayed: false };
    },
  };
}

const counting = defineAction({
  name: "counting",
  title: "Counting",
  description: "Counts through ctx.idempotent.",
  input: z.object({}),
  minRole: "viewer",
  target: { source: "orders-db", rows: false },
  timeoutMs: 1_000,
  mode: "perRow",
  run: async (_input, ctx) => ctx.idempotent(async () => {
    calls.push("counted");
    return { n: calls.length };
  }),
});

const service = createActionService({ secret: SECRET, actions: [greet, counting], idempotency: memoryStore(), logError: () => undefined });

function invokeBody(overrides: Partial<InvokeRequest> = {}): string {
  const request: InvokeRequest = {
    kind: "invoke",
    protocol: PROTOCOL_VERSION,
    requestId: randomUUID(),
    action: "greet",
    input: { who: "Ada" },
    idempotencyKey: randomUUID(),
    user: { id: "u1", email: "op@acme.test", name: "Op", role: "operator" },
    deadline: Date.now() + 1_000,
    app: { id: "app1", version: 3, widget: "orders-table" },
    run: null,
    ...overrides,
  };
  return JSON.stringify(request);
}

function signed(body: string, secret = SECRET, at = Date.now()): RawRequest {
  const headers = signedHeaders(secret, body, at);
  return { method: "POST", header: (name) => headers[name], body };
}

const json = (body: string) => JSON.parse(body) as Record<string, unknown>;

afterEach(() => {
  calls.length = 0;
});

describe("createActionService", () => {
  it("refuses a short secret", () => {
    expect(() => createActionService({ secret: "short", actions: [] })).toThrow(/at least 32 characters/);
  });

  it("runs a signed invocation and signs its answer for this request", async () => {
    const body = invokeBody();
    const answer = await service.handle(signed(body));
    expect(answer.status).toBe(200);
    expect(json(answer.body)).toMatchObject({ status: "ok", result: { text: "hello Ada from orders-table" }, replayed: false });
    const requestId = (JSON.parse(body) as InvokeRequest).requestId;
    const check = (id: string) => verifySignature({ secrets: [SECRET], timestamp: answer.headers[TIMESTAMP_HEADER], signature: answer.headers[SIGNATURE_HEADER], payload: responsePayload(id, answer.body) });
    expect(check(requestId).ok).toBe(true);
    expect(check("another-request-id").ok).toBe(false);
  });

  it("refuses a bad signature, an unsigned request and an old timestamp without running anything", async () => {
    expect(await service.handle(signed(invokeBody(), "wrong-secret".padEnd(40, "y")))).toMatchObject({ status: 401, body: expect.stringContaining("bad_signature") });
    expect(await service.handle({ method: "POST", header: () => undefined, body: invokeBody() })).toMatchObject({ status: 401, body: expect.stringContaining("unsigned") });
    expect(await service.handle(signed(invokeBody(), SECRET, Date.now() - 6 * 60_000))).toMatchObject({ status: 401, body: expect.stringContaining("replayed request") });
    // The body changed after signing (e.g. another user put in):
    const request = signed(invokeBody());
    expect(await service.handle({ ...request, body: request.body.replace("operator", "admin") })).toMatchObject({ status: 401 });
    expect(calls).toEqual([]);
  });

  it("refuses a replayed request (same bytes, same signature) and runs it once", async () => {
    const request = signed(invokeBody());
    expect((await service.handle(request)).status).toBe(200);
    const again = await service.handle(request);
    expect(again.status).toBe(409);
    expect(json(again.body)).toMatchObject({ error: { code: "replayed" } });
    expect(calls).toHaveLength(1);
  });

  it("replays the stored result for a new request with the same idempotency key", async () => {
    const key = randomUUID();
    const first = json((await service.handle(signed(invokeBody({ action: "counting", input: {}, idempotencyKey: key })))).body);
    const second = json((await service.handle(signed(invokeBody({ action: "counting", input: {}, idempotencyKey: key })))).body);
    expect(first).toMatchObject({ status: "ok", replayed: false });
    expect(second).toMatchObject({ status: "ok", replayed: true, result: first.result });
    expect(calls).toEqual(["counted"]);
  });

  it("does not start an invocation whose deadline has passed, and stops one at its deadline", async () => {
    expect(json((await service.handle(signed(invokeBody({ deadline: Date.now() - 1 })))).body)).toMatchObject({ status: "failed", errorKind: "timeout", error: expect.stringContaining("after its deadline") });
    expect(calls).toEqual([]);
    const started = Date.now();
    const late = json((await service.handle(signed(invokeBody({ input: { who: "slow" }, deadline: Date.now() + 200 })))).body);
    expect(late).toMatchObject({ status: "failed", errorKind: "timeout" });
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("checks the role, the action, the input and classifies errors", async () => {
    const viewer = { id: "u2", email: "v@acme.test", name: "V", role: "viewer" as const };
    expect(await service.handle(signed(invokeBody({ user: viewer })))).toMatchObject({ status: 403, body: expect.stringContaining("needs the operator role") });
    expect(await service.handle(signed(invokeBody({ action: "nope" })))).toMatchObject({ status: 404, body: expect.stringContaining("unknown_action") });
    expect(json((await service.handle(signed(invokeBody({ input: { who: "" } })))).body)).toMatchObject({ status: "failed", errorKind: "invalid_input", error: expect.stringContaining("who") });
    expect(json((await service.handle(signed(invokeBody({ input: { who: "Bob" } })))).body)).toMatchObject({ status: "failed", errorKind: "domain", error: "Bob is not greeted." });
    expect(json((await service.handle(signed(invokeBody({ input: { who: "broken" } })))).body)).toMatchObject({ status: "failed", errorKind: "internal", error: "The action failed unexpectedly" });
    expect(await service.handle(signed("{not json"))).toMatchObject({ status: 400 });
    expect(await service.handle({ ...signed(invokeBody()), method: "GET" })).toMatchObject({ status: 405 });
  });

  it("serves its manifest with JSON Schemas, targets and a version", async () => {
    const body = JSON.stringify({ kind: "manifest", protocol: PROTOCOL_VERSION, requestId: randomUUID() });
    const manifest = json((await service.handle(signed(body))).body);
    expect(manifest).toMatchObject({ protocol: 1, version: expect.stringMatching(/^[0-9a-f]{16}$/) });
    expect(manifest.actions).toEqual([
      expect.objectContaining({ name: "counting", target: { source: "orders-db", rows: false }, minRole: "viewer" }),
      expect.objectContaining({ name: "greet", inputSchema: expect.objectContaining({ type: "object", required: ["who"] }), outputSchema: expect.objectContaining({ type: "object" }) }),
    ]);
  });

  it("works as a fetch handler and as a Node http listener", async () => {
    const body = invokeBody();
    const viaFetch = await service.fetch(new Request("http://service.test/rowcraft", { method: "POST", body, headers: signedHeaders(SECRET, body) }));
    expect(viaFetch.status).toBe(200);
    expect(await viaFetch.json()).toMatchObject({ status: "ok" });

    const server = http.createServer(service.listener);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const other = invokeBody();
      const viaNode = await fetch(`http://127.0.0.1:${port}/rowcraft`, { method: "POST", body: other, headers: signedHeaders(SECRET, other) });
      expect(viaNode.status).toBe(200);
      expect(await viaNode.json()).toMatchObject({ status: "ok", result: { text: "hello Ada from orders-table" } });
      const bad = await fetch(`http://127.0.0.1:${port}/rowcraft`, { method: "POST", body: other, headers: signedHeaders("x".repeat(40), other) });
      expect(bad.status).toBe(401);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
