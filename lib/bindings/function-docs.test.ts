import { describe, expect, it } from "vitest";
import { evaluateTemplate, FUNCTION_DOCS, FUNCTION_NAMES } from "./index";

// A scope with the names the examples use, so each example is run, not just read.
const rows = [{ id: 1, total: 1200, total_cents: 1200, customer: "Ada", shipped_at: null, status: "paid", placed_at: "2026-01-31T10:00:00Z" }];
const scope = {
  orders: { data: rows },
  table1: { selectedRows: rows, selectedRow: rows[0] },
  search: { value: " Ada " },
};

describe("the function reference", () => {
  it("documents exactly the functions the evaluator runs", () => {
    expect(Object.keys(FUNCTION_DOCS).sort()).toEqual([...FUNCTION_NAMES].sort());
  });

  it("gives examples that run", () => {
    for (const [name, doc] of Object.entries(FUNCTION_DOCS)) {
      expect(doc.example, name).toContain(`${name}(`);
      const result = evaluateTemplate(doc.example, scope);
      expect(result.ok ? null : result.error, `${name}: ${doc.example}`).toBeNull();
    }
  });
});
