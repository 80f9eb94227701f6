import { describe, expect, it } from "vitest";
import type { ManifestAction } from "@rowcraft/actions/protocol";
import { diffManifests } from "./manifest-diff";

const action = (name: string, overrides: Partial<ManifestAction> = {}): ManifestAction => ({
  name,
  title: name,
  description: "",
  minRole: "operator",
  danger: null,
  precondition: null,
  target: { source: "billing", rows: false },
  timeoutMs: 1_000,
  mode: "perRow",
  selectionField: null,
  inputSchema: { type: "object", properties: {} },
  outputSchema: null,
  ...overrides,
});

describe("diffManifests", () => {
  it("lists added, removed and changed actions with the fields that changed", () => {
    const before = [action("a"), action("b"), action("c")];
    const after = [action("a"), action("c", { minRole: "admin", inputSchema: { type: "object", properties: { id: { type: "integer" } } } }), action("d")];
    expect(diffManifests(before, after)).toEqual({ added: ["d"], removed: ["b"], changed: [{ name: "c", fields: ["minRole", "inputSchema"] }] });
  });

  it("finds nothing when nothing changed", () => {
    expect(diffManifests([action("a")], [action("a")])).toEqual({ added: [], removed: [], changed: [] });
  });
});
