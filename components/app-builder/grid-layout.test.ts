import { describe, expect, it } from "vitest";
import type { Widget } from "@/lib/app-document";
import { clampLayout, compactLayout, fromGridLayout, nudgeLayout, toGridLayout } from "./grid-layout";

function text(id: string, x: number, y: number, w: number, h: number): Widget {
  return { id, type: "text", layout: { x, y, w, h }, props: { markdown: id } };
}

describe("grid layout conversion", () => {
  it("maps widgets to react-grid-layout items and back", () => {
    const widgets = [text("a", 0, 0, 6, 2), text("b", 6, 0, 6, 3)];
    const items = toGridLayout(widgets);
    expect(items[0]).toMatchObject({ i: "a", x: 0, y: 0, w: 6, h: 2, maxW: 12 });
    const back = fromGridLayout([...items, { i: "__dropping-elem__", x: 0, y: 5, w: 1, h: 1 }], new Set(["a", "b"]));
    expect([...back.entries()]).toEqual([
      ["a", { x: 0, y: 0, w: 6, h: 2 }],
      ["b", { x: 6, y: 0, w: 6, h: 3 }],
    ]);
  });

  it("keeps layouts integer and inside 12 columns", () => {
    expect(clampLayout({ x: 10.6, y: -1, w: 4.2, h: 0 })).toEqual({ x: 8, y: 0, w: 4, h: 1 });
    expect(clampLayout({ x: 0, y: 0, w: 30, h: 500 })).toEqual({ x: 0, y: 0, w: 12, h: 200 });
  });

  it("packs widgets upwards", () => {
    const packed = compactLayout([
      { id: "a", x: 0, y: 3, w: 4, h: 1 },
      { id: "b", x: 0, y: 7, w: 4, h: 2 },
    ]);
    expect(packed.get("a")).toEqual({ x: 0, y: 0, w: 4, h: 1 });
    expect(packed.get("b")).toEqual({ x: 0, y: 1, w: 4, h: 2 });
  });
});

describe("keyboard nudge", () => {
  const widgets = [text("a", 0, 0, 4, 1), text("b", 0, 1, 12, 2), text("c", 4, 0, 4, 1)];

  it("moves left and right by a column, within the grid", () => {
    expect(nudgeLayout(widgets, "c", "right").get("c")).toEqual({ x: 5, y: 0, w: 4, h: 1 });
    expect(nudgeLayout(widgets, "a", "left").get("a")).toEqual({ x: 0, y: 0, w: 4, h: 1 });
    expect(nudgeLayout([text("z", 8, 0, 4, 1)], "z", "right").get("z")).toEqual({ x: 8, y: 0, w: 4, h: 1 });
  });

  it("swaps with the neighbour below or above", () => {
    const down = nudgeLayout(widgets, "a", "down");
    // b cannot rise past c, which stays above it.
    expect(down.get("c")?.y).toBe(0);
    expect(down.get("b")?.y).toBe(1);
    expect(down.get("a")?.y).toBe(3);
    const up = nudgeLayout(widgets, "b", "up");
    expect(up.get("b")?.y).toBe(0);
    expect(up.get("a")?.y).toBe(2);
    expect(nudgeLayout(widgets, "a", "up").get("a")).toEqual({ x: 0, y: 0, w: 4, h: 1 });
  });

  // A stat tile beside a table, a chart under the tile: the builder's page from issue 12.
  const page = [text("stat", 0, 0, 3, 2), text("table", 3, 0, 9, 6), text("chart", 0, 6, 6, 5)];

  it("moving the tile never lets the chart jump over the table it was under", () => {
    for (const direction of ["left", "right", "up", "down"] as const) {
      const after = nudgeLayout(page, "stat", direction);
      const table = after.get("table");
      const chart = after.get("chart");
      expect(chart && table && chart.y >= table.y + table.h, direction).toBe(true);
    }
  });

  it("moving the tile down does not pull the chart above the table", () => {
    const after = nudgeLayout(page, "stat", "down");
    expect(after.get("table")).toEqual({ x: 3, y: 0, w: 9, h: 6 });
    expect(after.get("chart")).toEqual({ x: 0, y: 6, w: 6, h: 5 });
  });

  it("does not push a neighbour down when moving sideways into it", () => {
    const row = [text("table", 0, 0, 12, 6), text("chart", 0, 6, 6, 5), text("stat", 6, 6, 3, 2)];
    const after = nudgeLayout(row, "stat", "left");
    expect(after.get("chart")).toEqual({ x: 0, y: 6, w: 6, h: 5 });
    expect(after.get("stat")).toEqual({ x: 6, y: 6, w: 3, h: 2 });
    expect(nudgeLayout(row, "stat", "right").get("stat")).toEqual({ x: 7, y: 6, w: 3, h: 2 });
  });

  it("moving a widget up passes the widgets above it in its columns", () => {
    const after = nudgeLayout(page, "chart", "up");
    expect(after.get("chart")?.y).toBe(0);
    expect(after.get("stat")?.y).toBeGreaterThanOrEqual(5);
    expect(after.get("table")?.y).toBeGreaterThanOrEqual(5);
  });
});
