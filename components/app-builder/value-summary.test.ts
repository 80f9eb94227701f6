import { describe, expect, it } from "vitest";
import { summarizeBinding } from "./value-summary";

const scope = { orders: { data: [{ id: 1, status: "paid" }, { id: 2, status: "open" }] }, search: { value: "ab" } };

describe("binding value summaries", () => {
  it("describes rows, lists, text and numbers", () => {
    expect(summarizeBinding("{{ orders.data }}", scope)).toEqual({ ok: true, text: "List of 2 rows (id, status)" });
    expect(summarizeBinding("{{ pluck(orders.data, 'id') }}", scope)).toEqual({ ok: true, text: "List of 2 items" });
    expect(summarizeBinding("Hi {{ search.value }}", scope)).toEqual({ ok: true, text: '"Hi ab"' });
    expect(summarizeBinding("{{ len(orders.data) * 2 }}", scope)).toEqual({ ok: true, text: "4" });
    expect(summarizeBinding("{{ orders.data[5].id }}", scope)).toEqual({ ok: true, text: "null" });
    expect(summarizeBinding("{{ missing.value }}", scope)?.ok).toBe(false);
  });

  it("says nothing for plain text and shows errors", () => {
    expect(summarizeBinding("plain", scope)).toBeNull();
    expect(summarizeBinding("{{ 1 / 0 }}", scope)?.ok).toBe(false);
    expect(summarizeBinding("{{ orders.", scope)?.ok).toBe(false);
  });
});
