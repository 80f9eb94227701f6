/**
 * The apps API against a real metadata database and the real Acme Ops demo file: demo apps,
 * versions with conflicts, publish (refused with problems), what each role sees, running an
 * app's own queries with bound parameters, saving a table widget's edits, permissions and import.
 */
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stableStringify, type AppDocument, type AppDocumentInput } from "@/lib/app-document";
import type { Role } from "@/lib/roles";
import type { QueryResult } from "@/lib/schemas/queries";
import { createActionsFixture, type ActionsFixture, type Caller } from "@/server/actions/testing/actions-int-support";
import { versionDocument } from "./app-store";
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
  for (const role of ["viewer", "operator", "builder", "admin"] as const) callers.set(role, await fx.as(role));
});
afterAll(async () => {
  await fx.cleanup();
});

/** The TRPCError a call must fail with. */
async function errorOf(promise: Promise<unknown>): Promise<TRPCError> {
  const error = await trpcErrorOf(promise);
  if (!error) throw new Error("expected the call to fail");
  return error;
}

function rowsOf(result: QueryResult): Record<string, unknown>[] {
  if (!result.ok) throw new Error(`query failed: ${result.error.message}`);
  return result.rows;
}

/** A small app on Acme Ops: one query reading a ticket by a bound parameter, one table. */
function ticketApp(slug: string, overrides: Partial<AppDocumentInput> = {}): AppDocumentInput {
  return {
    id: "ignored",
    name: "Tickets",
    slug,
    queries: [{ id: "tickets", datasource: "Acme Ops", mode: "read", trigger: { kind: "onLoad" }, sql: "SELECT id, subject, status FROM support_tickets WHERE subject = {{ search.value }} OR id = {{ pick.value }}" }],
    pages: [
      {
        id: "main",
        name: "Main",
        widgets: [
          { id: "search", type: "input", layout: { x: 0, y: 0, w: 6, h: 1 }, props: { kind: "text", label: "Search" } },
          { id: "pick", type: "input", layout: { x: 6, y: 0, w: 6, h: 1 }, props: { kind: "number", label: "Ticket" } },
          { id: "ticketsTable", type: "table", layout: { x: 0, y: 1, w: 12, h: 6 }, props: { data: "{{ tickets.data }}", rowKey: "id", editable: true, columns: [{ key: "subject", editable: true }] } },
        ],
      },
    ],
    ...overrides,
  };
}

async function createWith(document: AppDocumentInput): Promise<{ id: string; slug: string; version: number }> {
  const created = await as("builder").apps.create({ name: document.name, slug: document.slug });
  const saved = await as("builder").apps.save({ appId: created.id, baseVersion: 1, document, message: "first content" });
  return { ...created, version: saved.version };
}

describe("demo apps", () => {
  it("are created on first start, published, and valid against the real data sources and actions", async () => {
    const list = await as("viewer").apps.list();
    expect(list.map((app) => [app.slug, app.publishedVersion, app.canEdit])).toEqual([
      ["ops-dashboard", 1, false],
      ["order-desk", 1, false],
    ]);
    expect((await as("builder").apps.list()).every((app) => app.canEdit)).toBe(true);
    for (const slug of ["order-desk", "ops-dashboard"]) {
      const view = await as("builder").apps.open({ slug, version: "draft" });
      expect(view.problems).toEqual([]);
    }
  });

  it("give users the published version, its actions' input schemas, and no problems list", async () => {
    const view = await as("operator").apps.open({ slug: "order-desk" });
    expect(view.version).toMatchObject({ number: 1, published: true });
    expect(view.actions.map((action) => action.name).sort()).toEqual(["add-order-note", "refund-order", "resend-shipment-notification"]);
    expect(view.actions.find((action) => action.name === "refund-order")?.inputSchema).toMatchObject({ properties: { orderId: {} } });
    expect(view.currentUser.email).toBe("operator@acme.test");
  });

  it("run every dashboard query with bound date parameters", async () => {
    const view = await as("viewer").apps.open({ slug: "ops-dashboard" });
    const range = { "range.start": "2026-10-01T00:00:00.000Z", "range.end": "2026-11-01T00:00:00.000Z" };
    for (const query of view.document.queries) {
      const result = await as("viewer").apps.runQuery({ appId: view.app.id, version: "published", queryId: query.id, params: range, runId: `run-${query.id}` });
      expect(rowsOf(result).length, query.id).toBeGreaterThan(0);
    }
  });
});

