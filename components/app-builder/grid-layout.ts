// Converts between widget layouts (the document's integer x/y/w/h on a 12-column grid) and
// react-grid-layout's items, and moves widgets with the keyboard. The canvas compacts vertically,
// so the document is kept compacted too: what is saved is what the builder saw.
import { cloneLayout, moveElement, verticalCompactor, type LayoutItem } from "react-grid-layout/core";
import { GRID_COLUMNS, type Layout, type Widget } from "@/lib/app-document";

const MAX_HEIGHT = 200;

/** Integer, inside the grid: the document schema's rules, whatever a drag produced. */
export function clampLayout(layout: { x: number; y: number; w: number; h: number }): Layout {
  const w = Math.min(GRID_COLUMNS, Math.max(1, Math.round(layout.w)));
  const x = Math.min(GRID_COLUMNS - w, Math.max(0, Math.round(layout.x)));
  const y = Math.max(0, Math.round(layout.y));
  const h = Math.min(MAX_HEIGHT, Math.max(1, Math.round(layout.h)));
  return { x, y, w, h };
}

export function toGridLayout(widgets: readonly Widget[]): LayoutItem[] {
  return widgets.map((widget) => ({ i: widget.id, ...clampLayout(widget.layout), minW: 1, maxW: GRID_COLUMNS, minH: 1, maxH: MAX_HEIGHT }));
}

/** The canvas's layout as document layouts by widget id (unknown ids, like the drop placeholder, are left out). */
export function fromGridLayout(items: readonly LayoutItem[], widgetIds: ReadonlySet<string>): Map<string, Layout> {
  const layouts = new Map<string, Layout>();
  for (const item of items) if (widgetIds.has(item.i)) layouts.set(item.i, clampLayout(item));
  return layouts;
}

/** The first free row below all of `layouts`. */
export function layoutBottom(layouts: readonly Layout[]): number {
  return layouts.reduce((max, layout) => Math.max(max, layout.y + layout.h), 0);
}

/** Packs items upwards as the canvas does. */
export function compactLayout(items: readonly ({ id: string } & Layout)[]): Map<string, Layout> {
  const compacted = verticalCompactor.compact(
    items.map((item) => ({ i: item.id, ...clampLayout(item) })),
    GRID_COLUMNS,
  );
  return new Map(compacted.map((item) => [item.i, clampLayout(item)]));
}

function sharesColumns(a: Layout, b: Layout): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w;
}

export type NudgeDirection = "left" | "right" | "up" | "down";

type Placed = { id: string } & Layout;

/** Where `a` sits relative to `b` on a vertically packed grid. */
function verticalRelation(a: Layout, b: Layout): "above" | "below" | "beside" {
  if (a.y + a.h <= b.y) return "above";
  if (b.y + b.h <= a.y) return "below";
  return "beside";
}

/**
 * Whether the move kept the order a builder sees. Packing after a move can push or lift other
 * widgets, and a builder who moves a tile must not find the chart that was under the table now
 * above it: every pair of other widgets keeps its vertical relation, and the moved widget changes
 * its relation to another only in the direction it was moved (down: it may end up below).
 */
function keepsOrder(before: readonly Placed[], after: ReadonlyMap<string, Layout>, moved: string, direction: NudgeDirection): boolean {
  const allowed = direction === "down" ? "below" : direction === "up" ? "above" : null;
  for (const a of before) {
    for (const b of before) {
      if (a.id === b.id) continue;
      const afterA = after.get(a.id);
      const afterB = after.get(b.id);
      if (!afterA || !afterB) return false;
      // The pair (other, moved) is judged as (moved, other).
      if (b.id === moved) continue;
      const now = verticalRelation(afterA, afterB);
      if (now === verticalRelation(a, b) || (a.id === moved && now === allowed)) continue;
      return false;
    }
  }
  return true;
}

/**
 * The layouts after moving widget `id` one step with the keyboard: left/right by a column,
 * up/down past the nearest widget above/below in the same columns (a packed grid has no empty
 * row to move into). Other widgets keep their order: a move that would make one jump over
 * another is not made, and the layout stays as it was.
 */
export function nudgeLayout(widgets: readonly Widget[], id: string, direction: NudgeDirection): Map<string, Layout> {
  const all: Placed[] = widgets.map((widget) => ({ id: widget.id, ...clampLayout(widget.layout) }));
  const unchanged = compactLayout(all);
  const item = all.find((candidate) => candidate.id === id);
  if (!item) return unchanged;
  if (direction === "left" || direction === "right") {
    const x = Math.min(GRID_COLUMNS - item.w, Math.max(0, item.x + (direction === "left" ? -1 : 1)));
    const items = cloneLayout(toGridLayout(widgets));
    const gridItem = items.find((candidate) => candidate.i === id);
    if (!gridItem) return unchanged;
    const moved = moveElement(items, gridItem, x, gridItem.y, true, false, "vertical", GRID_COLUMNS);
    const result = compactLayout(moved.map((entry) => ({ id: entry.i, x: entry.x, y: entry.y, w: entry.w, h: entry.h })));
    return keepsOrder(all, result, id, direction) ? result : unchanged;
  }
  const others = all.filter((candidate) => candidate.id !== id && sharesColumns(candidate, item));
  const neighbour =
    direction === "down"
      ? others.filter((candidate) => candidate.y > item.y).sort((a, b) => a.y - b.y)[0]
      : others.filter((candidate) => candidate.y < item.y).sort((a, b) => b.y - a.y)[0];
  if (!neighbour) return unchanged;
  // Room is made at the target row by shifting everything from there down, then the grid is
  // packed again; the widget is first at its row, so packing keeps it where it was put.
  const target = direction === "down" ? neighbour.y + neighbour.h : neighbour.y;
  const placed = all.map((entry) => (entry.id === id ? { ...entry, y: target } : entry.y >= target ? { ...entry, y: entry.y + item.h } : entry));
  const result = compactLayout(placed);
  return keepsOrder(all, result, id, direction) ? result : unchanged;
}
