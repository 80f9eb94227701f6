// The builder's edits of an app document as pure functions: each takes a document and returns
// a new one (never mutating), so every edit can go on the undo history as it is.
import { GRID_COLUMNS, type AppDocument, type AppQuery, type Layout, type Page, type Widget } from "@/lib/app-document";
import { compactLayout, layoutBottom } from "./grid-layout";
import { countReferences, renameReferences } from "./name-references";
import { createWidget, paletteEntry, type PaletteKind } from "./widget-defaults";

/** Every name bindings can use in the app: query and widget ids. */
export function usedNames(doc: AppDocument): Set<string> {
  const names = new Set<string>(doc.queries.map((query) => query.id));
  for (const page of doc.pages) for (const widget of page.widgets) names.add(widget.id);
  return names;
}

/** `base` followed by the smallest number ≥ 1 that makes a free name: table1, table2, … */
export function uniqueName(doc: AppDocument, base: string): string {
  const names = usedNames(doc);
  for (let n = 1; ; n += 1) {
    const candidate = `${base}${n}`;
    if (!names.has(candidate)) return candidate;
  }
}

/** The id base of a copy: `ordersTable2` → `ordersTable`. */
function baseOf(id: string): string {
  return id.replace(/\d+$/, "") || id;
}

export interface WidgetLocation {
  pageIndex: number;
  widgetIndex: number;
  page: Page;
  widget: Widget;
}

export function findWidget(doc: AppDocument, id: string): WidgetLocation | null {
  for (const [pageIndex, page] of doc.pages.entries()) {
    const widgetIndex = page.widgets.findIndex((widget) => widget.id === id);
    const widget = page.widgets[widgetIndex];
    if (widget) return { pageIndex, widgetIndex, page, widget };
  }
  return null;
}

function mapPage(doc: AppDocument, pageId: string, fn: (page: Page) => Page): AppDocument {
  return { ...doc, pages: doc.pages.map((page) => (page.id === pageId ? fn(page) : page)) };
}

/** Pages keep their widgets packed to the top, as the canvas shows them. */
function withWidgets(page: Page, widgets: Widget[]): Page {
  const layouts = compactLayout(widgets.map((widget) => ({ id: widget.id, ...widget.layout })));
  return { ...page, widgets: widgets.map((widget) => ({ ...widget, layout: layouts.get(widget.id) ?? widget.layout })) };
}

/** Adds a widget from the palette at `at` (a drop position) or below everything on the page. */
export function addWidget(
  doc: AppDocument,
  pageId: string,
  kind: PaletteKind,
  options: {
    at?: { x: number; y: number };
    actionName?: string | null;
    /** Where the other widgets are now (the canvas made room for a drop). */
    arrange?: ReadonlyMap<string, Layout>;
  } = {},
): { doc: AppDocument; id: string } {
  const entry = paletteEntry(kind);
  const page = doc.pages.find((candidate) => candidate.id === pageId);
  if (!page) return { doc, id: "" };
  const id = uniqueName(doc, entry.idBase);
  const w = Math.min(entry.size.w, GRID_COLUMNS);
  const x = Math.max(0, Math.min(options.at?.x ?? 0, GRID_COLUMNS - w));
  const y = options.at?.y ?? layoutBottom(page.widgets.map((widget) => widget.layout));
  const widget = createWidget(kind, id, { x, y, w, h: entry.size.h }, doc, options.actionName ?? null);
  const place = (current: Widget): Widget => {
    const layout = options.arrange?.get(current.id);
    return layout ? { ...current, layout } : current;
  };
  return { doc: mapPage(doc, pageId, (current) => withWidgets(current, [...current.widgets.map(place), widget])), id };
}

export function updateWidget(doc: AppDocument, id: string, fn: (widget: Widget) => Widget): AppDocument {
  return {
    ...doc,
    pages: doc.pages.map((page) => (page.widgets.some((widget) => widget.id === id) ? { ...page, widgets: page.widgets.map((widget) => (widget.id === id ? fn(widget) : widget)) } : page)),
  };
}

/** Writes the canvas's layout back (after a drag, a resize or a nudge). */
export function setLayouts(doc: AppDocument, pageId: string, layouts: ReadonlyMap<string, Layout>): AppDocument {
  return mapPage(doc, pageId, (page) => ({ ...page, widgets: page.widgets.map((widget) => ({ ...widget, layout: layouts.get(widget.id) ?? widget.layout })) }));
}