describe("the dashboard's period", () => {
  it("includes the end day when the end is a date picked in the input", async () => {
    const view = await as("viewer").apps.open({ slug: "ops-dashboard" });
    const result = await as("viewer").apps.runQuery({ appId: view.app.id, version: "published", queryId: "revenuePerDay", params: { "range.start": "2026-10-25", "range.end": "2026-10-31" }, runId: "period-end-1" });
    expect(rowsOf(result).map((row) => row.day)).toEqual(["2026-10-25", "2026-10-26", "2026-10-27", "2026-10-28", "2026-10-29", "2026-10-30", "2026-10-31"]);
  });
});

describe("the Order desk demo", () => {
  it("lets an operator edit an order's notes from its table, and not its total", async () => {
    const view = await as("operator").apps.open({ slug: "order-desk" });
    const params = { "status.value": null, "placed.start": "2026-09-01T00:00:00.000Z", "placed.end": "2026-11-02T00:00:00.000Z", "search.value ?? ''": "" };
    const rows = rowsOf(await as("operator").apps.runQuery({ appId: view.app.id, version: "published", queryId: "openOrders", params, runId: "desk-run-1" }));
    const first = rows[0];
    if (!first) throw new Error("the demo has open orders in that period");
    const saved = await as("operator").apps.saveEdits({ appId: view.app.id, version: "published", widgetId: "ordersTable", params, updates: [{ key: { id: first.id as number }, changes: { notes: { before: first.notes as string | null, after: "Call the customer" } } }] });
    expect(saved).toMatchObject({ ok: true, updated: 1 });
    expect(fx.acme.prepare("SELECT notes FROM orders WHERE id = ?").pluck().get(first.id)).toBe("Call the customer");
    const audited = await fx.meta.db.auditEvent.findFirst({ where: { action: "table.update", detail: { contains: "Call the customer" } } });
    expect(JSON.parse(audited?.detail ?? "{}")).toMatchObject({ key: { id: first.id }, before: { notes: first.notes }, app: { id: view.app.id, slug: "order-desk", version: 1 }, widget: "ordersTable" });
    const total = await errorOf(as("operator").apps.saveEdits({ appId: view.app.id, version: "published", widgetId: "ordersTable", params, updates: [{ key: { id: first.id as number }, changes: { total_cents: { before: first.total_cents as number, after: 1 } } }] }));
    expect(total.code).toBe("FORBIDDEN");
  });
});

