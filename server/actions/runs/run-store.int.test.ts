/**
 * The runner's raw bulk writes read back through Prisma exactly like Prisma's own rows: dates in
 * Prisma's text format (so Prisma filters and sorts them with its own), JSON and nulls intact.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestMetadataDb, type TestMetadataDb } from "@/server/testing/metadata-db";
import { insertAuditRows, insertRunItems, newRunId, writeItemStates, writeItemStatus, type ItemState } from "./run-store";

let meta: TestMetadataDb;
beforeAll(async () => {
  meta = await createTestMetadataDb();
});
afterAll(async () => {
  await meta.cleanup();
});

describe("run-store", () => {
  it("writes items, states and audit rows that Prisma reads, filters and sorts like its own", async () => {
    const { db } = meta;
    const runId = newRunId();
    const items = Array.from({ length: 1_234 }, (_, i) => ({ rowKey: `k${i}`, input: i % 2 ? { orderId: i, note: "it's \"quoted\"" } : undefined }));
    await db.$transaction([
      db.actionRun.create({ data: { id: runId, action: "test", createdByEmail: "t@acme.test", status: "running", concurrency: 4, total: items.length } }),
      ...insertRunItems(db, runId, items),
    ]);
    const stored = await db.actionRunItem.findMany({ where: { runId }, orderBy: { position: "asc" } });
    expect(stored).toHaveLength(1_234);
    expect(stored[1]).toMatchObject({ position: 1, rowKey: "k1", status: "pending", attempts: 0, startedAt: null, result: null });
    expect(JSON.parse(stored[1]?.input ?? "")).toEqual({ orderId: 1, note: "it's \"quoted\"" });
    expect(stored[0]?.input).toBe("null");

    const early = new Date("2026-11-26T10:00:00.123Z");
    const late = new Date("2026-11-26T10:00:05.456Z");
    const states = new Map<string, ItemState>(
      stored.slice(0, 600).map((item, i) => [item.id, { status: i % 3 ? "ok" : "failed", attempts: 2, startedAt: early, finishedAt: i < 300 ? early : late, durationMs: i, result: i % 3 ? JSON.stringify({ i }) : null, error: i % 3 ? null : `row ${i} failed` }]),
    );
    await db.$transaction([...writeItemStates(db, states), ...writeItemStatus(db, stored.slice(600, 700).map((item) => item.id), "cancelled")]);
    const after = await db.actionRunItem.findMany({ where: { runId }, orderBy: { position: "asc" } });
    expect(after[3]).toMatchObject({ status: "failed", attempts: 2, startedAt: early, finishedAt: early, durationMs: 3, result: null, error: "row 3 failed" });
    expect(after[599]).toMatchObject({ status: "ok", finishedAt: late, result: JSON.stringify({ i: 599 }), error: null });
    expect(after[650]?.status).toBe("cancelled");
    expect(after[700]?.status).toBe("pending");
    expect(await db.actionRunItem.count({ where: { runId, finishedAt: { gte: new Date("2026-11-26T10:00:01.000Z") } } })).toBe(300);
    expect(await db.actionRunItem.count({ where: { runId, finishedAt: { gte: early } } })).toBe(600);

    await db.auditEvent.create({ data: { action: "test.prisma", at: new Date("2026-11-26T10:00:03.000Z") } });
    await db.$transaction(insertAuditRows(db, [early, late].map((at) => ({ at, action: "test.raw", actorEmail: "t@acme.test", detail: JSON.stringify({ at }) }))));
    const events = await db.auditEvent.findMany({ where: { action: { startsWith: "test." } }, orderBy: { at: "asc" } });
    expect(events.map((event) => [event.action, event.at])).toEqual([
      ["test.raw", early],
      ["test.prisma", new Date("2026-11-26T10:00:03.000Z")],
      ["test.raw", late],
    ]);
    expect(events[0]).toMatchObject({ outcome: "ok", actorId: null, actorEmail: "t@acme.test", targetType: null });
  });
});
