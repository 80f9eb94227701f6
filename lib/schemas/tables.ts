/** The table editor's API shapes: which table, which window of rows, and the staged changes to save. */
import { z } from "zod";
import { tableViewSchema } from "@/lib/schemas/table-view";

export const tableRefSchema = z.object({ schema: z.string().max(200).nullable(), name: z.string().min(1).max(200) });
export type TableRefInput = z.infer<typeof tableRefSchema>;

const cellValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);
const rowValues = z.record(z.string(), cellValue);

export const browseTableInput = z.object({
  datasourceId: z.string().min(1),
  table: tableRefSchema,
  view: tableViewSchema.default({ sort: [], filters: [] }),
  offset: z.number().int().min(0).default(0),
  /** Up to the client row limit in one go (the whole table when it fits). */
  limit: z.number().int().min(1).max(100_000).default(100_000),
  /** Count the matching rows too (first load and after a filter change). */
  withCount: z.boolean().default(true),
  /**
   * The primary key of the row just before `offset` in this view, when the client holds it (the
   * previous block's last row): a view in key order then continues after it (keyset) instead of
   * skipping `offset` rows. Integer keys only: they compare in SQL exactly as they arrived in JSON.
   */
  afterKey: z.number().int().optional(),
  /** The number of rows matching the view, as the client last counted them: deep pages in key order are then found from the nearer end. */
  knownTotal: z.number().int().min(0).optional(),
});
export type BrowseTableInput = z.infer<typeof browseTableInput>;

export const saveTableChangesInput = z.object({
  datasourceId: z.string().min(1),
  table: tableRefSchema,
  updates: z
    .array(z.object({ key: rowValues, changes: z.record(z.string(), z.object({ before: cellValue, after: cellValue })) }))
    .max(10_000)
    .default([]),
  inserts: z.array(rowValues).max(1_000).default([]),
  deletes: z.array(rowValues).max(10_000).default([]),
  /** Keys (JSON of the key object) whose conflicts the user chose to overwrite knowingly. */
  overwrite: z.array(z.string()).max(10_000).default([]),
});
export type SaveTableChangesInput = z.infer<typeof saveTableChangesInput>;

export interface EditorColumn {
  name: string;
  dataType: string;
  nullable: boolean;
  isPrimaryKey: boolean;
  editable: boolean;
}

export interface SaveConflict {
  /** JSON of the key object: the identity the client uses for overwrite choices. */
  keyId: string;
  key: Record<string, unknown>;
  /** The row as it is in the database now, or null when it was deleted meanwhile. */
  theirs: Record<string, unknown> | null;
}

export type SaveTableChangesResult =
  | { ok: true; updated: number; inserted: number; deleted: number }
  | { ok: false; reason: "conflict"; conflicts: SaveConflict[] }
  | { ok: false; reason: "error"; message: string };

/** Stable identity of a row key, independent of property order. */
export function keyId(key: Record<string, unknown>): string {
  return JSON.stringify(Object.keys(key).sort().map((column) => [column, key[column]]));
}
