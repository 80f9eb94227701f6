/** Sign-in, sign-out, throttling and deactivation against a real migrated SQLite metadata database. */
import { TRPCError } from "@trpc/server";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createCaller } from "@/server/trpc/root";
import { createContextInner } from "@/server/trpc/context";
import { SESSION_COOKIE } from "@/server/auth/session-cookie";
import { WRONG_CREDENTIALS } from "@/server/auth/sign-in";
import { LIMITS } from "@/server/auth/login-throttle";
import { DEVICE_COOKIE } from "@/server/auth/trusted-device";
import { UNKNOWN_CLIENT } from "@/server/auth/client-address";
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

  it("checks at most the free allowance of passwords when 30 attempts arrive at once from one address", async () => {
    const { caller } = await anonymous("203.0.113.30");
    const outcomes = await Promise.all(
      Array.from({ length: 30 }, (_, attempt) => failure(caller.auth.signIn({ email: "operator@acme.test", password: `guess-${attempt}` })).then((error) => error.code)),
    );
    expect(outcomes.filter((code) => code === "UNAUTHORIZED")).toHaveLength(LIMITS.address.freeFailures);
    expect(outcomes.filter((code) => code === "TOO_MANY_REQUESTS")).toHaveLength(30 - LIMITS.address.freeFailures);
    expect(await fixture.db.auditEvent.count({ where: { action: "auth.sign_in", outcome: "denied", detail: { contains: "wrong_credentials" } } })).toBe(LIMITS.address.freeFailures);
  });

  it("bounds guesses at one account from many addresses, without locking its owner out of their usual browser", async () => {
    const { jar: ownerJar, caller: owner } = await anonymous("192.0.2.10");
    await owner.auth.signIn({ email: "viewer@acme.test", password: DEMO_PASSWORD });
    const outcomes = await Promise.all(
      Array.from({ length: 30 }, async (_, index) => {
        const { caller } = await anonymous(`198.51.100.${index + 1}`);
        return failure(caller.auth.signIn({ email: "viewer@acme.test", password: `spray-${index}` })).then((error) => error.code);
      }),
    );
    expect(outcomes.filter((code) => code === "UNAUTHORIZED")).toHaveLength(LIMITS.account.freeFailures);
    // A long spray (simulated: its count as after hours of tries) slows a new browser down, never longer than the cap…
    await fixture.db.loginThrottle.update({ where: { key: "email:viewer@acme.test" }, data: { failures: 500, lastFailure: new Date() } });
    const { caller: newBrowser } = await anonymous("192.0.2.10");
    const slowed = await failure(newBrowser.auth.signIn({ email: "viewer@acme.test", password: DEMO_PASSWORD }));
    expect(slowed.code).toBe("TOO_MANY_REQUESTS");
    expect(Number(/Wait (\d+) seconds/.exec(slowed.message)?.[1])).toBeLessThanOrEqual(LIMITS.account.maxDelayMs / 1000);
    // …while the browser they signed in from before still gets straight in.
    const usual = createCaller(await createContextInner({ db: fixture.db, jar: ownerJar, clientAddress: "192.0.2.10" }));
    await usual.auth.signIn({ email: "viewer@acme.test", password: DEMO_PASSWORD });
  });

  it("a trusted device gets in even when its address is throttled by someone else's failures", async () => {
    const { jar: ownerJar, caller: owner } = await anonymous("192.0.2.20");
    await owner.auth.signIn({ email: "builder@acme.test", password: DEMO_PASSWORD });
    const { caller: stranger } = await anonymous("192.0.2.20");
    for (let attempt = 0; attempt < LIMITS.address.freeFailures; attempt += 1) await failure(stranger.auth.signIn({ email: "admin@acme.test", password: `guess-${attempt}` }));
    expect((await failure(stranger.auth.signIn({ email: "viewer@acme.test", password: DEMO_PASSWORD }))).code).toBe("TOO_MANY_REQUESTS");
    const usual = createCaller(await createContextInner({ db: fixture.db, jar: ownerJar, clientAddress: "192.0.2.20" }));
    await usual.auth.signIn({ email: "builder@acme.test", password: DEMO_PASSWORD });
  });

  it("with no known client address, everyone shares one gentler address limit", async () => {
    const outcomes = await Promise.all(
      Array.from({ length: 30 }, async (_, attempt) => {
        const { caller } = await anonymous(UNKNOWN_CLIENT);
        return failure(caller.auth.signIn({ email: `person${attempt}@acme.test`, password: "guess" })).then((error) => error.code);
      }),
    );
    expect(outcomes.filter((code) => code === "UNAUTHORIZED")).toHaveLength(LIMITS.sharedAddress.freeFailures);
    expect(LIMITS.sharedAddress.maxDelayMs).toBeLessThanOrEqual(60_000);
  });

  it("a device cookie of one account does not help with another, and cannot be forged", async () => {
    const { jar } = await anonymous();
    jar.set(DEVICE_COOKIE, "forged", { maxAge: 60 });
    const caller = createCaller(await createContextInner({ db: fixture.db, jar, clientAddress: "203.0.113.40" }));
    await failure(caller.auth.signIn({ email: "builder@acme.test", password: "wrong" }));
    expect(await fixture.db.loginThrottle.findUnique({ where: { key: "email:builder@acme.test" } })).toMatchObject({ failures: 1 });
  });

  it("signing in to one's own account gives back only that attempt, not an address's earlier failures", async () => {
    const { caller } = await anonymous("203.0.113.50");
    for (let attempt = 0; attempt < 3; attempt += 1) await failure(caller.auth.signIn({ email: "admin@acme.test", password: `guess-${attempt}` }));
    await caller.auth.signIn({ email: "builder@acme.test", password: DEMO_PASSWORD });
    expect(await fixture.db.loginThrottle.findUnique({ where: { key: "ip:203.0.113.50" } })).toMatchObject({ failures: 3 });
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
