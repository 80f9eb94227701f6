/**
 * Admin procedures and the signed client against the sample service in its own process: register
 * (manifest read first), list without secrets, refresh with what changed, remove; and the client's
 * errors for a wrong secret, a replayed request, a service that is down.
 */
import { randomUUID } from "node:crypto";
import http from "node:http";
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROTOCOL_VERSION, signedHeaders } from "@rowcraft/actions/protocol";
import { createCaller } from "@/server/trpc/root";
import { contextAs, createTestMetadataDb, type TestMetadataDb } from "@/server/testing/metadata-db";
import { trpcErrorOf } from "@/server/testing/trpc-errors";
import { ActionServiceError, fetchManifest, invokeRemote } from "./service-client";
import { startSampleService, type SampleService } from "./testing/sample-service";

const SECRET = randomUUID() + randomUUID();
let meta: TestMetadataDb;
let service: SampleService;

beforeAll(async () => {
  meta = await createTestMetadataDb();
  service = await startSampleService({ secret: SECRET });
});
afterAll(async () => {
  await service?.stop();
  await meta?.cleanup();
});

/** A port nothing listens on (fetch refuses some well-known ones, like 9, outright). */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const admin = async () => createCaller(await contextAs(meta.db, "admin"));
const operator = { id: "u-op", email: "operator@acme.test", name: "Operator", role: "operator" as const };