export function deleteWidget(doc: AppDocument, id: string): AppDocument {
  const found = findWidget(doc, id);
  if (!found) return doc;
  return mapPage(doc, found.page.id, (page) => withWidgets(page, page.widgets.filter((widget) => widget.id !== id)));
}

/** Copies a widget under a new id, right below the original. */
export function duplicateWidget(doc: AppDocument, id: string): { doc: AppDocument; id: string } {
  const found = findWidget(doc, id);
  if (!found) return { doc, id };
  const copyId = uniqueName(doc, baseOf(id));
  const { layout } = found.widget;
  const copy = { ...structuredClone(found.widget), id: copyId, layout: { ...layout, y: layout.y + layout.h } };
  return {
    doc: mapPage(doc, found.page.id, (page) => {
      // Everything at or below the copy's row moves down to make room for it.
      const moved = page.widgets.map((widget) => (widget.layout.y >= copy.layout.y ? { ...widget, layout: { ...widget.layout, y: widget.layout.y + layout.h } } : widget));
      const widgets = [...moved];
      widgets.splice(found.widgetIndex + 1, 0, copy);
      return withWidgets(page, widgets);
    }),
    id: copyId,
  };
}

export type RenameResult = { ok: true; doc: AppDocument; rewritten: number } | { ok: false; message: string };

/**
 * Renames a widget or query and rewrites every binding that uses the old name, so nothing
 * breaks silently. Refuses a name another widget or query has.
 */
export function renameName(doc: AppDocument, from: string, to: string): RenameResult {
  if (from === to) return { ok: true, doc, rewritten: 0 };
  if (usedNames(doc).has(to)) return { ok: false, message: `"${to}" is already used in this app; names must be unique.` };
  const rewritten = countReferences(doc, from);
  const renamed = renameReferences(doc, from, to);
  const next: AppDocument = {
    ...renamed,
    queries: renamed.queries.map((query) => (query.id === from ? { ...query, id: to } : query)),
    pages: renamed.pages.map((page) => ({ ...page, widgets: page.widgets.map((widget) => (widget.id === from ? { ...widget, id: to } : widget)) })),
  };
  return { ok: true, doc: next, rewritten };
}

// Pages

function uniquePageId(doc: AppDocument): { id: string; n: number } {
  const ids = new Set(doc.pages.map((page) => page.id));
  for (let n = doc.pages.length + 1; ; n += 1) {
    if (!ids.has(`page${n}`)) return { id: `page${n}`, n };
  }
}

export function addPage(doc: AppDocument): { doc: AppDocument; id: string } {
  const { id, n } = uniquePageId(doc);
  return { doc: { ...doc, pages: [...doc.pages, { id, name: `Page ${n}`, widgets: [] }] }, id };
}

export function renamePage(doc: AppDocument, pageId: string, name: string): AppDocument {
  return mapPage(doc, pageId, (page) => ({ ...page, name }));
}

/** Removes a page and its widgets; an app keeps at least one page. */
export function deletePage(doc: AppDocument, pageId: string): AppDocument {
  if (doc.pages.length <= 1) return doc;
  return { ...doc, pages: doc.pages.filter((page) => page.id !== pageId) };
}

// Queries

export function addQuery(doc: AppDocument, datasource: string): { doc: AppDocument; id: string } {
  const id = uniqueName(doc, "query");
  // Like Retool's default for reads: run on load and again when a value the SQL binds changes.
  const query: AppQuery = { id, datasource, sql: "SELECT 1 AS value", mode: "read", trigger: { kind: "onInputChange", debounceMs: 300 } };
  return { doc: { ...doc, queries: [...doc.queries, query] }, id };
}

export function updateQuery(doc: AppDocument, id: string, fn: (query: AppQuery) => AppQuery): AppDocument {
  return { ...doc, queries: doc.queries.map((query) => (query.id === id ? fn(query) : query)) };
}

export function deleteQuery(doc: AppDocument, id: string): AppDocument {
  return { ...doc, queries: doc.queries.filter((query) => query.id !== id) };
}

export function duplicateQuery(doc: AppDocument, id: string): { doc: AppDocument; id: string } {
  const index = doc.queries.findIndex((query) => query.id === id);
  const original = doc.queries[index];
  if (!original) return { doc, id };
  const copyId = uniqueName(doc, baseOf(id));
  const queries = [...doc.queries];
  queries.splice(index + 1, 0, { ...structuredClone(original), id: copyId });
  return { doc: { ...doc, queries }, id: copyId };
}
