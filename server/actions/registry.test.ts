// The action registry: every action file is listed, names are unique, and builders get valid JSON Schema.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ACTIONS, createActionRegistry, listActions } from "./registry";

const ACTIONS_DIR = path.resolve("server/actions");

function actionFiles(): string[] {
  const demo = fs.readdirSync(path.join(ACTIONS_DIR, "demo")).filter((file) => file.endsWith(".ts") && !file.endsWith(".test.ts")).map((file) => path.join(ACTIONS_DIR, "demo", file));
  const top = fs.readdirSync(ACTIONS_DIR).filter((file) => file.endsWith(".action.ts")).map((file) => path.join(ACTIONS_DIR, file));
  return [...demo, ...top];
}

function looksLikeAction(value: unknown): value is { name: string } {
  return typeof value === "object" && value !== null && "run" in value && "input" in value && "minRole" in value && "name" in value;
}

describe("the action registry", () => {
  it("lists every action defined in server/actions/demo/ and server/actions/*.action.ts", async () => {
    const defined: unknown[] = [];
    for (const file of actionFiles()) {
      const exported = (await import(file)) as Record<string, unknown>;
      defined.push(...Object.values(exported).filter(looksLikeAction));
    }
    expect(defined.length).toBeGreaterThanOrEqual(6);
    for (const action of defined) expect(ACTIONS, `${(action as { name: string }).name} is not in ACTIONS (server/actions/registry.ts)`).toContain(action);
  });

  it("refuses two actions with one name", () => {
    const [first] = ACTIONS;
    if (!first) throw new Error("no actions");
    expect(() => createActionRegistry([first, first])).toThrow(/Two actions are named/);
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
    expect(asBuilder.find((action) => action.name === "anonymize-customer")?.canRun).toBe(false);
    expect(listActions({ role: "admin" }).every((action) => action.canRun)).toBe(true);
    expect(asBuilder.find((action) => action.name === "add-order-note")).toMatchObject({ mode: "batch", selectionField: "orderIds", inputSchema: { properties: { orderIds: { type: "array" } } } });
  });
});