describe("admins register, refresh and remove action services", () => {
  it("registers a service after reading its manifest; the secret is sealed and never listed", async () => {
    const caller = await admin();
    const added = await caller.actionServices.add({ name: "billing", url: service.url, secret: SECRET });
    expect(added.actions.map((action) => action.name)).toEqual(["add-invoice-note", "close-invoice"]);
    expect(added.actions[0]).toMatchObject({ title: "Add invoice note", minRole: "operator", target: "billing · invoices (id)" });
    const listed = await caller.actionServices.list();
    expect(JSON.stringify(listed)).not.toContain(SECRET);
    const row = await meta.db.actionService.findUniqueOrThrow({ where: { name: "billing" } });
    expect(row.secretEncrypted).not.toContain(SECRET);
    expect(row.secretEncrypted).toMatch(/^v1\./);
    const audit = await meta.db.auditEvent.findFirstOrThrow({ where: { action: "action_service.create" } });
    expect(audit.detail).not.toContain(SECRET);
  });

  it("refuses a wrong secret or an unreachable URL at registration, with the reason", async () => {
    const caller = await admin();
    const wrong = await trpcErrorOf(caller.actionServices.add({ name: "billing-two", url: service.url, secret: "w".repeat(40) }));
    expect(wrong?.message).toMatch(/refused Rowcraft's signature: The signature does not match/);
    const down = await trpcErrorOf(caller.actionServices.add({ name: "nowhere", url: `http://127.0.0.1:${await closedPort()}/rowcraft`, secret: SECRET }));
    expect(down?.message).toMatch(/is not reachable \(connection refused\)/);
    expect(await meta.db.actionService.count()).toBe(1);
  });

  it("refreshes the manifest and says nothing changed, or records why it could not", async () => {
    const caller = await admin();
    const { id } = await meta.db.actionService.findUniqueOrThrow({ where: { name: "billing" } });
    // An older manifest was stored: the refresh reports the action it lacked as added.
    const row = await meta.db.actionService.findUniqueOrThrow({ where: { id } });
    const manifest = JSON.parse(row.manifest ?? "{}") as { actions: { name: string; title: string }[] };
    manifest.actions = manifest.actions.filter((action) => action.name !== "close-invoice").map((action) => ({ ...action, title: "Old title" }));
    await meta.db.actionService.update({ where: { id }, data: { manifest: JSON.stringify(manifest) } });
    const refreshed = await caller.actionServices.refresh({ id });
    expect(refreshed.changes).toEqual({ added: ["close-invoice"], removed: [], changed: [{ name: "add-invoice-note", fields: ["title"] }] });
    expect((await caller.actionServices.refresh({ id })).changes).toEqual({ added: [], removed: [], changed: [] });
  });

  it("removes a service", async () => {
    const caller = await admin();
    const added = await caller.actionServices.add({ name: "spare", url: service.url, secret: SECRET });
    await caller.actionServices.remove({ id: added.id });
    expect((await caller.actionServices.list()).map((entry) => entry.name)).toEqual(["billing"]);
  });
});

describe("the signed client", () => {
  const endpoint = () => ({ name: "billing", url: service.url, secret: SECRET });
  const invocation = (idempotencyKey = randomUUID()) => ({
    action: "add-invoice-note",
    input: { invoiceId: 1, note: "called directly" },
    idempotencyKey,
    user: operator,
    deadline: Date.now() + 5_000,
    app: null,
    run: null,
  });

  it("invokes, and a second request with the same key replays instead of adding a second note", async () => {
    const key = randomUUID();
    expect(await invokeRemote(endpoint(), invocation(key))).toMatchObject({ status: "ok", replayed: false, result: { invoiceId: 1 } });
    expect(await invokeRemote(endpoint(), invocation(key))).toMatchObject({ status: "ok", replayed: true });
    const notes = await service.pool.query("SELECT count(*)::int AS n FROM invoice_notes WHERE idempotency_key = $1", [key]);
    expect(notes.rows[0]?.n).toBe(1);
  });

  it("refuses a replayed request byte for byte: the service answers 409 and runs nothing", async () => {
    const body = JSON.stringify({ kind: "invoke", protocol: PROTOCOL_VERSION, requestId: randomUUID(), ...invocation() });
    const headers = { "content-type": "application/json", ...signedHeaders(SECRET, body) };
    const first = await fetch(service.url, { method: "POST", body, headers });
    expect(first.status).toBe(200);
    const replay = await fetch(service.url, { method: "POST", body, headers });
    expect(replay.status).toBe(409);
    expect(await replay.json()).toMatchObject({ error: { code: "replayed" } });
    const key = (JSON.parse(body) as { idempotencyKey: string }).idempotencyKey;
    expect((await service.pool.query("SELECT count(*)::int AS n FROM invoice_notes WHERE idempotency_key = $1", [key])).rows[0]?.n).toBe(1);
  });

  it("reports a wrong secret, a forged answer and a service that is down as ActionServiceErrors", async () => {
    const wrongSecret = await invokeRemote({ ...endpoint(), secret: "z".repeat(40) }, invocation()).catch((error: unknown) => error);
    expect(wrongSecret).toBeInstanceOf(ActionServiceError);
    expect(wrongSecret).toMatchObject({ kind: "refused_signature" });
    // An impostor at the URL answers in the protocol's shape, but cannot sign for this request.
    const impostor = http.createServer((_request, response) => {
      const body = JSON.stringify({ status: "ok", result: { invoiceId: 1 }, replayed: false, durationMs: 1 });
      response.writeHead(200, { "content-type": "application/json", ...signedHeaders(SECRET, `another-request.${body}`) });
      response.end(body);
    });
    await new Promise<void>((resolve) => impostor.listen(0, "127.0.0.1", resolve));
    try {
      const forged = await invokeRemote({ ...endpoint(), url: `http://127.0.0.1:${(impostor.address() as net.AddressInfo).port}/` }, invocation()).catch((error: unknown) => error);
      expect(forged).toMatchObject({ kind: "bad_response", message: expect.stringContaining("is not signed for this request") });
    } finally {
      await new Promise((resolve) => impostor.close(resolve));
    }
    await service.kill();
    try {
      const down = await fetchManifest(endpoint()).catch((error: unknown) => error);
      expect(down).toMatchObject({ kind: "unreachable", message: expect.stringContaining('The action service "billing"') });
    } finally {
      await service.start();
    }
    expect((await fetchManifest(endpoint())).actions).toHaveLength(2);
  });
});
