// Document caps: the whole document's JSON size (save and import) and every list in the schema.
import { describe, expect, it } from "vitest";
import { orderDeskApp } from "./demo-apps";
import { parseAppExport, stableStringify } from "./export";
import { appDocumentSchema, DOCUMENT_LIMITS, documentSizeProblem, type AppDocumentInput } from "./schema";

/** A valid document of about `widgets` × 20 kB: text widgets holding long markdown. */
function bulkyApp(widgets: number): AppDocumentInput {
  return {
    id: "big",
    name: "Big",
    slug: "big",
    pages: [{ id: "p", name: "P", widgets: Array.from({ length: widgets }, (_, i) => ({ id: `t${i}`, type: "text" as const, layout: { x: 0, y: i, w: 12, h: 1 }, props: { markdown: "x".repeat(20_000) } })) }],
  };
}

describe("documentSizeProblem", () => {
  it("accepts the demo apps and refuses a document over 1 MB of JSON, saying how large it is", () => {
    expect(documentSizeProblem(orderDeskApp)).toBeNull();
    expect(documentSizeProblem(bulkyApp(40))).toBeNull();
    expect(documentSizeProblem(bulkyApp(75))).toMatch(/^The app document is 1\.5 MB of JSON; an app may be at most 1\.0 MB\./);
  });

  it("counts bytes, not characters", () => {
    expect(documentSizeProblem({ text: "é".repeat(DOCUMENT_LIMITS.bytes / 2 - 10) })).toBeNull();
    expect(documentSizeProblem({ text: "€".repeat(DOCUMENT_LIMITS.bytes / 2) })).not.toBeNull();
  });
});

describe("caps in the schema", () => {
  it("refuses an import over the size cap, and a table with more columns than the cap", () => {
    expect(parseAppExport(stableStringify(bulkyApp(75)))).toMatchObject({ ok: false, problems: [{ code: "schema", message: expect.stringContaining("at most 1.0 MB") }] });
    const columns = Array.from({ length: DOCUMENT_LIMITS.tableColumns + 1 }, (_, i) => ({ key: `c${i}` }));
    const doc = { ...bulkyApp(0), pages: [{ id: "p", name: "P", widgets: [{ id: "t", type: "table", layout: { x: 0, y: 0, w: 12, h: 4 }, props: { data: "", columns } }] }] };
    const parsed = appDocumentSchema.safeParse(doc);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]).toMatchObject({ path: ["pages", 0, "widgets", 0, "props", "columns"], message: "A table can configure at most 200 columns." });
  });
});
