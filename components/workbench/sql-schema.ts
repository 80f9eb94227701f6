/** Turns an introspected schema into CodeMirror's completion namespace. */
import type { SQLNamespace } from "@codemirror/lang-sql";

interface SchemaLike {
  tables: { schema: string | null; name: string; columns: { name: string }[] }[];
}

export function completionNamespace(schema: SchemaLike): SQLNamespace {
  const namespace: Record<string, Record<string, string[]> | string[]> = {};
  for (const table of schema.tables) {
    const columns = table.columns.map((column) => column.name);
    if (table.schema) {
      const inSchema = (namespace[table.schema] ??= {}) as Record<string, string[]>;
      inSchema[table.name] = columns;
    } else {
      namespace[table.name] = columns;
    }
  }
  return namespace;
}
