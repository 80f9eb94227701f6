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

/**
 * The layouts after moving widget `id` one cell: left/right by a column (others make room),
 * up/down by swapping places with the nearest widget above/below in the same columns — a
 * vertically packed grid has no empty row to move into.
 */
export function nudgeLayout(widgets: readonly Widget[], id: string, direction: NudgeDirection): Map<string, Layout> {
  const items = cloneLayout(toGridLayout(widgets));
  const item = items.find((candidate) => candidate.i === id);
  if (!item) return fromGridLayout(items, new Set(widgets.map((widget) => widget.id)));
  if (direction === "left" || direction === "right") {
    const x = Math.min(GRID_COLUMNS - item.w, Math.max(0, item.x + (direction === "left" ? -1 : 1)));
    const moved = moveElement(items, item, x, item.y, true, false, "vertical", GRID_COLUMNS);
    return compactLayout(moved.map((entry) => ({ id: entry.i, x: entry.x, y: entry.y, w: entry.w, h: entry.h })));
  }
  const others = items.filter((candidate) => candidate.i !== id && sharesColumns(candidate, item));
  const neighbour =
    direction === "down"
      ? others.filter((candidate) => candidate.y > item.y).sort((a, b) => a.y - b.y)[0]
      : others.filter((candidate) => candidate.y < item.y).sort((a, b) => b.y - a.y)[0];
  const all = items.map((entry) => ({ id: entry.i, x: entry.x, y: entry.y, w: entry.w, h: entry.h }));
  if (!neighbour) return compactLayout(all);
  const swapped = all.map((entry) => {
    if (entry.id === id) return direction === "down" ? { ...entry, y: neighbour.y + neighbour.h - 1 } : { ...entry, y: neighbour.y };
    if (entry.id === neighbour.i) return direction === "down" ? { ...entry, y: item.y } : { ...entry, y: item.y + item.h - 1 };
    return entry;
  });
  return compactLayout(swapped);
}
