import { describe, expect, it } from "vitest";
import { z } from "zod";
import { defineAction, type ActionTarget } from "./define-action.ts";

const base = {
  name: "close-invoice",
  title: "Close invoice",
  description: "Closes an invoice.",
  input: z.object({ invoiceId: z.number().int(), ids: z.array(z.number()) }),
  minRole: "operator" as const,
  timeoutMs: 1_000,
  mode: "perRow" as const,
  run: async () => null,
};

const withTarget = (target: ActionTarget<"invoiceId" | "ids">) => () => defineAction({ ...base, target });

describe("defineAction (SDK) checks its target like Rowcraft does", () => {
  it("accepts a row target whose key is an input field, and a target on no rows", () => {
    expect(withTarget({ source: "billing", table: "invoices", key: { id: "invoiceId" } })().target).toEqual({ source: "billing", table: "invoices", key: { id: "invoiceId" } });
    expect(withTarget({ source: "billing", rows: false })().target).toEqual({ source: "billing", rows: false });
  });

  it("refuses a source that is not a stable name, an empty key, a key on a list, and bad names or timeouts", () => {
    expect(withTarget({ source: "Billing DB", rows: false })).toThrow(/kebab-case/);
    expect(withTarget({ source: "billing", table: "invoices", key: {} })).toThrow(/target.key maps/);
    expect(withTarget({ source: "billing", table: "invoices", key: { id: "ids" } })).toThrow(/per-row action takes one row's key/);
    expect(() => defineAction({ ...base, name: "Close", target: { source: "billing", rows: false } })).toThrow(/kebab-case/);
    expect(() => defineAction({ ...base, timeoutMs: 5, target: { source: "billing", rows: false } })).toThrow(/timeoutMs/);
    expect(() => defineAction({ ...base, target: { source: "billing", rows: false }, precondition: { column: "status", oneOf: ["open"], message: "Open only." } })).toThrow(/precondition is about rows/);
  });
});
