// A readable diff between two versions of an app document, for the versions view: what a
// builder asks about a change ("which widgets moved, which binding changed, what happened to
// the SQL"), not a JSON patch. Pages, widgets and queries are matched by id, so a rename or a
// move is a change of one item rather than a removal plus an addition. The order of every list
// follows the documents (the "after" one first, then what only "before" had), so the same two
// versions always give the same diff.
import { diffLines } from "diff";
import type { AppDocument, AppQuery, Layout, Widget } from "./schema";

/** One changed value, `path` relative to the item (`props.data`, `trigger`, `name`). */
export interface ValueChange {
  path: string;
  before: unknown;
  after: unknown;
}

export type PageChange =
  | { kind: "added"; id: string; name: string }
  | { kind: "removed"; id: string; name: string }
  | { kind: "renamed"; id: string; before: string; after: string };

export type WidgetChange =
  /** `props`: what the added widget holds, one value per property (`before` is undefined). */
  | { kind: "added"; id: string; type: Widget["type"]; page: string; props: ValueChange[] }
  | { kind: "removed"; id: string; type: Widget["type"]; page: string }
  | {
      kind: "changed";
      id: string;
      type: Widget["type"];
      page: string;
      /** Set when the widget went to another page (page names). */
      movedPage?: { before: string; after: string };
      /** Set when its place or size on the grid changed. */
      moved?: { before: Layout; after: Layout };
      changes: ValueChange[];
    };

export interface SqlLine {
  kind: "added" | "removed" | "same";
  text: string;
}

export type QueryChange =
  | { kind: "added"; id: string; datasource: string; mode: AppQuery["mode"] }
  | { kind: "removed"; id: string; datasource: string; mode: AppQuery["mode"] }
  /** `changes` holds datasource, mode and trigger; `sql` the line diff when the SQL changed. */
  | { kind: "changed"; id: string; changes: ValueChange[]; sql: SqlLine[] | null };

type Principals = NonNullable<NonNullable<AppDocument["permissions"]>["use"]>;

/** `null` principals mean the default (everyone signed in may use; builders may edit). */
export interface PermissionChange {
  section: "use" | "edit";
  before: Principals | null;
  after: Principals | null;
  rolesAdded: string[];
  rolesRemoved: string[];
  usersAdded: string[];
  usersRemoved: string[];
}

export interface AppDiff {
  /** App name and slug. */
  app: ValueChange[];
  pages: PageChange[];
  widgets: WidgetChange[];
  queries: QueryChange[];
  permissions: PermissionChange[];
  summary: { added: number; removed: number; changed: number; total: number };
}

/** A value as one line of text: strings as written (bindings stay readable), the rest as JSON. */
export function formatDiffValue(value: unknown): string {
  if (value === undefined) return "(not set)";
  if (typeof value === "string") return value === "" ? '""' : value;
  return JSON.stringify(value);
}

