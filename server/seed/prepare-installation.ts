/**
 * Everything that must be true before the server takes requests: migrations applied, the demo
 * database generated, the workspace seeded. Called by `npm start` and by the test set-up.
 */
import { applyMigrations } from "@/server/db/migrate";
import { createDb } from "@/server/db/client";
import { demoDatabaseFile, metadataDatabaseUrl, sqliteFileFromUrl } from "@/server/config/paths";
import { ensureAcmeOps } from "@/server/demo/acme-ops";
import { seedWorkspace, type SeedResult } from "@/server/seed/seed-workspace";

export interface PrepareResult extends SeedResult {
  appliedMigrations: string[];
  createdDemoDatabase: boolean;
}

export async function prepareInstallation(): Promise<PrepareResult> {
  const url = metadataDatabaseUrl();
  const { applied } = applyMigrations({ file: sqliteFileFromUrl(url) });
  const demoFile = demoDatabaseFile();
  const { created } = await ensureAcmeOps(demoFile);
  const db = createDb(url);
  try {
    const seeded = await seedWorkspace({ db, demoDatabaseFile: demoFile });
    return { ...seeded, appliedMigrations: applied, createdDemoDatabase: created };
  } finally {
    await db.$disconnect();
  }
}
