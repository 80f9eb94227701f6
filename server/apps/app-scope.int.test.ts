/**
 * The app-scoped access test (next to the router-wide one, server/trpc/access.int.test.ts): a
 * user of app A cannot reach, through A, what A does not show — app B's queries, widgets and
 * columns, rows A's query does not return, versions they may not see — nor, directly, an app
 * they may not use or edit. Every procedure of the apps router, and any procedure anywhere that
 * takes an app, widget or query, must have its attempts listed here: a new one that is not
 * listed fails "covers every procedure that takes an app".
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stableStringify, type AppDocumentInput } from "@/lib/app-document";
import type { Role } from "@/lib/roles";
import { createActionsFixture, type ActionsFixture, type Caller } from "@/server/actions/testing/actions-int-support";
import { appRouter } from "@/server/trpc/root";
import { trpcCodeOf } from "@/server/testing/trpc-errors";

/** Input keys that name an app or something inside one. */
const APP_KEYS = ["appId", "slug", "widgetId", "queryId"];
/** Apps procedures that name no existing app: nothing to scope. */
const NO_APP_INPUT = ["apps.create"];

let fx: ActionsFixture;
const callers = new Map<Role, Caller>();
const as = (role: Role): Caller => {
  const caller = callers.get(role);
  if (!caller) throw new Error(`no caller for ${role}`);
  return caller;
};

const layout = (y: number) => ({ x: 0, y, w: 12, h: 6 });

/** App A: tickets 1–20, subject editable. */
const ticketsDesk: AppDocumentInput = {
  id: "a",
  name: "Tickets desk",
  slug: "scope-tickets",
  queries: [{ id: "tickets", datasource: "Acme Ops", mode: "read", trigger: { kind: "onLoad" }, sql: "SELECT id, subject, status FROM support_tickets WHERE id <= 20 ORDER BY id" }],
  pages: [{ id: "main", name: "Main", widgets: [{ id: "ticketsTable", type: "table", layout: layout(0), props: { data: "{{ tickets.data }}", rowKey: "id", editable: true, columns: [{ key: "subject", editable: true }] } }] }],
};

/**
 * App B: customers with their e-mail; operators may use it too (the point is scoping, not
 * permission). Not editable: the demo policy does not let queries write customers, so marking
 * e-mail editable would be a problem that blocks publishing.
 */
const customerDesk: AppDocumentInput = {
  id: "b",
  name: "Customer desk",
  slug: "scope-customers",
  queries: [{ id: "customers", datasource: "Acme Ops", mode: "read", trigger: { kind: "onLoad" }, sql: "SELECT id, name, email FROM customers WHERE id <= 20 ORDER BY id" }],
  pages: [{ id: "main", name: "Main", widgets: [{ id: "customersTable", type: "table", layout: layout(0), props: { data: "{{ customers.data }}", rowKey: "id", columns: [{ key: "email" }] } }] }],
};

/** App C: admins only, to use and to edit. */
const adminDesk: AppDocumentInput = {
  ...customerDesk,
  id: "c",
  name: "Admin desk",
  slug: "scope-admin",
  permissions: { use: { roles: ["admin"], users: [] }, edit: { roles: [], users: ["admin@acme.test"] } },
};

const apps = { a: { id: "", version: 0 }, b: { id: "", version: 0 }, c: { id: "", version: 0 } };

async function publish(document: AppDocumentInput, as_: Role): Promise<{ id: string; version: number }> {
  const created = await as(as_).apps.create({ name: document.name, slug: document.slug });
  const saved = await as(as_).apps.save({ appId: created.id, baseVersion: 1, document, message: "" });
  const published = await as(as_).apps.publish({ appId: created.id, version: saved.version });
  if (!published.ok) throw new Error(`fixture ${document.slug} does not publish: ${JSON.stringify(published.problems)}`);
  return { id: created.id, version: saved.version };
}

beforeAll(async () => {
  fx = await createActionsFixture();
  for (const role of ["viewer", "operator", "builder", "admin"] as const) callers.set(role, await fx.as(role));
  apps.a = await publish(ticketsDesk, "builder");
  apps.b = await publish(customerDesk, "builder");
  apps.c = await publish(adminDesk, "admin");
  // A draft after the published version: users must never reach it.
  await as("builder").apps.save({ appId: apps.a.id, baseVersion: apps.a.version, document: { ...ticketsDesk, name: "Tickets desk (draft)" }, message: "" });
});
afterAll(async () => {
  await fx.cleanup();
});

