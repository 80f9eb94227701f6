/**
 * Everything that must be true before the server takes requests: migrations applied, the demo
 * database generated, the workspace seeded, and bulk action runs a previous server left running
 * marked interrupted (resumable). Called by `npm start` and by the test set-up.
 */
import { applyMigrations } from "@/server/db/migrate";
import { createDb } from "@/server/db/client";
import { demoDatabaseFile, metadataDatabaseUrl, sqliteFileFromUrl } from "@/server/config/paths";
import { ensureAcmeOps } from "@/server/demo/acme-ops";
import { seedWorkspace, type SeedResult } from "@/server/seed/seed-workspace";
import { recoverInterruptedRuns } from "@/server/actions/runs/action-runner";

export interface PrepareResult extends SeedResult {
  appliedMigrations: string[];
  createdDemoDatabase: boolean;
  interruptedRuns: number;
}

export async function prepareInstallation(): Promise<PrepareResult> {
  const url = metadataDatabaseUrl();
  const { applied } = applyMigrations({ file: sqliteFileFromUrl(url) });
  const demoFile = demoDatabaseFile();
  const { created } = await ensureAcmeOps(demoFile);
  const db = createDb(url);
  try {
    const seeded = await seedWorkspace({ db, demoDatabaseFile: demoFile });
    // The server is not up yet, so nothing can be running: whatever says "running" was cut off.
    const { runs } = await recoverInterruptedRuns(db);
    return { ...seeded, appliedMigrations: applied, createdDemoDatabase: created, interruptedRuns: runs };
  } finally {
    await db.$disconnect();
  }
}