/** `props.data: {{ a.data }} → {{ b.data }}` */
export function describeValueChange(change: ValueChange): string {
  return `${change.path}: ${formatDiffValue(change.before)} → ${formatDiffValue(change.after)}`;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function isLeafArray(value: unknown): boolean {
  return Array.isArray(value) && value.every((item) => !isPlainObject(item) && !Array.isArray(item));
}

/**
 * Leaf-level changes between two values: objects are walked key by key (sorted), arrays of
 * objects item by item (`columns[2].label`); strings, numbers and lists of plain values are
 * compared whole, so `y: ["revenue"] → ["revenue","refunds"]` reads as one change.
 */
export function valueChanges(before: unknown, after: unknown, path = ""): ValueChange[] {
  if (sameValue(before, after)) return [];
  const join = (key: string | number): string => (typeof key === "number" ? `${path}[${key}]` : path ? `${path}.${key}` : key);
  if (isPlainObject(before) && isPlainObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((key) => valueChanges(before[key], after[key], join(key)));
  }
  if (Array.isArray(before) && Array.isArray(after) && !(isLeafArray(before) && isLeafArray(after))) {
    const length = Math.max(before.length, after.length);
    return Array.from({ length }, (_, i) => valueChanges(before[i], after[i], join(i))).flat();
  }
  return [{ path, before, after }];
}

/** Items of both lists by id: those of `after` in its order, then those only in `before`. */
function matchById<T extends { id: string }>(before: readonly T[], after: readonly T[]): { id: string; before?: T; after?: T }[] {
  const beforeById = new Map<string, T>();
  for (const item of before) if (!beforeById.has(item.id)) beforeById.set(item.id, item);
  const seen = new Set<string>();
  const pairs: { id: string; before?: T; after?: T }[] = [];
  for (const item of after) {
    if (seen.has(item.id)) continue;
    seen.add(item.id);
    const old = beforeById.get(item.id);
    pairs.push(old ? { id: item.id, before: old, after: item } : { id: item.id, after: item });
  }
  for (const item of beforeById.values()) if (!seen.has(item.id)) pairs.push({ id: item.id, before: item });
  return pairs;
}

function diffPages(before: AppDocument, after: AppDocument): PageChange[] {
  const changes: PageChange[] = [];
  for (const pair of matchById(before.pages, after.pages)) {
    if (pair.before && pair.after) {
      if (pair.before.name !== pair.after.name) changes.push({ kind: "renamed", id: pair.id, before: pair.before.name, after: pair.after.name });
    } else if (pair.after) changes.push({ kind: "added", id: pair.id, name: pair.after.name });
    else if (pair.before) changes.push({ kind: "removed", id: pair.id, name: pair.before.name });
  }
  return changes;
}

interface PlacedWidget {
  id: string;
  widget: Widget;
  pageId: string;
  page: string;
}

function placedWidgets(document: AppDocument): PlacedWidget[] {
  return document.pages.flatMap((page) => page.widgets.map((widget) => ({ id: widget.id, widget, pageId: page.id, page: page.name })));
}

function diffWidgets(before: AppDocument, after: AppDocument): WidgetChange[] {
  const changes: WidgetChange[] = [];
  for (const pair of matchById(placedWidgets(before), placedWidgets(after))) {
    const old = pair.before;
    const now = pair.after;
    if (old && now) {
      const moved = sameValue(old.widget.layout, now.widget.layout) ? undefined : { before: old.widget.layout, after: now.widget.layout };
      // Pages by id: renaming a page does not move its widgets.
      const movedPage = old.pageId === now.pageId ? undefined : { before: old.page, after: now.page };
      const typeChange = old.widget.type === now.widget.type ? [] : [{ path: "type", before: old.widget.type, after: now.widget.type }];
      const propChanges = [...typeChange, ...valueChanges(old.widget.props, now.widget.props, "props")];
      if (!moved && !movedPage && propChanges.length === 0) continue;
      changes.push({
        kind: "changed",
        id: pair.id,
        type: now.widget.type,
        page: now.page,
        ...(movedPage ? { movedPage } : {}),
        ...(moved ? { moved } : {}),
        changes: propChanges,
      });
    } else if (now) changes.push({ kind: "added", id: pair.id, type: now.widget.type, page: now.page, props: valueChanges({}, now.widget.props, "props") });
    else if (old) changes.push({ kind: "removed", id: pair.id, type: old.widget.type, page: old.page });
  }
  return changes;
}

/** The SQL as lines marked added, removed or unchanged (a trailing newline is not a line). */
export function diffSql(before: string, after: string): SqlLine[] {
  const lines: SqlLine[] = [];
  for (const part of diffLines(before, after)) {
    const kind = part.added ? "added" : part.removed ? "removed" : "same";
    const texts = part.value.replace(/\n$/, "").split("\n");
    for (const text of texts) lines.push({ kind, text });
  }
  return lines;
}

function diffQueries(before: AppDocument, after: AppDocument): QueryChange[] {
  const changes: QueryChange[] = [];
  for (const pair of matchById(before.queries, after.queries)) {
    const old = pair.before;
    const now = pair.after;
    if (old && now) {
      const fieldChanges: ValueChange[] = [];
      if (old.datasource !== now.datasource) fieldChanges.push({ path: "datasource", before: old.datasource, after: now.datasource });
      if (old.mode !== now.mode) fieldChanges.push({ path: "mode", before: old.mode, after: now.mode });
      // The trigger as one value: "onInputChange, 300 ms" is read together.
      if (!sameValue(old.trigger, now.trigger)) fieldChanges.push({ path: "trigger", before: old.trigger, after: now.trigger });
      const sql = old.sql === now.sql ? null : diffSql(old.sql, now.sql);
      if (fieldChanges.length || sql) changes.push({ kind: "changed", id: pair.id, changes: fieldChanges, sql });
    } else if (now) changes.push({ kind: "added", id: pair.id, datasource: now.datasource, mode: now.mode });
    else if (old) changes.push({ kind: "removed", id: pair.id, datasource: old.datasource, mode: old.mode });
  }
  return changes;
}

function diffPermissions(before: AppDocument, after: AppDocument): PermissionChange[] {
  const changes: PermissionChange[] = [];
  for (const section of ["use", "edit"] as const) {
    const old = before.permissions?.[section] ?? null;
    const now = after.permissions?.[section] ?? null;
    if (sameValue(old, now)) continue;
    const oldRoles: readonly string[] = old?.roles ?? [];
    const newRoles: readonly string[] = now?.roles ?? [];
    const oldUsers = old?.users ?? [];
    const newUsers = now?.users ?? [];
    changes.push({
      section,
      before: old,
      after: now,
      rolesAdded: newRoles.filter((role) => !oldRoles.includes(role)),
      rolesRemoved: oldRoles.filter((role) => !newRoles.includes(role)),
      usersAdded: newUsers.filter((user) => !oldUsers.includes(user)),
      usersRemoved: oldUsers.filter((user) => !newUsers.includes(user)),
    });
  }
  return changes;
}

export function diffAppDocuments(before: AppDocument, after: AppDocument): AppDiff {
  const app: ValueChange[] = [];
  if (before.name !== after.name) app.push({ path: "name", before: before.name, after: after.name });
  if (before.slug !== after.slug) app.push({ path: "slug", before: before.slug, after: after.slug });
  const pages = diffPages(before, after);
  const widgets = diffWidgets(before, after);
  const queries = diffQueries(before, after);
  const permissions = diffPermissions(before, after);
  const kinds = [...pages, ...widgets, ...queries].map((change) => change.kind);
  const added = kinds.filter((kind) => kind === "added").length;
  const removed = kinds.filter((kind) => kind === "removed").length;
  const changed = kinds.length - added - removed + app.length + permissions.length;
  return { app, pages, widgets, queries, permissions, summary: { added, removed, changed, total: added + removed + changed } };
}
