/** Sign-in, sign-out, throttling and deactivation against a real migrated SQLite metadata database. */
import { TRPCError } from "@trpc/server";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createCaller } from "@/server/trpc/root";
import { createContextInner } from "@/server/trpc/context";
import { SESSION_COOKIE } from "@/server/auth/session-cookie";
import { WRONG_CREDENTIALS } from "@/server/auth/sign-in";
import { DEMO_PASSWORD } from "@/server/seed/demo-users";
import { contextAs, createTestMetadataDb, memoryCookieJar, type TestMetadataDb } from "@/server/testing/metadata-db";

let fixture: TestMetadataDb;
beforeEach(async () => {
  fixture = await createTestMetadataDb();
});
afterEach(async () => {
  await fixture.cleanup();
});

async function anonymous(clientAddress = "203.0.113.7") {
  const jar = memoryCookieJar();
  const caller = createCaller(await createContextInner({ db: fixture.db, jar, clientAddress }));
  return { jar, caller };
}

async function failure(promise: Promise<unknown>): Promise<TRPCError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!(error instanceof TRPCError)) throw new Error(`expected a TRPCError, got ${String(error)}`);
  return error;
}

describe("sign-in", () => {
  it("signs in with the right password, sets a sealed cookie and audits it", async () => {
    const { jar, caller } = await anonymous();
    await caller.auth.signIn({ email: "Builder@Acme.test ", password: DEMO_PASSWORD });
    const seal = jar.get(SESSION_COOKIE);
    expect(seal).toBeTruthy();
    expect(seal).not.toContain("builder");
    const me = await createCaller(await createContextInner({ db: fixture.db, jar })).auth.me();
    expect(me).toMatchObject({ email: "builder@acme.test", role: "builder" });
    const events = await fixture.db.auditEvent.findMany({ where: { action: "auth.sign_in", outcome: "ok" } });
    expect(events.map((event) => event.actorEmail)).toEqual(["builder@acme.test"]);
  });

  it("gives the same message for a wrong password and an unknown email", async () => {
    const { caller } = await anonymous();
    const wrongPassword = await failure(caller.auth.signIn({ email: "admin@acme.test", password: "nope" }));
    const unknownUser = await failure(caller.auth.signIn({ email: "nobody@acme.test", password: "nope" }));
    expect(wrongPassword.code).toBe("UNAUTHORIZED");
    expect(wrongPassword.message).toBe(WRONG_CREDENTIALS);
    expect(unknownUser.message).toBe(wrongPassword.message);
    expect(await fixture.db.auditEvent.count({ where: { action: "auth.sign_in", outcome: "denied" } })).toBe(2);
  });

  it("slows repeated failures, even with the right password afterwards", async () => {
    const { caller } = await anonymous();
    for (let attempt = 0; attempt < 5; attempt += 1) {
      expect((await failure(caller.auth.signIn({ email: "operator@acme.test", password: `guess-${attempt}` }))).code).toBe("UNAUTHORIZED");
    }
    const throttled = await failure(caller.auth.signIn({ email: "operator@acme.test", password: DEMO_PASSWORD }));
    expect(throttled.code).toBe("TOO_MANY_REQUESTS");
    expect(throttled.message).toMatch(/Wait \d+ seconds/);
  });

  it("signs out: the session row is gone and the old cookie no longer works", async () => {
    const { jar, caller } = await anonymous();
    await caller.auth.signIn({ email: "viewer@acme.test", password: DEMO_PASSWORD });
    const seal = jar.get(SESSION_COOKIE) ?? "";
    const signedIn = createCaller(await createContextInner({ db: fixture.db, jar }));
    await signedIn.auth.signOut();
    expect(jar.get(SESSION_COOKIE)).toBeUndefined();
    const replay = memoryCookieJar();
    replay.set(SESSION_COOKIE, seal, { maxAge: 60 });
    expect(await createCaller(await createContextInner({ db: fixture.db, jar: replay })).auth.me()).toBeNull();
  });
});

describe("user administration", () => {
  it("creates a user who can then sign in, and audits it", async () => {
    const admin = createCaller(await contextAs(fixture.db, "admin"));
    const created = await admin.users.create({ email: "new.person@acme.test", name: "New Person", role: "operator", password: "a-long-password" });
    expect(created).not.toHaveProperty("passwordHash");
    const { caller } = await anonymous();
    await caller.auth.signIn({ email: "new.person@acme.test", password: "a-long-password" });
    expect(await fixture.db.auditEvent.count({ where: { action: "user.create", targetId: created.id } })).toBe(1);
  });

  it("deactivating a user ends their sessions and blocks sign-in", async () => {
    const operatorContext = await contextAs(fixture.db, "operator");
    const admin = createCaller(await contextAs(fixture.db, "admin"));
    await admin.users.setActive({ userId: operatorContext.session?.user.id ?? "", active: false });
    const again = await createContextInner({ db: fixture.db, jar: operatorContext.jar });
    expect(again.session).toBeNull();
    const { caller } = await anonymous("198.51.100.1");
    expect((await failure(caller.auth.signIn({ email: "operator@acme.test", password: DEMO_PASSWORD }))).code).toBe("UNAUTHORIZED");
  });

  it("changes a role, with before and after in the audit log", async () => {
    const viewer = await contextAs(fixture.db, "viewer");
    const admin = createCaller(await contextAs(fixture.db, "admin"));
    const userId = viewer.session?.user.id ?? "";
    await admin.users.setRole({ userId, role: "builder" });
    const event = await fixture.db.auditEvent.findFirstOrThrow({ where: { action: "user.set_role", targetId: userId } });
    expect(JSON.parse(event.detail)).toMatchObject({ before: "viewer", after: "builder" });
  });

  it("an admin cannot change their own access, so the workspace always keeps an admin", async () => {
    const adminContext = await contextAs(fixture.db, "admin");
    const admin = createCaller(adminContext);
    const userId = adminContext.session?.user.id ?? "";
    expect((await failure(admin.users.setRole({ userId, role: "viewer" }))).message).toMatch(/your own role/);
    expect((await failure(admin.users.setActive({ userId, active: false }))).code).toBe("BAD_REQUEST");
    expect(await fixture.db.user.findUniqueOrThrow({ where: { id: userId } })).toMatchObject({ role: "admin", active: true });
  });
});
