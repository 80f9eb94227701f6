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
    expect(down.get("b")?.y).toBe(0);
    expect(down.get("a")?.y).toBe(2);
    const up = nudgeLayout(widgets, "b", "up");
    expect(up.get("b")?.y).toBe(0);
    expect(up.get("a")?.y).toBe(2);
    expect(nudgeLayout(widgets, "a", "up").get("a")).toEqual({ x: 0, y: 0, w: 4, h: 1 });
  });
});