describe("the server enforces what the Order desk allows", () => {
  const params = { "status.value": null, "placed.start": "2026-09-01T00:00:00.000Z", "placed.end": "2026-11-02T00:00:00.000Z", "search.value ?? ''": "" };

  it("refuses an edit keyed to a row its query does not return (a delivered order), and saves nothing", async () => {
    const view = await as("operator").apps.open({ slug: "order-desk" });
    const delivered = fx.acme.prepare("SELECT id, notes FROM orders WHERE status = 'delivered' ORDER BY id LIMIT 1").get() as { id: number; notes: string | null };
    const open = rowsOf(await as("operator").apps.runQuery({ appId: view.app.id, version: "published", queryId: "openOrders", params, runId: "scope-run-1" }))[0];
    if (!open) throw new Error("the demo has open orders in that period");
    const since = new Date();
    const edit = (id: number, notes: string | null) => ({ key: { id }, changes: { notes: { before: notes, after: "Not yours to edit" } } });
    const refused = await errorOf(as("operator").apps.saveEdits({ appId: view.app.id, version: "published", widgetId: "ordersTable", params, updates: [edit(open.id as number, open.notes as string | null), edit(delivered.id, delivered.notes)] }));
    expect(refused.code).toBe("FORBIDDEN");
    expect(refused.message).toContain(`{"id":${delivered.id}}`);
    expect(refused.message).toContain("ordersTable");
    expect(fx.acme.prepare("SELECT notes FROM orders WHERE id = ?").pluck().get(delivered.id)).toBe(delivered.notes);
    expect(fx.acme.prepare("SELECT notes FROM orders WHERE id = ?").pluck().get(open.id)).toBe(open.notes);
    const denied = await fx.meta.db.auditEvent.findFirst({ where: { action: "table.save", outcome: "denied", at: { gte: since } } });
    expect(JSON.parse(denied?.detail ?? "{}")).toMatchObject({ reason: "rows not shown", scope: "ordersTable", keys: [{ id: delivered.id }] });
  });

  it("checks the rows with the caller's inputs: a row outside the filter the request claims is refused too", async () => {
    const view = await as("operator").apps.open({ slug: "order-desk" });
    const paid = fx.acme.prepare("SELECT id, notes FROM orders WHERE status = 'paid' AND placed_at >= '2026-09-01' AND placed_at < '2026-11-02' ORDER BY id LIMIT 1").get() as { id: number; notes: string | null };
    const onlyPending = { ...params, "status.value": "pending" };
    const refused = await errorOf(as("operator").apps.saveEdits({ appId: view.app.id, version: "published", widgetId: "ordersTable", params: onlyPending, updates: [{ key: { id: paid.id }, changes: { notes: { before: paid.notes, after: "x" } } }] }));
    expect(refused.code).toBe("FORBIDDEN");
    expect(fx.acme.prepare("SELECT notes FROM orders WHERE id = ?").pluck().get(paid.id)).toBe(paid.notes);
  });

  it("bounds the rows one save may change, with a clear error", async () => {
    const view = await as("operator").apps.open({ slug: "order-desk" });
    const previous = process.env.ROWCRAFT_MAX_APP_EDITS;
    process.env.ROWCRAFT_MAX_APP_EDITS = "2";
    try {
      const updates = [1, 2, 3].map((id) => ({ key: { id }, changes: { notes: { before: null, after: "bulk" } } }));
      const refused = await errorOf(as("operator").apps.saveEdits({ appId: view.app.id, version: "published", widgetId: "ordersTable", params, updates }));
      expect(refused.code).toBe("BAD_REQUEST");
      expect(refused.message).toMatch(/3 rows were edited, and an app saves at most 2 rows at a time/);
    } finally {
      if (previous === undefined) delete process.env.ROWCRAFT_MAX_APP_EDITS;
      else process.env.ROWCRAFT_MAX_APP_EDITS = previous;
    }
  });
});

describe("currentUser is bound by the server", () => {
  let app: { id: string; slug: string; version: number };
  beforeAll(async () => {
    const doc = ticketApp("who-am-i");
    doc.queries = [
      { id: "me", datasource: "Acme Ops", mode: "read", trigger: { kind: "onLoad" }, sql: "SELECT {{ currentUser.email }} AS email, {{ currentUser.role }} AS role, {{ currentUser.id }} AS id, {{ 40 + 2 }} AS answer" },
      { id: "tickets", datasource: "Acme Ops", mode: "read", trigger: { kind: "onLoad" }, sql: "SELECT id, subject, status FROM support_tickets WHERE subject = {{ search.value }} OR id = {{ pick.value }}" },
    ];
    app = await createWith(doc);
    await as("builder").apps.publish({ appId: app.id, version: app.version });
  });

  it("from the session: values the browser sends for currentUser (or constants) are ignored", async () => {
    const forged = { "currentUser.email": "admin@acme.test", "currentUser.role": "admin", "currentUser.id": "someone-else", "40 + 2": 7 };
    const [row] = rowsOf(await as("operator").apps.runQuery({ appId: app.id, version: "published", queryId: "me", params: forged, runId: "me-run-1" }));
    const operator = await fx.meta.db.user.findUniqueOrThrow({ where: { email: "operator@acme.test" } });
    expect(row).toMatchObject({ email: "operator@acme.test", role: "operator", id: operator.id, answer: 42 });
  });

  it("an expression mixing currentUser with browser values blocks publishing and is refused at run time", async () => {
    const doc = ticketApp("mixed-user");
    doc.queries = [{ id: "tickets", datasource: "Acme Ops", mode: "read", trigger: { kind: "onLoad" }, sql: "SELECT id FROM support_tickets WHERE subject = {{ currentUser.email + search.value }}" }];
    const mixed = await createWith(doc);
    const published = await as("builder").apps.publish({ appId: mixed.id, version: mixed.version });
    expect(published).toMatchObject({ ok: false, problems: expect.arrayContaining([expect.objectContaining({ code: "mixed_binding", path: "queries[0].sql" })]) });
    const refused = await errorOf(as("builder").apps.runQuery({ appId: mixed.id, version: "draft", queryId: "tickets", params: { "currentUser.email + search.value": "x" }, runId: "mixed-run-1" }));
    expect(refused.code).toBe("BAD_REQUEST");
    expect(refused.message).toContain("mixes currentUser with values from the browser");
  });
});

