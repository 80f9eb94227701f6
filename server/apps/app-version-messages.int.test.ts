/**
 * Saving without a dialog: a save that changes nothing makes no version, and a version's message
 * is written afterwards from History — by those who may edit the app, and audited.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppDocumentInput } from "@/lib/app-document";
import type { Role } from "@/lib/roles";
import { createActionsFixture, type ActionsFixture, type Caller } from "@/server/actions/testing/actions-int-support";
import { trpcErrorOf } from "@/server/testing/trpc-errors";

let fx: ActionsFixture;
const callers = new Map<Role, Caller>();
const as = (role: Role): Caller => {
  const caller = callers.get(role);
  if (!caller) throw new Error(`no caller for ${role}`);
  return caller;
};

beforeAll(async () => {
  fx = await createActionsFixture();
  for (const role of ["operator", "builder", "admin"] as const) callers.set(role, await fx.as(role));
});
afterAll(async () => {
  await fx.cleanup();
});

function noteApp(slug: string, name = "Notes"): AppDocumentInput {
  return { id: "ignored", name, slug, queries: [], pages: [{ id: "main", name: "Main", widgets: [{ id: "intro", type: "text", layout: { x: 0, y: 0, w: 6, h: 1 }, props: { markdown: "Hello" } }] }] };
}

describe("saving with no changes", () => {
  it("makes no version and says so; a real change still makes one", async () => {
    const created = await as("builder").apps.create({ name: "Notes", slug: "no-op-save" });
    const first = await as("builder").apps.save({ appId: created.id, baseVersion: 1, document: noteApp("no-op-save"), message: "" });
    expect(first).toMatchObject({ version: 2, unchanged: false });

    const again = await as("builder").apps.save({ appId: created.id, baseVersion: 2, document: noteApp("no-op-save"), message: "" });
    expect(again).toMatchObject({ version: 2, unchanged: true });
    expect((await as("builder").apps.versions({ appId: created.id })).map((version) => version.number)).toEqual([2, 1]);

    const changed = await as("builder").apps.save({ appId: created.id, baseVersion: 2, document: noteApp("no-op-save", "Notes v3"), message: "" });
    expect(changed).toMatchObject({ version: 3, unchanged: false });
  });
});

describe("a version's message", () => {
  it("is edited in History by an editor, audited with before and after", async () => {
    const created = await as("builder").apps.create({ name: "Notes", slug: "message-edit" });
    await as("builder").apps.save({ appId: created.id, baseVersion: 1, document: noteApp("message-edit"), message: "" });
    expect(await as("builder").apps.editVersionMessage({ appId: created.id, version: 2, message: "  First layout  " })).toEqual({ version: 2, message: "First layout" });
    const versions = await as("builder").apps.versions({ appId: created.id });
    expect(versions.map((version) => [version.number, version.message])).toEqual([
      [2, "First layout"],
      [1, "Created"],
    ]);
    const audit = await fx.meta.db.auditEvent.findFirst({ where: { action: "app.version.message", targetId: created.id } });
    expect(audit?.actorEmail).toBe("builder@acme.test");
    expect(JSON.parse(audit?.detail ?? "{}")).toEqual({ version: 2, before: "", after: "First layout" });
  });

  it("is refused to operators and to builders the app's permissions leave out", async () => {
    const created = await as("builder").apps.create({ name: "Notes", slug: "message-locked" });
    await as("builder").apps.save({ appId: created.id, baseVersion: 1, document: noteApp("message-locked"), message: "mine" });
    // The admin keeps editing for themselves only and publishes: everyone may use it, only the admin edit it.
    await as("admin").apps.save({ appId: created.id, baseVersion: 2, document: { ...noteApp("message-locked"), permissions: { edit: { roles: [], users: ["admin@acme.test"] } } }, message: "admins only" });
    expect(await as("admin").apps.publish({ appId: created.id, version: 3 })).toMatchObject({ ok: true });
    expect((await trpcErrorOf(as("operator").apps.editVersionMessage({ appId: created.id, version: 2, message: "x" })))?.code).toBe("FORBIDDEN");
    const refused = await trpcErrorOf(as("builder").apps.editVersionMessage({ appId: created.id, version: 2, message: "x" }));
    expect(refused?.code).toBe("FORBIDDEN");
    expect((await as("admin").apps.versions({ appId: created.id })).find((version) => version.number === 2)?.message).toBe("mine");
  });
});
