/**
 * The router-wide access test: every procedure of the root router declares its minimum role,
 * and is called as every role and anonymously. A procedure without a declared role, or one
 * that answers a role below its minimum, fails here.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasRole, ROLES, type Role } from "@/lib/roles";
import { appRouter, createCaller } from "@/server/trpc/root";
import type { Access } from "@/server/trpc/init";
import { contextAs, createTestMetadataDb, type TestMetadataDb } from "@/server/testing/metadata-db";
import { trpcCodeOf } from "@/server/testing/trpc-errors";

/** Procedures anyone may call. Adding one here must be a deliberate, reviewed decision. */
const PUBLIC_PROCEDURES = ["auth.me", "auth.signIn"];

interface ProcedureLike {
  _def: { meta?: { access?: Access }; type: string };
}
const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, ProcedureLike>);

async function callByPath(role: Role | null, path: string): Promise<unknown> {
  const caller = createCaller(await contextAs(fixture.db, role));
  let target: unknown = caller;
  for (const segment of path.split(".")) target = (target as Record<string, unknown>)[segment];
  if (typeof target !== "function") throw new Error(`${path} is not callable`);
  return (target as (input: unknown) => Promise<unknown>)(undefined);
}


let fixture: TestMetadataDb;
beforeAll(async () => {
  fixture = await createTestMetadataDb();
});
afterAll(async () => {
  await fixture.cleanup();
});

describe("every procedure has an access rule that is enforced", () => {
  it("finds the procedures", () => {
    expect(procedures.length).toBeGreaterThanOrEqual(10);
  });

  it.each(procedures.map(([path, procedure]) => [path, procedure] as const))("%s declares who may call it", (path, procedure) => {
    const access = procedure._def.meta?.access;
    expect(access, `${path} has no access meta: build it from publicProcedure or roleProcedure()`).toBeDefined();
    expect(["public", ...ROLES]).toContain(access);
    expect(access === "public").toBe(PUBLIC_PROCEDURES.includes(path));
  });

  for (const [path, procedure] of procedures) {
    const access = procedure._def.meta?.access;
    for (const role of [null, ...ROLES] as const) {
      const allowed = access === "public" || (role !== null && access !== undefined && hasRole(role, access));
      it(`${path} as ${role ?? "anonymous"} is ${allowed ? "allowed" : "refused"}`, async () => {
        const code = await trpcCodeOf(callByPath(role, path));
        if (allowed) {
          // Allowed callers may still get BAD_REQUEST for the missing input, never an access error.
          expect(["UNAUTHORIZED", "FORBIDDEN"]).not.toContain(code);
        } else {
          expect(code).toBe(role === null ? "UNAUTHORIZED" : "FORBIDDEN");
        }
      });
    }
  }
});
