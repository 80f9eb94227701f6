// Export and import of an app as a JSON file meant to live in git: keys sorted at every level,
// two-space indent (one property per line), a trailing newline — so two exports of the same
// app are byte-identical and a change shows as a small diff.
import type { Problem } from "./problems";
import { validateAppDocument, type ValidationContext } from "./validate";
import { appDocumentSchema, documentSizeProblem, type AppDocument } from "./schema";
import { formatPath } from "./problems";

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === "object") {
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const item: unknown = Reflect.get(value, key);
      if (item !== undefined) sorted[key] = sortKeys(item);
    }
    return sorted;
  }
  return value;
}

/** JSON with sorted keys and 2-space indent, ending in a newline. */
export function stableStringify(value: unknown): string {
  return `${JSON.stringify(sortKeys(value), null, 2)}\n`;
}

export type ImportResult = { ok: true; document: AppDocument; problems: Problem[] } | { ok: false; problems: Problem[] };

/**
 * Reads an exported app. Without `context` only the schema is checked; with it, the full
 * validation runs and its problems are returned beside the document (an import with unknown
 * data sources can still be opened in the builder to fix them).
 */
export function parseAppExport(text: string, context?: ValidationContext): ImportResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : "invalid JSON";
    return { ok: false, problems: [{ code: "schema", path: "", message: `The file is not valid JSON (${reason}).` }] };
  }
  const tooLarge = documentSizeProblem(json);
  if (tooLarge) return { ok: false, problems: [{ code: "schema", path: "", message: tooLarge }] };
  if (context) {
    const result = validateAppDocument(json, context);
    return result.document ? { ok: true, document: result.document, problems: result.problems } : { ok: false, problems: result.problems };
  }
  const parsed = appDocumentSchema.safeParse(json);
  if (!parsed.success) {
    return { ok: false, problems: parsed.error.issues.map((issue) => ({ code: "schema", path: formatPath(issue.path), message: issue.message })) };
  }
  return { ok: true, document: parsed.data, problems: [] };
}