describe("editable columns are explicit", () => {
  // Publishing refuses such tables (a problem), so the server's own rule is shown on the draft, which its builder may edit through.
  async function tableWith(slug: string, columns: { key: string; editable?: boolean; hidden?: boolean }[]) {
    const doc = ticketApp(slug);
    const table = doc.pages[0]?.widgets?.find((widget) => widget.id === "ticketsTable");
    if (table?.type !== "table") throw new Error("fixture");
    table.props.columns = columns;
    const created = await createWith(doc);
    expect(await as("builder").apps.publish({ appId: created.id, version: created.version })).toMatchObject({ ok: false, problems: expect.arrayContaining([expect.objectContaining({ code: "editable_columns" })]) });
    return created;
  }
  const editSubject = (appId: string) =>
    as("builder").apps.saveEdits({ appId, version: "draft", widgetId: "ticketsTable", params: { "search.value": "", "pick.value": 11 }, updates: [{ key: { id: 11 }, changes: { subject: { before: fx.acme.prepare("SELECT subject FROM support_tickets WHERE id = 11").pluck().get() as string, after: "edited" } } }] });

  it("a table that marks no column editable lets nobody edit any", async () => {
    const app = await tableWith("none-marked", [{ key: "subject", hidden: false }]);
    expect((await errorOf(editSubject(app.id))).code).toBe("FORBIDDEN");
  });

  it("a hidden column is never editable, even when marked", async () => {
    const app = await tableWith("hidden-marked", [{ key: "subject", editable: true, hidden: true }]);
    expect((await errorOf(editSubject(app.id))).code).toBe("FORBIDDEN");
    expect(fx.acme.prepare("SELECT subject FROM support_tickets WHERE id = 11").pluck().get()).not.toBe("edited");
  });
});

describe("versions", () => {
  it("every save is a version; a save from an old version is refused with who saved meanwhile", async () => {
    const app = await createWith(ticketApp("versioned"));
    expect(app.version).toBe(2);
    const stale = await errorOf(as("admin").apps.save({ appId: app.id, baseVersion: 1, document: ticketApp("versioned", { name: "Other" }), message: "" }));
    expect(stale.code).toBe("CONFLICT");
    expect(stale.message).toMatch(/Version 2 was saved by builder@acme\.test after you opened version 1/);
    const versions = await as("builder").apps.versions({ appId: app.id });
    expect(versions.map((v) => [v.number, v.message, v.authorEmail])).toEqual([
      [2, "first content", "builder@acme.test"],
      [1, "Created", "builder@acme.test"],
    ]);
  });

  it("users see only the published version; restore appends a copy of an old version", async () => {
    const app = await createWith(ticketApp("published-flow"));
    expect((await errorOf(as("operator").apps.open({ slug: "published-flow" }))).code).toBe("NOT_FOUND");
    expect((await as("operator").apps.list()).some((a) => a.slug === "published-flow")).toBe(false);

    expect(await as("builder").apps.publish({ appId: app.id, version: 2 })).toEqual({ ok: true, publishedVersion: 2 });
    const renamed = ticketApp("published-flow", { name: "Tickets v3" });
    await as("builder").apps.save({ appId: app.id, baseVersion: 2, document: renamed, message: "rename" });
    expect((await as("operator").apps.open({ slug: "published-flow" })).document.name).toBe("Tickets");
    expect((await errorOf(as("operator").apps.open({ slug: "published-flow", version: "draft" }))).code).toBe("FORBIDDEN");
    expect((await errorOf(as("operator").apps.open({ slug: "published-flow", version: 3 }))).code).toBe("FORBIDDEN");
    expect((await as("builder").apps.open({ slug: "published-flow", version: "draft" })).document.name).toBe("Tickets v3");

    expect(await as("builder").apps.restore({ appId: app.id, version: 2, baseVersion: 3 })).toEqual({ version: 4 });
    const v2 = await as("builder").apps.version({ appId: app.id, version: 2 });
    const v4 = await as("builder").apps.version({ appId: app.id, version: 4 });
    expect(stableStringify(v4.document)).toBe(stableStringify(v2.document));
    expect(v4.version.message).toBe("Restored version 2");
  });

  it("reads and parses a saved version once, and forgets a removed app's versions", async () => {
    const app = await createWith(ticketApp("cached-versions"));
    const first = await versionDocument(fx.meta.db, app.id, 2);
    expect(await versionDocument(fx.meta.db, app.id, 2)).toBe(first);
    await as("builder").apps.remove({ appId: app.id });
    await expect(versionDocument(fx.meta.db, app.id, 2)).rejects.toThrow("Version 2 of this app does not exist.");
  });

  it("publishing refuses a version whose binding names something missing, saying where", async () => {
    const broken = ticketApp("broken-binding");
    const page = broken.pages[0];
    if (!page?.widgets) throw new Error("fixture");
    page.widgets.push({ id: "total", type: "stat", layout: { x: 0, y: 7, w: 3, h: 2 }, props: { label: "Total", value: "{{ nope.data.length }}" } });
    const app = await createWith(broken);
    const saved = await as("builder").apps.versions({ appId: app.id });
    expect(saved[0]?.number).toBe(2);
    const refused = await as("builder").apps.publish({ appId: app.id, version: 2 });
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.problems).toEqual([expect.objectContaining({ code: "unknown_name", path: "pages[0].widgets[3].props.value" })]);
    expect((await as("builder").apps.list()).find((a) => a.id === app.id)?.publishedVersion).toBeNull();
  });

  it("refuses a document the schema rejects, naming the path", async () => {
    const app = await createWith(ticketApp("schema-check"));
    const bad = { ...ticketApp("schema-check"), pages: [{ id: "p", name: "P", widgets: [{ id: "x", type: "chart", layout: { x: 0, y: 0, w: 4, h: 2 }, props: { kind: "radar", data: "", x: "a", y: ["b"] } }] }] };
    const error = await errorOf(as("builder").apps.save({ appId: app.id, baseVersion: app.version, document: bad, message: "" }));
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toContain("pages[0].widgets[0]");
  });
});

