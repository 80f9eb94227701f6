import { describe, expect, it } from "vitest";
import { asPlainJson, transformer } from "@/lib/trpc/transformer";

describe("transformer", () => {
  it("keeps dates as dates through superjson", () => {
    const sent = JSON.parse(JSON.stringify(transformer.serialize({ at: new Date("2026-01-02T03:04:05Z") })));
    expect(transformer.deserialize(sent)).toEqual({ at: new Date("2026-01-02T03:04:05Z") });
  });

  it("sends marked plain-JSON results untouched and they come back equal", () => {
    const result = asPlainJson({ rows: [{ id: 1, name: "O'Brien", note: null }], rowCount: 1 });
    const serialized = transformer.serialize(result);
    expect(serialized).toEqual({ json: result });
    expect(transformer.deserialize(JSON.parse(JSON.stringify(serialized)))).toEqual(result);
  });
});
