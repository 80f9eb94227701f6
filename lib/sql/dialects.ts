/** The SQL dialect of each data source kind, as the guard, the formatter and the editor name it. */
import type { DatasourceKind } from "@/lib/schemas/datasources";

export type Dialect = "postgres" | "mysql" | "sqlite";

export function dialectOf(kind: DatasourceKind): Dialect {
  return kind;
}

/** sql-formatter's language names. MariaDB and MySQL format the same for our purposes. */
export const FORMATTER_LANGUAGE = { postgres: "postgresql", mysql: "mysql", sqlite: "sqlite" } as const satisfies Record<Dialect, string>;
