/**
 * The tRPC endpoint's transport limits over real HTTP requests (the same handler the Next
 * route uses, with a test context): body size, batch size, no sign-in in batches, malformed
 * bodies, and what an unexpected error tells the client.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { handleTrpcRequest } from "@/server/trpc/http-handler";
import { createContextInner } from "@/server/trpc/context";
import { contextAs, createTestMetadataDb, memoryCookieJar, type TestMetadataDb } from "@/server/testing/metadata-db";
import { DEMO_PASSWORD } from "@/server/seed/demo-users";

let meta: TestMetadataDb;
beforeAll(async () => {
  meta = await createTestMetadataDb();
});
afterAll(async () => {
  await meta.cleanup();
});

const limits = { maxBodyBytes: 4096, maxBatch: 10 };
const anonymous = () => createContextInner({ db: meta.db, jar: memoryCookieJar(), clientAddress: "198.51.100.20" });

function post(path: string, body: BodyInit | null, headers: Record<string, string> = {}) {
  return new Request(`http://localhost/api/trpc/${path}`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body, duplex: "half" } as RequestInit);
}

interface ErrorEnvelope {
  error: { json: { message: string; data: Record<string, unknown> } };
}

async function errorsOf(response: Response): Promise<ErrorEnvelope["error"]["json"][]> {
  const body = (await response.json()) as ErrorEnvelope | ErrorEnvelope[];
  return (Array.isArray(body) ? body : [body]).map((entry) => entry.error.json);
}

const signIn = (password: string) => ({ json: { email: "admin@acme.test", password } });

describe("request body limit", () => {
  it("refuses a body over the limit with 413 and says what to do, whether or not Content-Length is sent", async () => {
    const big = JSON.stringify(signIn("x".repeat(10_000)));
    const declared = await handleTrpcRequest(post("auth.signIn", big, { "content-length": String(big.length) }), { createContext: anonymous, limits });
    expect(declared.status).toBe(413);
    expect((await errorsOf(declared))[0]?.message).toMatch(/larger than 4 KiB.*ROWCRAFT_MAX_BODY_BYTES/);
    const chunks = new TextEncoder().encode(big);
    const streamed = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let offset = 0; offset < chunks.length; offset += 1000) controller.enqueue(chunks.slice(offset, offset + 1000));
        controller.close();
      },
    });
    const undeclared = await handleTrpcRequest(post("auth.signIn", streamed), { createContext: anonymous, limits });
    expect(undeclared.status).toBe(413);
    expect(await meta.db.auditEvent.count({ where: { action: "auth.sign_in" } })).toBe(0);
  });

  it("lets a body under the limit through", async () => {
    const response = await handleTrpcRequest(post("auth.signIn", JSON.stringify(signIn(DEMO_PASSWORD))), { createContext: anonymous, limits });
    expect(response.status).toBe(200);
  });
});

describe("batches", () => {
  it("refuses sign-in calls in a batch before any password is checked", async () => {
    const before = await meta.db.auditEvent.count({ where: { action: "auth.sign_in" } });
    const paths = Array.from({ length: 5 }, () => "auth.signIn").join(",");
    const body = Object.fromEntries(Array.from({ length: 5 }, (_, index) => [index, signIn(`guess-${index}`)]));
    const response = await handleTrpcRequest(post(`${paths}?batch=1`, JSON.stringify(body)), { createContext: anonymous, limits });
    expect(response.status).toBe(400);
    expect((await errorsOf(response)).map((error) => error.message)).toEqual(Array(5).fill("Sign-in and sign-out calls cannot be batched: send each one as its own request."));
    expect(await meta.db.auditEvent.count({ where: { action: "auth.sign_in" } })).toBe(before);
  });

  it("refuses a batch of more calls than the limit, and accepts one at the limit", async () => {
    const over = await handleTrpcRequest(new Request(`http://localhost/api/trpc/${Array(11).fill("apps.list").join(",")}?batch=1&input={}`), { createContext: anonymous, limits });
    expect(over.status).toBe(400);
    expect((await errorsOf(over))[0]?.message).toBe("This request batches 11 calls; at most 10 are allowed in one request. Send them in smaller batches.");
    const atLimit = await handleTrpcRequest(new Request(`http://localhost/api/trpc/${Array(10).fill("apps.list").join(",")}?batch=1&input={}`), { createContext: anonymous, limits });
    expect((await errorsOf(atLimit)).map((error) => error.message)).toEqual(Array(10).fill("Sign in to continue."));
  });
});

describe("malformed bodies", () => {
  it.each(["null", "42", "[1]"])("answers %s with a clear 400", async (body) => {
    const response = await handleTrpcRequest(post("auth.signIn", body), { createContext: anonymous, limits });
    expect(response.status).toBe(400);
    expect((await errorsOf(response))[0]?.message).toBe('The request input must be a JSON object of the form {"json": <input>}.');
  });
});

describe("sign-out", () => {
  it("tells the browser to clear this site's local storage (unsaved drafts)", async () => {
    const signedIn = await contextAs(meta.db, "builder");
    const response = await handleTrpcRequest(post("auth.signOut", "{}"), { createContext: (resHeaders) => createContextInner({ db: meta.db, jar: signedIn.jar, resHeaders }), limits });
    expect(response.status).toBe(200);
    expect(response.headers.get("clear-site-data")).toBe('"storage"');
  });
});

describe("unexpected errors", () => {
  it("send a generic message with a reference, no stack and no server path; the log keeps the detail", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      const failing = () => Promise.reject(new Error("ENOENT: no such file, open '/srv/rowcraft/data/rowcraft.db'"));
      const response = await handleTrpcRequest(post("auth.signIn", JSON.stringify(signIn("x"))), { createContext: failing, limits });
      expect(response.status).toBe(500);
      const [error] = await errorsOf(response);
      expect(error?.message).toMatch(/^Something went wrong on the server\. .*reference: [0-9a-f]{10}\.$/);
      expect(JSON.stringify(error)).not.toMatch(/srv|rowcraft\.db|ENOENT|stack/);
      const reference = /reference: ([0-9a-f]+)/.exec(error?.message ?? "")?.[1] ?? "";
      expect(logged.mock.calls.some((call) => String(call[0]).includes(reference) && String(call[1]).includes("ENOENT"))).toBe(true);
    } finally {
      logged.mockRestore();
    }
  });
});
