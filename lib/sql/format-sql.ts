/**
 * Formats SQL with sql-formatter in the source's dialect. `{{ expression }}` templates are
 * declared as custom parameters, so the formatter keeps them whole instead of splitting them.
 */
import { format } from "sql-formatter";
import { FORMATTER_LANGUAGE, type Dialect } from "@/lib/sql/dialects";

export function formatSql(sql: string, dialect: Dialect): string {
  return format(sql, {
    language: FORMATTER_LANGUAGE[dialect],
    keywordCase: "upper",
    tabWidth: 2,
    paramTypes: { custom: [{ regex: String.raw`\{\{[\s\S]*?\}\}` }] },
  });
}
