/**
 * The last mapping a builder used for an action on a table, kept in this browser
 * (localStorage), so the next run on that table starts from it. Values typed at run time are
 * never kept. Anything unreadable is ignored (the suggestion is used instead).
 */
import { z } from "zod";
import type { Mapping } from "./mapping";

const entrySchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("column"), column: z.string() }),
  z.object({ kind: z.literal("constant"), text: z.string() }),
  z.object({ kind: z.literal("runtime") }),
  z.object({ kind: z.literal("empty") }),
]);
const mappingSchema = z.record(z.string(), entrySchema);

const storageKey = (scope: string, action: string) => `rowcraft.actionMapping.${scope}.${action}`;

export function loadMapping(scope: string, action: string): Mapping | null {
  try {
    const text = window.localStorage.getItem(storageKey(scope, action));
    if (!text) return null;
    const parsed = mappingSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function saveMapping(scope: string, action: string, mapping: Mapping): void {
  try {
    window.localStorage.setItem(storageKey(scope, action), JSON.stringify(mapping));
  } catch {
    // Storage full or disabled: the suggestion is used next time.
  }
}
