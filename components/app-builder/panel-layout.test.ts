import { describe, expect, it } from "vitest";
import { BOTTOM_DEFAULT, BOTTOM_MIN, clampBottomHeight, DEFAULT_PANEL_LAYOUT, parsePanelLayout } from "./panel-layout";

describe("panel layout", () => {
  it("reads a stored layout and falls back per field or as a whole", () => {
    expect(parsePanelLayout(JSON.stringify({ left: false, right: true, bottomHeight: 410 }))).toEqual({ left: false, right: true, bottomHeight: 410 });
    expect(parsePanelLayout(JSON.stringify({ left: "no", bottomHeight: null }))).toEqual({ left: true, right: true, bottomHeight: BOTTOM_DEFAULT });
    expect(parsePanelLayout("{not json")).toEqual(DEFAULT_PANEL_LAYOUT);
    expect(parsePanelLayout(null)).toEqual(DEFAULT_PANEL_LAYOUT);
  });

  it("keeps the bottom panel between its minimum and 70% of the window", () => {
    expect(clampBottomHeight(20, 900)).toBe(BOTTOM_MIN);
    expect(clampBottomHeight(2000, 900)).toBe(630);
    expect(clampBottomHeight(333.4, 900)).toBe(333);
  });
});