describe("document caps", () => {
  it("refuses to save a document over 1 MB of JSON, or a table with too many columns, saying so", async () => {
    const app = await createWith(ticketApp("size-cap"));
    const bulky = ticketApp("size-cap", { pages: [{ id: "p", name: "P", widgets: Array.from({ length: 75 }, (_, i) => ({ id: `t${i}`, type: "text" as const, layout: { x: 0, y: i, w: 12, h: 1 }, props: { markdown: "x".repeat(20_000) } })) }] });
    const tooLarge = await errorOf(as("builder").apps.save({ appId: app.id, baseVersion: app.version, document: bulky, message: "" }));
    expect(tooLarge.code).toBe("BAD_REQUEST");
    expect(tooLarge.message).toMatch(/The app document is 1\.5 MB of JSON; an app may be at most 1\.0 MB/);
    const wide = ticketApp("size-cap");
    const table = wide.pages[0]?.widgets?.find((widget) => widget.type === "table");
    if (table?.type !== "table") throw new Error("fixture");
    table.props.columns = Array.from({ length: 201 }, (_, i) => ({ key: `c${i}` }));
    const tooWide = await errorOf(as("builder").apps.save({ appId: app.id, baseVersion: app.version, document: wide, message: "" }));
    expect(tooWide.message).toContain("pages[0].widgets[2].props.columns: A table can configure at most 200 columns.");
    expect((await as("builder").apps.versions({ appId: app.id })).length).toBe(app.version);
  });
});

