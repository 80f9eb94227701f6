/** What a browser receives for invalid input: field messages it can show next to the fields. */
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "@/server/trpc/root";
import { createContextInner } from "@/server/trpc/context";
import { createTestMetadataDb, memoryCookieJar, type TestMetadataDb } from "@/server/testing/metadata-db";

let meta: TestMetadataDb;
beforeAll(async () => {
  meta = await createTestMetadataDb();
});
afterAll(async () => {
  await meta.cleanup();
});

describe("error format", () => {
  it("passes zod field errors through to the client", async () => {
    const response = await fetchRequestHandler({
      endpoint: "/api/trpc",
      req: new Request("http://localhost/api/trpc/auth.signIn", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ json: { email: "", password: "" } }) }),
      router: appRouter,
      createContext: () => createContextInner({ db: meta.db, jar: memoryCookieJar() }),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { json: { data: { zodError: { fieldErrors: Record<string, string[]> } | null } } } };
    expect(body.error.json.data.zodError?.fieldErrors).toEqual({ email: ["Enter your email."], password: ["Enter your password."] });
  });
});
