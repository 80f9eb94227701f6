// What a button's confirmation says about a write query, from its rolled-back preview run.
import type { QueryResult } from "@/lib/schemas/queries";

/** "It changes 3 rows (id 4, 5, 9)." from a write's preview, or why it could not be previewed. */
export function previewSummary(queryId: string, result: QueryResult): { ok: true; text: string } | { ok: false; text: string } {
  if (!result.ok) return { ok: false, text: `${queryId} cannot run: ${result.error.message}` };
  const rows = result.affectedRows;
  if (typeof rows !== "number") return { ok: true, text: `It changes data through ${queryId}.` };
  const count = rows === 1 ? "1 row" : `${rows.toLocaleString("en-US")} rows`;
  if (rows === 0) return { ok: true, text: "It changes no rows right now." };
  // Name the rows by their first column (usually the key), as the preview sampled them.
  const sample = result.preview?.before ?? result.preview?.after ?? null;
  const first = sample?.columns[0]?.name;
  const values = first === undefined ? [] : (sample?.rows ?? []).slice(0, 5).map((row) => String(row[first] ?? "null"));
  const named = values.length > 0 ? ` (${first} ${values.join(", ")}${rows > values.length ? ", …" : ""})` : "";
  return { ok: true, text: `It changes ${count}${named}.` };
}