const subjectOf = (id: number) => fx.acme.prepare("SELECT subject FROM support_tickets WHERE id = ?").pluck().get(id) as string;
const emailOf = (id: number) => fx.acme.prepare("SELECT email FROM customers WHERE id = ?").pluck().get(id) as string;

interface Attempt {
  what: string;
  call: () => Promise<unknown>;
  /** The error code the attempt must fail with. */
  code: "NOT_FOUND" | "FORBIDDEN" | "BAD_REQUEST";
}

const editA = (widgetId: string, key: number, changes: Record<string, { before: string | number | null; after: string }>, version: "published" | "draft" = "published", appId = apps.a.id) =>
  as("operator").apps.saveEdits({ appId, version, widgetId, params: {}, updates: [{ key: { id: key }, changes }] });

/** Per procedure, what a user of app A tries. */
const ATTEMPTS: Record<string, () => Attempt[]> = {
  "apps.list": () => [],
  "apps.open": () => [
    { what: "an app they may not use, by its address", call: () => as("operator").apps.open({ slug: "scope-admin" }), code: "NOT_FOUND" },
    { what: "app A's draft", call: () => as("operator").apps.open({ slug: "scope-tickets", version: "draft" }), code: "FORBIDDEN" },
    { what: "app A's unpublished version by number", call: () => as("operator").apps.open({ slug: "scope-tickets", version: apps.a.version + 1 }), code: "FORBIDDEN" },
  ],
  "apps.runQuery": () => [
    { what: "app B's query through app A", call: () => as("operator").apps.runQuery({ appId: apps.a.id, version: "published", queryId: "customers", params: {}, runId: "scope-run-1" }), code: "NOT_FOUND" },
    { what: "app A's query in its draft", call: () => as("operator").apps.runQuery({ appId: apps.a.id, version: "draft", queryId: "tickets", params: {}, runId: "scope-run-2" }), code: "FORBIDDEN" },
    { what: "app A's query in an unpublished version", call: () => as("operator").apps.runQuery({ appId: apps.a.id, version: apps.a.version + 1, queryId: "tickets", params: {}, runId: "scope-run-3" }), code: "FORBIDDEN" },
    { what: "a query of an app they may not use", call: () => as("operator").apps.runQuery({ appId: apps.c.id, version: "published", queryId: "customers", params: {}, runId: "scope-run-4" }), code: "NOT_FOUND" },
  ],
  "apps.saveEdits": () => [
    { what: "app B's widget through app A", call: () => editA("customersTable", 1, { email: { before: emailOf(1), after: "x@y.test" } }), code: "NOT_FOUND" },
    { what: "app B's column through app A's widget", call: () => editA("ticketsTable", 1, { email: { before: emailOf(1), after: "x@y.test" } }), code: "FORBIDDEN" },
    { what: "a column app A's widget shows but does not mark editable", call: () => editA("ticketsTable", 1, { status: { before: "open", after: "closed" } }), code: "FORBIDDEN" },
    { what: "a row app A's query does not return", call: () => editA("ticketsTable", 21, { subject: { before: subjectOf(21), after: "not yours" } }), code: "FORBIDDEN" },
    { what: "app A's widget in its draft", call: () => editA("ticketsTable", 1, { subject: { before: subjectOf(1), after: "draft" } }, "draft"), code: "FORBIDDEN" },
    { what: "a widget of an app they may not use", call: () => editA("customersTable", 1, { email: { before: emailOf(1), after: "x@y.test" } }, "published", apps.c.id), code: "NOT_FOUND" },
  ],
  // Builder procedures: operators are refused by role; a builder who may not edit app C is refused app C.
  "apps.save": () => [
    { what: "operator saving app A", call: () => as("operator").apps.save({ appId: apps.a.id, baseVersion: apps.a.version + 1, document: ticketsDesk, message: "" }), code: "FORBIDDEN" },
    { what: "builder saving app C", call: () => as("builder").apps.save({ appId: apps.c.id, baseVersion: apps.c.version, document: adminDesk, message: "" }), code: "NOT_FOUND" },
  ],
  "apps.versions": () => [
    { what: "operator listing app A's versions", call: () => as("operator").apps.versions({ appId: apps.a.id }), code: "FORBIDDEN" },
    { what: "builder listing app C's versions", call: () => as("builder").apps.versions({ appId: apps.c.id }), code: "NOT_FOUND" },
  ],
  "apps.version": () => [
    { what: "operator reading app A's draft document", call: () => as("operator").apps.version({ appId: apps.a.id, version: apps.a.version + 1 }), code: "FORBIDDEN" },
    { what: "builder reading app C's document", call: () => as("builder").apps.version({ appId: apps.c.id, version: 1 }), code: "NOT_FOUND" },
    { what: "builder reading a version app A does not have", call: () => as("builder").apps.version({ appId: apps.a.id, version: 99 }), code: "NOT_FOUND" },
  ],
  "apps.restore": () => [
    { what: "operator restoring app A", call: () => as("operator").apps.restore({ appId: apps.a.id, version: 1, baseVersion: apps.a.version + 1 }), code: "FORBIDDEN" },
    { what: "builder restoring app C", call: () => as("builder").apps.restore({ appId: apps.c.id, version: 1, baseVersion: apps.c.version }), code: "NOT_FOUND" },
  ],
  "apps.publish": () => [
    { what: "operator publishing app A's draft", call: () => as("operator").apps.publish({ appId: apps.a.id, version: apps.a.version + 1 }), code: "FORBIDDEN" },
    { what: "builder publishing app C", call: () => as("builder").apps.publish({ appId: apps.c.id, version: 1 }), code: "NOT_FOUND" },
  ],
  "apps.import": () => [
    { what: "operator importing into app A", call: () => as("operator").apps.import({ text: stableStringify(ticketsDesk), appId: apps.a.id, message: "" }), code: "FORBIDDEN" },
    { what: "builder importing into app C", call: () => as("builder").apps.import({ text: stableStringify(adminDesk), appId: apps.c.id, message: "" }), code: "NOT_FOUND" },
  ],
  "apps.editVersionMessage": () => [
    { what: "operator rewriting a message of app A", call: () => as("operator").apps.editVersionMessage({ appId: apps.a.id, version: apps.a.version, message: "rewritten" }), code: "FORBIDDEN" },
    { what: "builder rewriting a message of app C", call: () => as("builder").apps.editVersionMessage({ appId: apps.c.id, version: 1, message: "rewritten" }), code: "NOT_FOUND" },
  ],
  "apps.remove": () => [
    { what: "operator removing app A", call: () => as("operator").apps.remove({ appId: apps.a.id }), code: "FORBIDDEN" },
    { what: "builder removing app C", call: () => as("builder").apps.remove({ appId: apps.c.id }), code: "NOT_FOUND" },
  ],
};

