// Unit tests of defineAction and invokeAction: definition checks, timeouts, error classification, the tx guard.
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { createActionTestbed, failure, okResult, testUser, type ActionTestbed } from "@/server/actions/testing/action-testbed";
import { DEMO_SOURCE as ACME_OPS_SOURCE } from "@/lib/app-document/demo-apps";
import { ActionError, defineAction } from "./define-action";
import { invokeAction, UNEXPECTED_FAILURE } from "./invoke-action";

let bed: ActionTestbed;
beforeAll(() => void (bed = createActionTestbed()));
afterAll(() => bed.close());

const base = { title: "Test", description: "A test action.", target: { source: "acme-ops", rows: false } as const, minRole: "operator" as const, timeoutMs: 5_000, mode: "perRow" as const };
const outboxRows = (kind: string) => bed.value("SELECT count(*) FROM notification_outbox WHERE kind = ?", [kind]);

describe("defineAction", () => {
  it("refuses definitions that would fail later", () => {
    const input = z.object({ ids: z.array(z.number()), note: z.string() });
    const run = async () => null;
    expect(() => defineAction({ ...base, name: "Refund Order", input, run })).toThrow(/kebab-case/);
    expect(() => defineAction({ ...base, name: "slow", timeoutMs: 0, input, run })).toThrow(/timeoutMs/);
    expect(() => defineAction({ ...base, name: "bad-batch", mode: "batch", selectionField: "note", input, run })).toThrow(/must be an array field/);
    expect(() => defineAction({ ...base, name: "risky", danger: { confirm: " " }, input, run })).toThrow(/danger.confirm/);
    expect(defineAction({ ...base, name: "good-batch", mode: "batch", selectionField: "ids", target: { source: "crm", table: "t", key: { id: "ids" } }, input, run }).selectionField).toBe("ids");
  });

  it("refuses a target that builders could not check", () => {
    const input = z.object({ id: z.number(), ids: z.array(z.number()), note: z.string() });
    const run = async () => null;
    const define = (target: object, extra: object = {}) => () => defineAction({ ...base, name: "t", input, run, ...extra, target } as never);
    expect(define({ source: "Acme Ops", rows: false })).toThrow(/stable kebab-case name/);
    expect(define({ source: "crm", table: "t", key: {} })).toThrow(/target.key maps each key column/);
    expect(define({ source: "crm", table: "t", key: { id: "orderId" } })).toThrow(/"orderId", which is not an input field/);
    expect(define({ source: "crm", table: "t", key: { id: "ids" } })).toThrow(/per-row action takes one row's key/);
    expect(define({ source: "crm", table: "t", key: { id: "id" } }, { mode: "batch", selectionField: "ids" })).toThrow(/held by its selectionField "ids"/);
    expect(define({ source: "crm", rows: false }, { mode: "batch", selectionField: "ids" })).toThrow(/give its target a table and key/);
    expect(define({ source: "crm", table: "t", key: { id: "id" } })().target).toEqual({ source: "crm", table: "t", key: { id: "id" } });
    const precondition = { column: "status", oneOf: ["open"], message: "Only open rows." };
    expect(define({ source: "crm", rows: false }, { precondition })).toThrow(/precondition is about rows/);
    expect(define({ source: "crm", table: "t", key: { id: "id" } }, { precondition: { ...precondition, oneOf: [] } })).toThrow(/precondition needs/);
    expect(define({ source: "crm", table: "t", key: { id: "id" } }, { precondition })().precondition).toEqual(precondition);
  });
});

describe("invokeAction", () => {
  it("stops an action at its timeout and rolls its transaction back", async () => {
    const slow = defineAction({
      ...base,
      name: "slow-write",
      timeoutMs: 150,
      input: z.object({}),
      run: async (_input, ctx) =>
        ctx.idempotent(await ctx.datasource(ACME_OPS_SOURCE), async (tx) => {
          await tx.query("INSERT INTO notification_outbox (kind, payload, created_at) VALUES ('slow', '{}', 'now')");
          await sleep(400);
          return { wrote: true };
        }),
    });
    const started = Date.now();
    const report = await bed.invoke(slow, {}, { key: "slow-1" });
    expect(Date.now() - started).toBeLessThan(350);
    expect(failure(report)).toEqual({ kind: "timeout", error: expect.stringMatching(/^Test did not finish within 0\.15 s and was stopped; .*same key is safe/) as string });
    await sleep(400);
    expect(outboxRows("slow")).toBe(0);
    expect(bed.value("SELECT count(*) FROM action_idempotency WHERE idempotency_key = 'slow-1'")).toBe(0);
  });

  it("shows operators an ActionError's message and hides anything else behind a fixed one", async () => {
    const logged: unknown[] = [];
    const run = async (input: { kind: string }) => {
      if (input.kind === "domain") throw new ActionError("Order 5 is on hold.");
      throw new Error("SQLITE_CORRUPT: secret internals");
    };
    const action = defineAction({ ...base, name: "fails", input: z.object({ kind: z.string() }), run });
    const invoke = (kind: string) =>
      invokeAction({ action, input: { kind }, idempotencyKey: `fails-${kind}`, user: testUser(), databases: bed.databases, logError: (_m, error) => void logged.push(error) });
    expect((await invoke("domain")).outcome).toMatchObject({ status: "failed", errorKind: "domain", error: "Order 5 is on hold." });
    const internal = await invoke("internal");
    expect(internal.outcome).toMatchObject({ status: "failed", errorKind: "internal", error: UNEXPECTED_FAILURE });
    expect(internal.internalMessage).toBe("SQLITE_CORRUPT: secret internals");
    expect(logged).toHaveLength(1);
  });

  it("treats a result that breaks the output schema, and a synchronous throw, as internal errors", async () => {
    const wrongShape = defineAction({ ...base, name: "wrong-shape", input: z.object({}), output: z.object({ n: z.number() }), run: async () => ({ n: "one" as unknown as number }) });
    expect(failure(await bed.invoke(wrongShape, {})).kind).toBe("internal");
    const syncThrow = defineAction({
      ...base,
      name: "sync-throw",
      input: z.object({}),
      run: (() => {
        throw new Error("sync");
      }) as () => Promise<never>,
    });
    expect(failure(await bed.invoke(syncThrow, {})).kind).toBe("internal");
  });

  it("names a missing data source in the operator's message", async () => {
    const elsewhere = defineAction({ ...base, name: "elsewhere", input: z.object({}), run: async (_i, ctx) => (await ctx.datasource("Billing")).kind });
    expect(failure(await bed.invoke(elsewhere, {})).error).toMatch(/No data source is connected for "Billing"/);
    const onTarget = defineAction({ ...base, name: "on-target", input: z.object({}), run: async (_i, ctx) => (await ctx.datasource()).name });
    expect(okResult(await bed.invoke(onTarget, {}))).toBe("Acme Ops");
  });

  it("allows ctx.idempotent once per invocation and refuses a tx used after its transaction", async () => {
    const twice = defineAction({
      ...base,
      name: "twice",
      input: z.object({}),
      run: async (_i, ctx) => {
        const db = await ctx.datasource(ACME_OPS_SOURCE);
        await ctx.idempotent(db, async () => 1);
        return ctx.idempotent(db, async () => 2);
      },
    });
    expect(failure(await bed.invoke(twice, {})).kind).toBe("internal");
    let leaked: { query: (sql: string) => Promise<unknown> } | null = null;
    const leaky = defineAction({
      ...base,
      name: "leaky",
      input: z.object({}),
      run: async (_i, ctx) => {
        await (await ctx.datasource(ACME_OPS_SOURCE)).transaction(async (tx) => void (leaked = tx));
        return leaked?.query("SELECT 1");
      },
    });
    const report = await invokeAction({ action: leaky, input: {}, idempotencyKey: "leaky", user: testUser(), databases: bed.databases, logError: () => undefined });
    expect(report.internalMessage).toMatch(/already finished/);
  });

  it("runs concurrent invocations of one SQLite file one transaction at a time, each once", async () => {
    const writer = defineAction({
      ...base,
      name: "writer",
      input: z.object({ n: z.number() }),
      run: async (input, ctx) =>
        ctx.idempotent(await ctx.datasource(ACME_OPS_SOURCE), async (tx) => {
          await tx.query("INSERT INTO notification_outbox (kind, payload, created_at) VALUES ('concurrent', ?, 'now')", [JSON.stringify(input)]);
          await sleep(1);
          return (await tx.query("SELECT count(*) AS n FROM notification_outbox WHERE kind = 'concurrent'")).rows[0]?.n;
        }),
    });
    const reports = await Promise.all(Array.from({ length: 40 }, (_, i) => bed.invoke(writer, { n: i % 20 }, { key: `writer-${i % 20}` })));
    expect(reports.map((report) => report.outcome.status)).toEqual(Array(40).fill("ok"));
    expect(outboxRows("concurrent")).toBe(20);
    expect(reports.filter((report) => report.outcome.status === "ok" && report.outcome.replayed)).toHaveLength(20);
    expect(new Set(reports.map((report) => okResult<number>(report))).size).toBe(20);
  });
});
