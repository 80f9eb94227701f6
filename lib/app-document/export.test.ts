// Export and import: stable key order, one property per line, and a validated round trip.
import { describe, expect, it } from "vitest";
import { DEMO_ACTION_SCHEMAS, DEMO_SOURCE, opsDashboardApp, orderDeskApp } from "./demo-apps";
import { parseAppExport, stableStringify } from "./export";
import { appDocumentSchema } from "./schema";

describe("stableStringify", () => {
  it("sorts keys at every level and keeps array order", () => {
    expect(stableStringify({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: null } })).toBe(
      ['{', '  "a": {', '    "c": null,', '    "d": [', "      3,", "      {", '        "y": 2,', '        "z": 1', "      }", "    ]", "  },", '  "b": 1', "}", ""].join("\n"),
    );
  });

  it("drops undefined properties and is independent of key insertion order", () => {
    expect(stableStringify({ a: 1, b: undefined })).toBe(stableStringify({ a: 1 }));
    expect(stableStringify({ x: 1, y: 2 })).toBe(stableStringify({ y: 2, x: 1 }));
  });
});

describe("parseAppExport", () => {
  it("round-trips the demo apps byte for byte", () => {
    for (const app of [orderDeskApp, opsDashboardApp]) {
      const doc = appDocumentSchema.parse(app);
      const text = stableStringify(doc);
      const imported = parseAppExport(text, { datasources: [DEMO_SOURCE], actions: DEMO_ACTION_SCHEMAS });
      expect(imported).toMatchObject({ ok: true, problems: [] });
      if (!imported.ok) return;
      expect(imported.document).toEqual(doc);
      expect(stableStringify(imported.document)).toBe(text);
    }
  });

  it("returns validation problems beside the document when data sources do not match", () => {
    const text = stableStringify(appDocumentSchema.parse(orderDeskApp));
    const imported = parseAppExport(text, { datasources: ["Other"], actions: DEMO_ACTION_SCHEMAS });
    expect(imported.ok).toBe(true);
    expect(imported.problems.map((p) => p.code)).toEqual(["unknown_datasource", "unknown_datasource"]);
  });

  it("refuses invalid JSON and documents that do not match the schema", () => {
    expect(parseAppExport("{ nope")).toMatchObject({ ok: false, problems: [{ code: "schema", path: "" }] });
    const broken = parseAppExport(JSON.stringify({ ...orderDeskApp, slug: "Not A Slug", extra: true }));
    expect(broken.ok).toBe(false);
    expect(broken.problems.map((p) => p.path).sort()).toEqual(["", "slug"]);
  });

  it("does not let __proto__ in a file change prototypes", () => {
    const text = '{"__proto__": {"polluted": true}, "id": "a", "name": "A", "slug": "a", "pages": [{"id": "p", "name": "P"}]}';
    const imported = parseAppExport(text);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(imported.ok).toBe(false);
  });
});