describe("running an app", () => {
  let app: { id: string; slug: string; version: number };
  beforeAll(async () => {
    app = await createWith(ticketApp("runner"));
    await as("builder").apps.publish({ appId: app.id, version: app.version });
  });

  it("binds values as parameters: a quote in a search finds nothing instead of changing the SQL", async () => {
    const run = (params: Record<string, string | number | null>) => as("viewer").apps.runQuery({ appId: app.id, version: "published", queryId: "tickets", params, runId: `r-${Math.random()}` });
    expect(rowsOf(await run({ "search.value": "x' OR '1'='1", "pick.value": null }))).toEqual([]);
    expect(rowsOf(await run({ "search.value": "", "pick.value": 3 })).map((row) => row.id)).toEqual([3]);
  });

  it("runs only the app's own queries of a version the caller may see", async () => {
    expect((await errorOf(as("viewer").apps.runQuery({ appId: app.id, version: "published", queryId: "drop", params: {}, runId: "r-unknown" }))).code).toBe("NOT_FOUND");
    expect((await errorOf(as("operator").apps.runQuery({ appId: app.id, version: "draft", queryId: "tickets", params: {}, runId: "r-draft-1" }))).code).toBe("FORBIDDEN");
  });

  it("lets operators save a table widget's edits through the guard, keyed by result names, with conflicts", async () => {
    const params = { "search.value": "", "pick.value": 5 };
    const before = fx.acme.prepare("SELECT subject FROM support_tickets WHERE id = 5").pluck().get() as string;
    const saved = await as("operator").apps.saveEdits({ appId: app.id, version: "published", widgetId: "ticketsTable", params, updates: [{ key: { id: 5 }, changes: { subject: { before, after: "Edited in an app" } } }] });
    expect(saved).toEqual({ ok: true, updated: 1, inserted: 0, deleted: 0 });
    expect(fx.acme.prepare("SELECT subject FROM support_tickets WHERE id = 5").pluck().get()).toBe("Edited in an app");

    fx.acme.prepare("UPDATE support_tickets SET subject = 'Changed behind your back' WHERE id = 5").run();
    const conflict = await as("operator").apps.saveEdits({ appId: app.id, version: "published", widgetId: "ticketsTable", params, updates: [{ key: { id: 5 }, changes: { subject: { before: "Edited in an app", after: "Mine" } } }] });
    expect(conflict).toMatchObject({ ok: false, reason: "conflict", conflicts: [{ key: { id: 5 }, theirs: { id: 5, subject: "Changed behind your back" } }] });
    expect(fx.acme.prepare("SELECT subject FROM support_tickets WHERE id = 5").pluck().get()).toBe("Changed behind your back");

    const audit = await fx.meta.db.auditEvent.findFirst({ where: { action: { startsWith: "table." }, actorEmail: "operator@acme.test", outcome: "ok" }, orderBy: { at: "desc" } });
    expect(audit?.detail).toContain("Edited in an app");
  });

  it("refuses edits of columns the query does not map to the table, and edits by viewers", async () => {
    const params = { "search.value": "", "pick.value": 5 };
    expect((await errorOf(as("operator").apps.saveEdits({ appId: app.id, version: "published", widgetId: "ticketsTable", params, updates: [{ key: { id: 5 }, changes: { nope: { before: 1, after: 2 } } }] }))).code).toBe("FORBIDDEN");
    expect((await errorOf(as("operator").apps.saveEdits({ appId: app.id, version: "published", widgetId: "search", params, updates: [] }))).code).toBe("FORBIDDEN");
    expect((await errorOf(as("viewer").apps.saveEdits({ appId: app.id, version: "published", widgetId: "ticketsTable", params, updates: [] }))).code).toBe("FORBIDDEN");
  });

  it("lets operators run a write query but not viewers; the write is audited", async () => {
    const writer = ticketApp("writer");
    writer.queries = [{ id: "close", datasource: "Acme Ops", mode: "write", trigger: { kind: "manual" }, sql: "UPDATE support_tickets SET status = 'closed' WHERE id = {{ pick.value }}" }];
    const created = await createWith({ ...writer, pages: [{ id: "main", name: "Main", widgets: [{ id: "pick", type: "input", layout: { x: 0, y: 0, w: 6, h: 1 }, props: { kind: "number", label: "Ticket" } }] }] });
    await as("builder").apps.publish({ appId: created.id, version: created.version });
    const run = (role: Role) => as(role).apps.runQuery({ appId: created.id, version: "published", queryId: "close", params: { "pick.value": 7 }, runId: `w-${role}` });
    expect((await errorOf(run("viewer"))).code).toBe("FORBIDDEN");
    const result = await run("operator");
    expect(result).toMatchObject({ ok: true, affectedRows: 1 });
    expect(fx.acme.prepare("SELECT status FROM support_tickets WHERE id = 7").pluck().get()).toBe("closed");
    expect(await fx.meta.db.auditEvent.count({ where: { action: "query.write", actorEmail: "operator@acme.test" } })).toBeGreaterThan(0);
  });
});

