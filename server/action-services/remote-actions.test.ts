import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ActionError, defineAction, describeAction } from "@rowcraft/actions";
import { actionRegistry, listActions, setRemoteActions } from "@/server/actions/registry";
import { toRemoteAction } from "./remote-actions";

const manifestEntry = describeAction(
  defineAction({
    name: "close-invoice",
    title: "Close invoice",
    description: "Closes an invoice.",
    input: z.object({ invoiceId: z.number().int().positive().describe("Invoice id"), reason: z.string().min(1).optional() }),
    minRole: "builder",
    danger: { confirm: "Closed invoices take no more payments." },
    target: { source: "billing", table: "invoices", key: { id: "invoiceId" } },
    timeoutMs: 2_000,
    mode: "perRow",
    run: async () => {
      throw new ActionError("never run here");
    },
  }),
);

const endpoint = () => ({ name: "billing", url: "http://127.0.0.1:1/rowcraft", secret: "s".repeat(40) });

describe("remote actions in Rowcraft's registry", () => {
  it("become <service>.<action> with the manifest's target, roles and an input schema that validates like the service's", () => {
    const action = toRemoteAction({ name: "billing" }, endpoint, manifestEntry);
    expect(action).toMatchObject({ name: "billing.close-invoice", service: "billing", minRole: "builder", timeoutMs: 2_000, danger: { confirm: "Closed invoices take no more payments." }, target: { source: "billing", table: "invoices", key: { id: "invoiceId" } } });
    expect(action?.input.safeParse({ invoiceId: 3 }).success).toBe(true);
    expect(action?.input.safeParse({ invoiceId: 1.5 }).success).toBe(false);
    expect(action?.input.safeParse({ invoiceId: 3, reason: "" }).success).toBe(false);
  });

  it("are listed beside local actions, marked with their service and with the manifest's JSON Schema, and never shadow a local action", () => {
    const remote = toRemoteAction({ name: "billing" }, endpoint, manifestEntry);
    const shadow = { ...remote!, name: "refund-order" };
    setRemoteActions([remote!, shadow]);
    try {
      expect(actionRegistry.get("billing.close-invoice")).toBe(remote);
      expect(actionRegistry.get("refund-order")?.service).toBeUndefined();
      const listed = listActions({ role: "operator" });
      expect(listed.find((entry) => entry.name === "billing.close-invoice")).toMatchObject({ service: "billing", canRun: false, inputSchema: manifestEntry.inputSchema });
      expect(listed.filter((entry) => entry.name === "refund-order")).toHaveLength(1);
      expect([...actionRegistry.keys()].filter((name) => name === "billing.close-invoice")).toHaveLength(1);
    } finally {
      setRemoteActions([]);
    }
    expect(actionRegistry.has("billing.close-invoice")).toBe(false);
  });

  it("skips an action whose input is not an object schema", () => {
    expect(toRemoteAction({ name: "billing" }, endpoint, { ...manifestEntry, inputSchema: { type: "string" } })).toBeNull();
  });
});
