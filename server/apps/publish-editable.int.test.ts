/**
 * Publishing refuses a table column marked editable that could never be saved, proven on the
 * server from the guard's projection and the data source's schema (the builder's Problems list
 * says the same from its preview run): a column of a joined query, a computed column, the key.
 * A plain column of one writable table publishes.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppDocumentInput } from "@/lib/app-document";
import { createActionsFixture, type ActionsFixture, type Caller } from "@/server/actions/testing/actions-int-support";

let fx: ActionsFixture;
let builder: Caller;

beforeAll(async () => {
  fx = await createActionsFixture();
  builder = await fx.as("builder");
});
afterAll(async () => {
  await fx.cleanup();
});

function deskWith(slug: string, sql: string, editable: string): AppDocumentInput {
  return {
    id: slug,
    name: slug,
    slug,
    queries: [{ id: "tickets", datasource: "Acme Ops", mode: "read", trigger: { kind: "onLoad" }, sql }],
    pages: [
      {
        id: "main",
        name: "Main",
        widgets: [{ id: "ticketsTable", type: "table", layout: { x: 0, y: 0, w: 12, h: 6 }, props: { data: "{{ tickets.data }}", rowKey: "id", editable: true, columns: [{ key: editable, editable: true }] } }],
      },
    ],
  };
}

async function publish(document: AppDocumentInput) {
  const created = await builder.apps.create({ name: document.name, slug: document.slug });
  const saved = await builder.apps.save({ appId: created.id, baseVersion: 1, document, message: "" });
  return builder.apps.publish({ appId: created.id, version: saved.version });
}

describe("publishing an app whose table marks columns editable", () => {
  it("refuses a column of a joined query, saying why", async () => {
    const result = await publish(deskWith("joined", "SELECT t.id, t.subject, c.name FROM support_tickets t JOIN customers c ON c.id = t.customer_id", "subject"));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      expect.objectContaining({ code: "editable_columns", path: "pages[0].widgets[0].props.columns[0].editable", message: expect.stringContaining("not rows of one table") as unknown }),
    ]);
  });

  it("refuses a computed column and the key of a single-table query", async () => {
    const computed = await publish(deskWith("computed", "SELECT id, status, upper(subject) AS shout FROM support_tickets", "shout"));
    expect(computed.ok ? [] : computed.problems.map((problem) => problem.message)).toEqual([expect.stringContaining('"shout" is not a plain column of support_tickets')]);
    const key = await publish(deskWith("keyed", "SELECT id, subject FROM support_tickets", "id"));
    expect(key.ok ? [] : key.problems.map((problem) => problem.message)).toEqual([expect.stringContaining("primary key")]);
  });

  it("publishes a plain column of one writable table, also through *", async () => {
    expect(await publish(deskWith("plain", "SELECT id, subject FROM support_tickets WHERE id <= {{ 20 }}", "subject"))).toMatchObject({ ok: true });
    expect(await publish(deskWith("star", "SELECT * FROM support_tickets", "subject"))).toMatchObject({ ok: true });
  });
});
