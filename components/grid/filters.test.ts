import { describe, expect, it } from "vitest";
import { compareCellValues, describeFilter, filterKindFor, isFilterActive, matchesFilter, naturalCompare } from "./filters";

describe("matchesFilter", () => {
  it("matches text case-insensitively", () => {
    expect(matchesFilter("text", "Hello World", { kind: "contains", text: "world" })).toBe(true);
    expect(matchesFilter("text", "Hello", { kind: "contains", text: "bye" })).toBe(false);
    expect(matchesFilter("text", null, { kind: "contains", text: "x" })).toBe(false);
    expect(matchesFilter("json", { tag: "urgent" }, { kind: "contains", text: "URGENT" })).toBe(true);
  });

  it("matches number ranges inclusively, money in cents", () => {
    const range = { kind: "range", min: 10, max: 20 } as const;
    expect(matchesFilter("integer", 10, range)).toBe(true);
    expect(matchesFilter("integer", 20, range)).toBe(true);
    expect(matchesFilter("integer", 21, range)).toBe(false);
    expect(matchesFilter("decimal", "15.5", range)).toBe(true);
    expect(matchesFilter("integer", null, range)).toBe(false);
    expect(matchesFilter("money", 1500, { kind: "range", min: 1000 })).toBe(true);
    expect(matchesFilter("money", 500, { kind: "range", min: 1000 })).toBe(false);
  });

  it("matches dates and timestamps by whole days", () => {
    const range = { kind: "dateRange", from: "2026-03-01", to: "2026-03-31" } as const;
    expect(matchesFilter("date", "2026-03-31", range)).toBe(true);
    expect(matchesFilter("date", "2026-04-01", range)).toBe(false);
    expect(matchesFilter("datetime", "2026-03-31 23:59:00", range)).toBe(true);
    expect(matchesFilter("datetime", "2026-02-28 23:59:00", range)).toBe(false);
    expect(matchesFilter("date", null, range)).toBe(false);
  });

  it("matches enum and boolean values from a set", () => {
    expect(matchesFilter("enum", "paid", { kind: "oneOf", values: ["paid", "shipped"] })).toBe(true);
    expect(matchesFilter("enum", "pending", { kind: "oneOf", values: ["paid"] })).toBe(false);
    expect(matchesFilter("boolean", 1, { kind: "oneOf", values: ["true"] })).toBe(true);
    expect(matchesFilter("boolean", false, { kind: "oneOf", values: ["true"] })).toBe(false);
  });

  it("lets everything through for empty or unknown filters", () => {
    expect(matchesFilter("text", "x", { kind: "contains", text: "  " })).toBe(true);
    expect(matchesFilter("text", "x", "garbage")).toBe(true);
    expect(isFilterActive({ kind: "oneOf", values: [] })).toBe(false);
    expect(isFilterActive({ kind: "range" })).toBe(false);
    expect(isFilterActive({ kind: "range", max: 0 })).toBe(true);
  });
});

describe("filterKindFor and describeFilter", () => {
  it("picks the filter for each type", () => {
    expect(filterKindFor("money")).toBe("range");
    expect(filterKindFor("datetime")).toBe("dateRange");
    expect(filterKindFor("boolean")).toBe("oneOf");
    expect(filterKindFor("url")).toBe("contains");
  });

  it("describes active filters", () => {
    expect(describeFilter("money", { kind: "range", min: 1050 })).toBe("≥ $10.50");
    expect(describeFilter("integer", { kind: "range", min: 1, max: 5 })).toBe("between 1 and 5");
    expect(describeFilter("enum", { kind: "oneOf", values: ["a", "b"] })).toBe("is a or b");
    expect(describeFilter("text", { kind: "contains", text: "" })).toBeNull();
  });
});

describe("compareCellValues", () => {
  it("orders numbers numerically, including numeric text", () => {
    expect(compareCellValues("integer", 2, 10)).toBeLessThan(0);
    expect(compareCellValues("decimal", "10.5", "9")).toBeGreaterThan(0);
    expect(compareCellValues("money", 5, 5)).toBe(0);
  });

  it("puts NULL after values", () => {
    expect(compareCellValues("integer", null, 1)).toBeGreaterThan(0);
    expect(compareCellValues("text", "a", undefined)).toBeLessThan(0);
    expect(compareCellValues("text", null, undefined)).toBe(0);
  });

  it("orders text naturally, booleans false first, ISO timestamps in time order", () => {
    expect(compareCellValues("text", "item 2", "item 10")).toBeLessThan(0);
    expect(compareCellValues("boolean", true, false)).toBeGreaterThan(0);
    expect(compareCellValues("datetime", "2025-03-04T10:00:00.000Z", "2025-03-04T09:00:00.000Z")).toBeGreaterThan(0);
    expect(compareCellValues("datetime", new Date(1), new Date(2))).toBeLessThan(0);
  });
});

describe("naturalCompare", () => {
  it("orders digit runs by value and letters case-insensitively", () => {
    const sorted = ["item 10", "Item 2", "item 1", "item 003", "apple", "Banana", "item", "10", "9"].sort(naturalCompare);
    expect(sorted).toEqual(["9", "10", "apple", "Banana", "item", "item 1", "Item 2", "item 003", "item 10"]);
  });

  it("is a consistent order for equal-looking strings", () => {
    expect(naturalCompare("a", "A")).not.toBe(0);
    expect(Math.sign(naturalCompare("a", "A"))).toBe(-Math.sign(naturalCompare("A", "a")));
    expect(naturalCompare("x", "x")).toBe(0);
  });

  it("falls back to the collator for non-ASCII text", () => {
    expect(naturalCompare("école", "ecole")).not.toBe(0);
    expect(naturalCompare("Zoë 2", "Zoë 10")).toBeLessThan(0);
  });
});
