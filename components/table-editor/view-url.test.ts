import { describe, expect, it } from "vitest";
import { readViewState, toServerView, writeViewState } from "./view-url";

describe("view state in the URL", () => {
  it("round-trips sort, filters and hidden columns, keeping other parameters", () => {
    const state = {
      sorting: [{ id: "total_cents", desc: true }, { id: "id", desc: false }],
      columnFilters: [
        { id: "status", value: { kind: "oneOf", values: ["paid", "shipped"] } },
        { id: "notes", value: { kind: "contains", text: "a&b=c" } },
      ],
      columnVisibility: { notes: false, updated_at: false, id: true },
    };
    const params = writeViewState(new URLSearchParams("source=abc&table=orders"), state);
    expect(params.get("source")).toBe("abc");
    const back = readViewState(new URLSearchParams(params.toString()));
    expect(back.sorting).toEqual(state.sorting);
    expect(back.columnFilters).toEqual(state.columnFilters);
    expect(back.columnVisibility).toEqual({ notes: false, updated_at: false });
  });

  it("drops junk instead of failing", () => {
    const state = readViewState(new URLSearchParams("f.status=not-json&f.x=%7B%22kind%22%3A%22nope%22%7D&sort=,,"));
    expect(state.columnFilters).toEqual([]);
    expect(state.sorting).toEqual([]);
  });

  it("gives the server only well-formed filters", () => {
    expect(toServerView({ sorting: [], columnFilters: [{ id: "a", value: { kind: "range", min: 1 } }, { id: "b", value: 5 }], columnVisibility: {} }).filters).toEqual([{ id: "a", value: { kind: "range", min: 1 } }]);
  });
});
