// Time and layout in words.
import { describe, expect, it } from "vitest";
import { describeLayout, relativeTime } from "./version-format";

describe("relativeTime", () => {
  const now = new Date("2026-11-26T12:00:00Z");
  it("uses the largest whole unit", () => {
    expect(relativeTime(new Date("2026-11-26T11:57:00Z"), now)).toBe("3 minutes ago");
    expect(relativeTime(new Date("2026-11-25T11:00:00Z"), now)).toBe("yesterday");
    expect(relativeTime(new Date("2026-11-26T11:59:50Z"), now)).toBe("just now");
  });
});

describe("describeLayout", () => {
  it("counts columns and rows from 1", () => {
    expect(describeLayout({ x: 0, y: 2, w: 12, h: 8 })).toBe("column 1, row 3, 12 × 8");
  });
});
