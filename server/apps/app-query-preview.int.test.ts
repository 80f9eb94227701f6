/**
 * A write button's confirmation previews its query through apps.runQuery: the rows it would
 * change are counted and sampled, nothing changes, and a viewer is refused as for the real run.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppDocumentInput } from "@/lib/app-document";
import { createActionsFixture, type ActionsFixture } from "@/server/actions/testing/actions-int-support";
import { trpcCodeOf } from "@/server/testing/trpc-errors";

let fx: ActionsFixture;
let appId = "";

const desk: AppDocumentInput = {
  id: "desk",
  name: "Ticket closer",
  slug: "ticket-closer",
  queries: [{ id: "closeFirst", datasource: "Acme Ops", mode: "write", trigger: { kind: "manual" }, sql: "UPDATE support_tickets SET status = 'closed' WHERE id <= 3" }],
  pages: [{ id: "main", name: "Main", widgets: [{ id: "close", type: "button", layout: { x: 0, y: 0, w: 3, h: 1 }, props: { label: "Close", run: { kind: "query", query: "closeFirst" }, confirm: "Close the first tickets?" } }] }],
};

beforeAll(async () => {
  fx = await createActionsFixture();
  const builder = await fx.as("builder");
  const created = await builder.apps.create({ name: desk.name, slug: desk.slug });
  const saved = await builder.apps.save({ appId: created.id, baseVersion: 1, document: desk, message: "" });
  expect(await builder.apps.publish({ appId: created.id, version: saved.version })).toMatchObject({ ok: true });
  appId = created.id;
});
afterAll(async () => {
  await fx.cleanup();
});

const statuses = () => fx.acme.prepare("SELECT status FROM support_tickets WHERE id <= 3 ORDER BY id").pluck().all();

describe("previewing an app's write query", () => {
  it("counts and samples the rows, and changes nothing", async () => {
    const before = statuses();
    const operator = await fx.as("operator");
    const result = await operator.apps.runQuery({ appId, version: "published", queryId: "closeFirst", params: {}, preview: true, runId: "preview-run-1" });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.affectedRows).toBe(3);
    expect(result.preview?.before?.rows.map((row) => row.id)).toEqual([1, 2, 3]);
    expect(statuses()).toEqual(before);
  });

  it("refuses a viewer, as the real run does", async () => {
    const viewer = await fx.as("viewer");
    const call = viewer.apps.runQuery({ appId, version: "published", queryId: "closeFirst", params: {}, preview: true, runId: "preview-run-2" });
    expect(await trpcCodeOf(call)).toBe("FORBIDDEN");
  });
});
