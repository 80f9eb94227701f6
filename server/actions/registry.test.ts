// The action registry: actions are found in the engineers' folder (a file dropped there is
// registered, nothing else to edit), names are unique, and builders get valid JSON Schema.
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { discoverActionFiles, writeActionsIndex } from "@/scripts/discover-actions.cjs";
import { defineAction } from "./define-action";
import { ACTIONS, collectActions, createActionRegistry, listActions } from "./registry";

fs.mkdirSync(".cache", { recursive: true });
const temp = fs.mkdtempSync(path.join(process.cwd(), ".cache", "actions-folder-"));
afterAll(() => fs.rmSync(temp, { recursive: true, force: true }));

const DROPPED = `import { z } from "zod";
import { defineAction } from "@/server/actions/define-action";
export const closeTicket = defineAction({
  name: "close-ticket", title: "Close ticket", description: "Closes a ticket of the Helpdesk database.",
  target: { source: "helpdesk", table: "tickets", key: { id: "ticketId" } },
  input: z.object({ ticketId: z.number().int() }), minRole: "operator", timeoutMs: 5_000, mode: "perRow",
  run: async (input) => ({ closed: input.ticketId }),
});
export const notAnAction = { name: "x" };
`;

describe("discovering the engineers' actions", () => {
  it("lists every action file under the folder, and no tests or generated files", () => {
    fs.mkdirSync(path.join(temp, "helpdesk", "lib"), { recursive: true });
    for (const file of ["helpdesk/close-ticket.ts", "helpdesk/close-ticket.test.ts", "helpdesk/close-ticket.int.test.ts", "helpdesk/lib/_private.ts", "helpdesk/notes.md", "index.generated.ts"]) {
      fs.writeFileSync(path.join(temp, file), file.endsWith("close-ticket.ts") ? DROPPED : "export {};\n");
    }
    expect(discoverActionFiles(temp)).toEqual(["helpdesk/close-ticket.ts"]);
  });

  it("registers an action dropped into a new folder, through the generated index", async () => {
    expect(writeActionsIndex(temp)).toEqual(["helpdesk/close-ticket.ts"]);
    const index = (await import(path.join(temp, "index.generated.ts"))) as { actionModules: Parameters<typeof collectActions>[0] };
    expect(collectActions(index.actionModules).map((action) => action.name)).toEqual(["close-ticket"]);
  });

  it("finds the demo actions of actions/acme-ops/ in the app's registry", () => {
    expect(ACTIONS.map((action) => action.name).sort()).toEqual(["add-order-note", "anonymize-customer", "escalate-ticket", "refund-order", "resend-shipment-notification", "set-order-status"]);
  });
});

describe("the action registry", () => {
  it("refuses two actions with one name, naming both files", () => {
    const spec = { title: "T", description: "D.", input: z.object({}), minRole: "operator" as const, timeoutMs: 1_000, mode: "perRow" as const, target: { source: "x", rows: false } as const, run: async () => null };
    const one = defineAction({ ...spec, name: "same" });
    const two = defineAction({ ...spec, name: "same" });
    expect(collectActions([{ file: "a/one.ts", exports: { one, again: one } }])).toEqual([one]);
    expect(() => collectActions([{ file: "a/one.ts", exports: { one } }, { file: "b/two.ts", exports: { two } }])).toThrow("Two actions are named same (actions/a/one.ts and actions/b/two.ts)");
    expect(() => createActionRegistry([one, two])).toThrow(/Two actions are named/);
  });

  it("describes each action with its input as JSON Schema, and whether the caller may run it", () => {
    const asBuilder = listActions({ role: "builder" });
    expect(asBuilder.map((action) => action.name)).toEqual(ACTIONS.map((action) => action.name));
    const refund = asBuilder.find((action) => action.name === "refund-order");
    expect(refund).toMatchObject({ title: "Refund order", minRole: "operator", mode: "perRow", selectionField: null, canRun: true, danger: { confirm: expect.any(String) as string } });
    expect(refund?.inputSchema).toMatchObject({
      type: "object",
      properties: { orderId: { type: "integer", exclusiveMinimum: 0 }, amountCents: { type: "integer" }, reason: { type: "string", minLength: 1 } },
      required: ["orderId", "reason"],
    });
    expect(refund?.outputSchema).toMatchObject({ type: "object" });
    expect(refund?.precondition).toEqual({ column: "status", oneOf: ["paid", "shipped", "delivered"], message: "Only paid, shipped or delivered orders can be refunded." });
    expect(asBuilder.find((action) => action.name === "anonymize-customer")?.canRun).toBe(false);
    expect(listActions({ role: "admin" }).every((action) => action.canRun)).toBe(true);
    expect(asBuilder.find((action) => action.name === "add-order-note")).toMatchObject({ mode: "batch", selectionField: "orderIds", inputSchema: { properties: { orderIds: { type: "array" } } } });
  });
});