interface ProcedureLike {
  _def: { inputs?: unknown[] };
}
const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, ProcedureLike>);
const inputKeys = (procedure: ProcedureLike) => (procedure._def.inputs ?? []).flatMap((input) => Object.keys((input as { shape?: object }).shape ?? {}));

describe("app-scoped access", () => {
  it("covers every procedure that takes an app (and every apps procedure)", () => {
    const scoped = procedures.filter(([path, procedure]) => path.startsWith("apps.") || inputKeys(procedure).some((key) => APP_KEYS.includes(key))).map(([path]) => path);
    const uncovered = scoped.filter((path) => !(path in ATTEMPTS) && !NO_APP_INPUT.includes(path));
    expect(uncovered, "add what a user of app A tries through these procedures to ATTEMPTS (or, if it names no app, to NO_APP_INPUT)").toEqual([]);
    expect(Object.keys(ATTEMPTS).filter((path) => !scoped.includes(path)), "ATTEMPTS names procedures that do not exist").toEqual([]);
  });

  for (const [path, attempts] of Object.entries(ATTEMPTS)) {
    if (path === "apps.list") continue;
    it(`${path}: ${attempts().map((attempt) => attempt.what).join("; ")} — refused`, async () => {
      const before = { subjects: [1, 21].map(subjectOf), email: emailOf(1), versions: await fx.meta.db.appVersion.count() };
      for (const attempt of attempts()) expect(await trpcCodeOf(attempt.call()), attempt.what).toBe(attempt.code);
      expect({ subjects: [1, 21].map(subjectOf), email: emailOf(1), versions: await fx.meta.db.appVersion.count() }).toEqual(before);
    });
  }

  it("apps.list: an app they may not use is not listed; A and B are", async () => {
    const slugs = (await as("operator").apps.list()).map((app) => app.slug);
    expect(slugs).toEqual(expect.arrayContaining(["scope-tickets", "scope-customers"]));
    expect(slugs).not.toContain("scope-admin");
  });

  it("what app A does allow still works: its own query, and an edit of a row and column it shows", async () => {
    const rows = await as("operator").apps.runQuery({ appId: apps.a.id, version: "published", queryId: "tickets", params: {}, runId: "scope-ok-1" });
    expect(rows.ok && rows.rows.length).toBe(20);
    expect(await editA("ticketsTable", 2, { subject: { before: subjectOf(2), after: "Edited through app A" } })).toMatchObject({ ok: true, updated: 1 });
    expect(subjectOf(2)).toBe("Edited through app A");
  });
});
