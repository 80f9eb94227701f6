/** Browsing and exporting the audit log through the router, on a real migrated metadata database. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCaller } from "@/server/trpc/root";
import { recordAuditEvent } from "@/server/audit/record-audit-event";
import { contextAs, createTestMetadataDb, type TestMetadataDb } from "@/server/testing/metadata-db";

let meta: TestMetadataDb;
beforeAll(async () => {
  meta = await createTestMetadataDb();
  const actor = { id: "u1", email: "ops@acme.test" };
  await recordAuditEvent({ db: meta.db, actor, action: "table.update", detail: { note: 'said "hi", then left' } });
  await recordAuditEvent({ db: meta.db, actor, action: "query.write", outcome: "denied", detail: { sql: "delete from t" } });
  await recordAuditEvent({ db: meta.db, actor: { id: "u2", email: "=HYPERLINK(1)@evil.test" }, action: "auth.sign_in", outcome: "denied" });
  await meta.db.auditEvent.create({ data: { action: "auth.sign_in", actorEmail: "old@acme.test", at: new Date("2025-01-15T12:00:00Z") } });
});
afterAll(async () => {
  await meta.cleanup();
});

describe("audit log", () => {
  it("filters by outcome, actor, action prefix and whole UTC days", async () => {
    const admin = createCaller(await contextAs(meta.db, "admin"));
    expect((await admin.audit.list({ outcome: "denied" })).map((event) => event.action).sort()).toEqual(["auth.sign_in", "query.write"]);
    expect((await admin.audit.list({ actor: "ops@" })).length).toBe(2);
    expect((await admin.audit.list({ action: "table." })).map((event) => event.action)).toEqual(["table.update"]);
    expect((await admin.audit.list({ from: "2025-01-15", to: "2025-01-15" })).map((event) => event.actorEmail)).toEqual(["old@acme.test"]);
    expect(await admin.audit.list({ from: "2025-01-16", to: "2025-01-31" })).toEqual([]);
  });

  it("exports the filtered events as RFC 4180 CSV with formulas defused", async () => {
    const admin = createCaller(await contextAs(meta.db, "admin"));
    const { csv, rows, truncated } = await admin.audit.exportCsv({ actor: "ops@" });
    expect(rows).toBe(2);
    expect(truncated).toBe(false);
    const lines = csv.trimEnd().split("\r\n");
    expect(lines[0]).toBe("at,actor,action,target_type,target_id,outcome,detail");
    expect(lines).toHaveLength(3);
    expect(csv).toContain('"{""note"":""said \\""hi\\"", then left""}"');
    const hostile = await admin.audit.exportCsv({ actor: "evil.test" });
    expect(hostile.csv).toContain(",'=HYPERLINK(1)@evil.test,");
  });

  it("is for admins only", async () => {
    const builder = createCaller(await contextAs(meta.db, "builder"));
    await expect(builder.audit.exportCsv({})).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
