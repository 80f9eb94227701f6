import { describe, expect, it } from "vitest";
import { CHECK_WIDTH, STATUS_WIDTH, buildLayout } from "./grid-layout";
import type { GridColumn } from "./types";

const column = (id: string): GridColumn => ({ id, name: id, dataType: "text", type: "text", editable: true });

describe("buildLayout", () => {
  it("places fixed and pinned columns sticky, and the virtual window after a spacer", () => {
    const layout = buildLayout({
      check: true,
      status: true,
      pinned: [{ column: column("a"), width: 100 }],
      center: [
        { column: column("b"), width: 50 },
        { column: column("c"), width: 60 },
        { column: column("d"), width: 70 },
      ],
      window: [
        { index: 1, start: CHECK_WIDTH + STATUS_WIDTH + 100 + 50 },
        { index: 2, start: CHECK_WIDTH + STATUS_WIDTH + 100 + 110 },
      ],
    });
    expect(layout.fixedCount).toBe(2);
    expect(layout.statusLeft).toBe(CHECK_WIDTH);
    expect(layout.pinned).toEqual([{ column: column("a"), col: 0, width: 100, left: CHECK_WIDTH + STATUS_WIDTH, ariaColIndex: 3, lastPinned: true }]);
    expect(layout.center.map((slot) => [slot.column.id, slot.col, slot.ariaColIndex, slot.left])).toEqual([
      ["c", 2, 5, null],
      ["d", 3, 6, null],
    ]);
    expect(layout.stickyWidth).toBe(CHECK_WIDTH + STATUS_WIDTH + 100);
    expect(layout.padLeft).toBe(50);
    expect(layout.totalWidth).toBe(CHECK_WIDTH + STATUS_WIDTH + 100 + 180);
  });

  it("works without fixed or pinned columns", () => {
    const layout = buildLayout({ check: false, status: false, pinned: [], center: [{ column: column("a"), width: 80 }], window: [{ index: 0, start: 0 }] });
    expect(layout.center[0]).toMatchObject({ col: 0, ariaColIndex: 1 });
    expect(layout.padLeft).toBe(0);
    expect(layout.totalWidth).toBe(80);
  });
});