describe("permissions", () => {
  it("who may use: others do not even see the app", async () => {
    const app = await createWith(ticketApp("ops-only", { permissions: { use: { roles: ["operator"], users: ["viewer@acme.test"] } } }));
    await as("builder").apps.publish({ appId: app.id, version: app.version });
    expect((await as("viewer").apps.open({ slug: "ops-only" })).app.slug).toBe("ops-only");
    const restricted = ticketApp("ops-only", { permissions: { use: { roles: ["operator"], users: [] } } });
    const v3 = await as("builder").apps.save({ appId: app.id, baseVersion: app.version, document: restricted, message: "" });
    // The audience changes when the version is published.
    expect((await as("viewer").apps.open({ slug: "ops-only" })).app.slug).toBe("ops-only");
    await as("builder").apps.publish({ appId: app.id, version: v3.version });
    expect((await errorOf(as("viewer").apps.open({ slug: "ops-only" }))).code).toBe("NOT_FOUND");
    expect((await as("viewer").apps.list()).some((a) => a.slug === "ops-only")).toBe(false);
    expect((await as("operator").apps.open({ slug: "ops-only" })).app.canEdit).toBe(false);
  });

  it("who may edit: other builders are refused; nobody can save themselves out", async () => {
    const app = await createWith(ticketApp("admin-edits"));
    const lockOut = ticketApp("admin-edits", { permissions: { edit: { roles: [], users: ["admin@acme.test"] } } });
    expect((await errorOf(as("builder").apps.save({ appId: app.id, baseVersion: app.version, document: lockOut, message: "" }))).code).toBe("BAD_REQUEST");
    const v3 = await as("admin").apps.save({ appId: app.id, baseVersion: app.version, document: lockOut, message: "admins only" });
    // Unpublished, the app is invisible to a builder who may not edit it…
    expect((await errorOf(as("builder").apps.save({ appId: app.id, baseVersion: v3.version, document: ticketApp("admin-edits"), message: "" }))).code).toBe("NOT_FOUND");
    // …published, they may use it but not change or publish it.
    await as("admin").apps.publish({ appId: app.id, version: v3.version });
    expect((await as("builder").apps.open({ slug: "admin-edits" })).app.canEdit).toBe(false);
    expect((await errorOf(as("builder").apps.save({ appId: app.id, baseVersion: v3.version, document: ticketApp("admin-edits"), message: "" }))).code).toBe("FORBIDDEN");
    expect((await errorOf(as("builder").apps.publish({ appId: app.id, version: v3.version }))).code).toBe("FORBIDDEN");
    expect((await errorOf(as("builder").apps.open({ slug: "admin-edits", version: "draft" }))).code).toBe("FORBIDDEN");
  });
});

describe("export and import", () => {
  it("round-trips an exported app into a new app and into a new version of an existing one", async () => {
    const source = await as("builder").apps.open({ slug: "order-desk", version: "draft" });
    const text = stableStringify({ ...source.document, slug: "order-desk-copy" } satisfies AppDocument);
    const imported = await as("builder").apps.import({ text, message: "" });
    expect(imported).toMatchObject({ ok: true, slug: "order-desk-copy", version: 1, problems: [] });
    const copy = await as("builder").apps.open({ slug: "order-desk-copy", version: "draft" });
    expect(stableStringify({ ...copy.document, id: "x", slug: "x" })).toBe(stableStringify({ ...source.document, id: "x", slug: "x" }));

    const again = await as("builder").apps.import({ text, message: "" });
    expect(again).toMatchObject({ ok: false, problems: [{ path: "slug" }] });
    if (!imported.ok) return;
    const intoExisting = await as("builder").apps.import({ text, appId: imported.appId, message: "from git" });
    expect(intoExisting).toMatchObject({ ok: true, slug: "order-desk-copy", version: 2 });
  });

  it("reports a broken file and unknown data sources with their paths", async () => {
    expect(await as("builder").apps.import({ text: "{ not json", message: "" })).toMatchObject({ ok: false, problems: [{ code: "schema" }] });
    const elsewhere = stableStringify({ ...ticketApp("from-elsewhere"), queries: [{ id: "q", datasource: "Warehouse", mode: "read", trigger: { kind: "onLoad" }, sql: "SELECT 1" }] });
    const imported = await as("builder").apps.import({ text: elsewhere, message: "" });
    expect(imported.ok).toBe(true);
    expect(imported.problems).toEqual(expect.arrayContaining([expect.objectContaining({ code: "unknown_datasource", path: "queries[0].datasource" })]));
  });
});
