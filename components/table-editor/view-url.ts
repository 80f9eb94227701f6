/**
 * The grid's view state in the URL, so a link reproduces what the user sees:
 * `sort=status:asc,total_cents:desc`, `hide=notes,updated_at`, and one `f.<column>=<json>` per
 * filter. Parsing is defensive: a hand-edited URL with junk simply drops that part.
 */
import { gridFilterSchema, type TableView } from "@/lib/schemas/table-view";

export interface UrlViewState {
  sorting: { id: string; desc: boolean }[];
  columnFilters: { id: string; value: unknown }[];
  columnVisibility: Record<string, boolean>;
}

export function readViewState(params: URLSearchParams): UrlViewState {
  const sorting = (params.get("sort") ?? "")
    .split(",")
    .filter(Boolean)
    .map((part) => {
      const at = part.lastIndexOf(":");
      return at > 0 ? { id: part.slice(0, at), desc: part.slice(at + 1) === "desc" } : { id: part, desc: false };
    });
  const columnFilters: UrlViewState["columnFilters"] = [];
  for (const [name, value] of params.entries()) {
    if (!name.startsWith("f.")) continue;
    try {
      const parsed = gridFilterSchema.safeParse(JSON.parse(value));
      if (parsed.success) columnFilters.push({ id: name.slice(2), value: parsed.data });
    } catch {
      // Not JSON: ignore this filter.
    }
  }
  const columnVisibility = Object.fromEntries((params.get("hide") ?? "").split(",").filter(Boolean).map((id) => [id, false]));
  return { sorting, columnFilters, columnVisibility };
}

/** Writes the view into `params` (keeping unrelated ones such as source and table). */
export function writeViewState(params: URLSearchParams, state: UrlViewState): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const name of [...next.keys()]) if (name.startsWith("f.") || name === "sort" || name === "hide") next.delete(name);
  if (state.sorting.length) next.set("sort", state.sorting.map((sort) => `${sort.id}:${sort.desc ? "desc" : "asc"}`).join(","));
  for (const filter of state.columnFilters) next.set(`f.${filter.id}`, JSON.stringify(filter.value));
  const hidden = Object.entries(state.columnVisibility).filter(([, visible]) => !visible).map(([id]) => id);
  if (hidden.length) next.set("hide", hidden.join(","));
  return next;
}

/** The part of the view the server can push down (server-paged mode). */
export function toServerView(state: UrlViewState): TableView {
  return {
    sort: state.sorting,
    filters: state.columnFilters.flatMap((filter) => {
      const parsed = gridFilterSchema.safeParse(filter.value);
      return parsed.success ? [{ id: filter.id, value: parsed.data }] : [];
    }),
  };
}
