/**
 * A grid's view as the server understands it — sort and per-column filters, the same shapes the
 * grid keeps in its state (components/grid/filters.ts) — plus the window of rows wanted. Used to
 * push sort, filter and paging down to the database when a result is too big for the browser.
 */
import { z } from "zod";

export const gridFilterSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("contains"), text: z.string().max(1000) }),
  z.object({ kind: z.literal("range"), min: z.number().optional(), max: z.number().optional() }),
  z.object({ kind: z.literal("dateRange"), from: z.string().max(40).optional(), to: z.string().max(40).optional() }),
  z.object({ kind: z.literal("oneOf"), values: z.array(z.string().max(1000)).max(1000) }),
]);
export type ServerGridFilter = z.infer<typeof gridFilterSchema>;

export const tableViewSchema = z.object({
  sort: z.array(z.object({ id: z.string().min(1).max(200), desc: z.boolean() })).max(8).default([]),
  filters: z.array(z.object({ id: z.string().min(1).max(200), value: gridFilterSchema })).max(50).default([]),
});
export type TableView = z.infer<typeof tableViewSchema>;

/** Results up to this many rows are loaded whole into the browser; larger ones are paged by the server. */
export const CLIENT_ROW_LIMIT = 100_000;
