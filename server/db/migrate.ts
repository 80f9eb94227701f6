/**
 * Applies the committed Prisma migrations (prisma/migrations/<name>/migration.sql) to the
 * SQLite metadata database at start-up. Prisma 7's own `migrate deploy` needs a native schema
 * engine that cannot be downloaded on our machines, so we apply the same files ourselves and
 * record them in `_prisma_migrations` exactly as Prisma does (checksum = sha256 hex of the
 * file), which keeps `prisma migrate status` and `migrate deploy` working wherever the real
 * engine is available.
 */
import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

export interface MigrationResult {
  applied: string[];
  alreadyApplied: number;
}

const MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;

export function migrationsDir(): string {
  return path.resolve("prisma/migrations");
}

export function applyMigrations(options: { file: string; dir?: string }): MigrationResult {
  const dir = options.dir ?? migrationsDir();
  fs.mkdirSync(path.dirname(options.file), { recursive: true });
  const db = new Database(options.file);
  try {
    db.pragma("journal_mode = WAL");
    db.pragma("busy_timeout = 10000");
    db.exec(MIGRATIONS_TABLE);
    const names = fs
      .readdirSync(dir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
    const done = db
      .prepare(`SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`)
      .all() as { migration_name: string; checksum: string }[];
    const doneByName = new Map(done.map((row) => [row.migration_name, row.checksum]));
    const applied: string[] = [];
    for (const name of names) {
      const sql = fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      const checksum = createHash("sha256").update(sql).digest("hex");
      const previous = doneByName.get(name);
      if (previous !== undefined) {
        if (previous !== checksum) {
          throw new Error(`Migration ${name} was edited after it was applied (checksum differs). Add a new migration instead of editing an applied one.`);
        }
        continue;
      }
      // IMMEDIATE takes the write lock up front, so two starting processes cannot both apply it.
      db.transaction(() => {
        const again = db.prepare(`SELECT 1 FROM "_prisma_migrations" WHERE migration_name = ? AND finished_at IS NOT NULL`).get(name);
        if (again) return;
        const id = randomUUID();
        db.prepare(`INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count) VALUES (?, ?, ?, ?, 0)`).run(id, checksum, name, Date.now());
        db.exec(sql);
        db.prepare(`UPDATE "_prisma_migrations" SET finished_at = ?, applied_steps_count = 1 WHERE id = ?`).run(Date.now(), id);
        applied.push(name);
      }).immediate();
    }
    return { applied, alreadyApplied: names.length - applied.length };
  } finally {
    db.close();
  }
}
