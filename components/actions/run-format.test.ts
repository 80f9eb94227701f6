/** Row labels, confirmations, rate and time left, and the grid status per row state. */
import { describe, expect, it } from "vitest";
import type { RunProgress } from "@/lib/schemas/actions";
import { actionOnRows, confirmTitle, formatRate, formatTimeLeft, newRequestKey, progressSummary, rowKeyLabel, rowStatusOf, runCommands, runOutcome, splitByPrecondition, tableMismatch, targetLabel } from "./run-format";

const progress = (counts: Partial<RunProgress>): RunProgress => ({ total: 3, done: 0, ok: 0, failed: 0, pending: 0, running: 0, cancelled: 0, interrupted: 0, ratePerSecond: null, etaSeconds: null, ...counts });

describe("run-format", () => {
  it("reads primary-key row ids as values", () => {
    expect(rowKeyLabel(JSON.stringify([["id", 70605]]))).toBe("70605");
    expect(rowKeyLabel(JSON.stringify([["order_id", 1], ["line", 2]]))).toBe("1, 2");
    expect(rowKeyLabel("order-12")).toBe("order-12");
  });

  it("names the action and the row count in confirmations", () => {
    expect(confirmTitle("Refund order", 3)).toBe("Refund 3 orders?");
    expect(confirmTitle("Anonymize customer", 1)).toBe("Anonymize 1 customer?");
    expect(actionOnRows("Resend shipment notification", 2)).toBe("Resend shipment notification on 2 rows");
  });

  it("formats rate and time left", () => {
    expect(formatRate(null)).toBeNull();
    expect(formatRate(12.34)).toBe("12.3 rows/s");
    expect(formatRate(1234.5)).toBe("1,235 rows/s");
    expect(formatTimeLeft(0.2)).toBe("less than a second left");
    expect(formatTimeLeft(12)).toBe("about 12 s left");
    expect(formatTimeLeft(75)).toBe("about 1 min 15 s left");
    expect(formatTimeLeft(4000)).toBe("about 1 h 7 min left");
  });

  it("maps row states to the grid's status column", () => {
    expect(rowStatusOf({ status: "ok", error: null })).toEqual({ tone: "success", text: "Done" });
    expect(rowStatusOf({ status: "failed", error: "Order 3 was paid $2.22; at most $2.22 can be refunded." })).toEqual({ tone: "danger", text: "Order 3 was paid $2.22; at most $2.22 can be refunded." });
    expect(rowStatusOf({ status: "pending", error: null })).toEqual({ tone: "neutral", text: "Pending" });
    expect(rowStatusOf({ status: "running", error: null })).toEqual({ tone: "neutral", text: "Running…" });
  });

  it("offers the commands that make sense", () => {
    expect(runCommands("running", progress({ pending: 2 }))).toEqual({ cancel: true, retry: false, resume: false });
    expect(runCommands("done", progress({ ok: 2, failed: 1 }))).toEqual({ cancel: false, retry: true, resume: false });
    expect(runCommands("interrupted", progress({ ok: 1, interrupted: 1, pending: 1 }))).toEqual({ cancel: false, retry: true, resume: true });
    expect(runCommands("cancelled", progress({ ok: 1, cancelled: 2 }))).toEqual({ cancel: false, retry: false, resume: true });
    expect(progressSummary(progress({ ok: 2, failed: 1 }))).toBe("2 done, 1 failed");
  });

  it("makes UUIDs", () => {
    expect(newRequestKey()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it("states a run's outcome in the colour it deserves, not Finished when rows failed", () => {
    expect(runOutcome("done", progress({ total: 2, ok: 0, failed: 2 }))).toEqual({ text: "0 of 2 succeeded", tone: "danger" });
    expect(runOutcome("done", progress({ total: 2, ok: 1, failed: 1 }))).toEqual({ text: "1 of 2 succeeded", tone: "warning" });
    expect(runOutcome("done", progress({ total: 2, ok: 2 }))).toEqual({ text: "Finished", tone: "success" });
    expect(runOutcome("running", progress({ total: 2, failed: 1 }))).toEqual({ text: "Running", tone: "accent" });
  });

  it("skips rows an action's precondition refuses, saying why", () => {
    const rows = [{ rowKey: "1", row: { status: "paid" } }, { rowKey: "2", row: { status: "pending" } }, { rowKey: "3", row: { id: 3 } }];
    const split = splitByPrecondition({ column: "status", oneOf: ["paid", "shipped"], message: "Only paid or shipped orders can be refunded." }, rows);
    expect(split.eligible.map((row) => row.rowKey)).toEqual(["1", "3"]);
    expect(split.skipped).toEqual([{ rowKey: "2", reason: "Skipped: Only paid or shipped orders can be refunded. (status is pending)" }]);
    expect(splitByPrecondition(null, rows).eligible).toHaveLength(3);
  });

  it("says what an action changes, and offers it only on rows of its table", () => {
    const target = { source: "acme-ops", datasource: "Acme Ops", unresolved: null, table: "customers", key: { id: "customerId" } };
    expect(targetLabel({ target })).toBe("customers in Acme Ops");
    expect(targetLabel({ target: { ...target, datasource: null, table: null } })).toBe("no rows · acme-ops (not connected)");
    expect(tableMismatch({ target }, "orders")).toBe("Acts on customers, not orders");
    expect(tableMismatch({ target }, "Customers")).toBeNull();
    expect(tableMismatch({ target: { ...target, table: null } }, "orders")).toBe("Acts on no rows");
  });
});
