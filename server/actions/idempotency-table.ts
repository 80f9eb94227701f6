/**
 * DDL of the table that makes actions exactly-once in the TARGET database: a row per idempotency
 * key, written in the same transaction as the action's effect (see server/actions/idempotency.ts).
 * Kept dependency-free so the Acme Ops demo schema can include the SQLite form.
 */
import type { DatasourceKind } from "@/lib/schemas/datasources";

export const IDEMPOTENCY_TABLE = "action_idempotency";

export const IDEMPOTENCY_TABLE_DDL: Record<DatasourceKind, string> = {
  sqlite: `CREATE TABLE IF NOT EXISTS action_idempotency (
  idempotency_key TEXT PRIMARY KEY,
  action          TEXT NOT NULL,
  result_json     TEXT CHECK (result_json IS NULL OR json_valid(result_json)),
  created_at      TEXT NOT NULL
) STRICT`,
  postgres: `CREATE TABLE IF NOT EXISTS action_idempotency (
  idempotency_key text PRIMARY KEY,
  action          text NOT NULL,
  result_json     text,
  created_at      timestamptz NOT NULL DEFAULT now()
)`,
  mysql: `CREATE TABLE IF NOT EXISTS action_idempotency (
  idempotency_key VARCHAR(255) NOT NULL PRIMARY KEY,
  action          VARCHAR(255) NOT NULL,
  result_json     LONGTEXT,
  created_at      DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3)
) ENGINE = InnoDB`,
};
