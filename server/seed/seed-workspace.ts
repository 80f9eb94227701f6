/**
 * First-start seeding: the demo users (only when there are no users at all, so an admin who
 * deletes them is not overridden), the embedded "Acme Ops" data source and the demo apps on it.
 * Idempotent.
 */
import type { Db } from "@/server/db/client";
import { DEFAULT_POLICY, type Policy } from "@/lib/schemas/datasources";
import { hashPassword } from "@/server/auth/password";
import { sealConnection } from "@/server/datasources/stored-datasource";
import { recordAuditEvent } from "@/server/audit/record-audit-event";
import { DEMO_PASSWORD, DEMO_USERS } from "@/server/seed/demo-users";
import { seedDemoApps } from "@/server/seed/seed-demo-apps";
import { DEMO_SOURCE } from "@/lib/app-document/demo-apps";

export const DEMO_DATASOURCE_NAME = DEMO_SOURCE;

/** Ops tools edit order notes/status and tickets, so the demo allows writing those two tables. */
export const DEMO_POLICY: Policy = { ...DEFAULT_POLICY, write: ["orders", "support_tickets"] };

export interface SeedResult {
  createdUsers: boolean;
  createdDatasource: boolean;
  /** Names of the demo apps created now. */
  createdApps: string[];
}

export async function seedWorkspace(options: { db: Db; demoDatabaseFile: string }): Promise<SeedResult> {
  const { db } = options;
  let createdUsers = false;
  if ((await db.user.count()) === 0) {
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    for (const user of DEMO_USERS) {
      await db.user.create({ data: { ...user, passwordHash } });
    }
    await recordAuditEvent({ db, actor: null, action: "workspace.seed_users", detail: { emails: DEMO_USERS.map((user) => user.email) } });
    createdUsers = true;
  }
  let createdDatasource = false;
  if (!(await db.dataSource.findFirst({ where: { isDemo: true } }))) {
    const row = await db.dataSource.create({
      data: {
        name: DEMO_DATASOURCE_NAME,
        kind: "sqlite",
        isDemo: true,
        configEncrypted: sealConnection({ kind: "sqlite", file: options.demoDatabaseFile }),
        policy: JSON.stringify(DEMO_POLICY),
      },
    });
    await recordAuditEvent({ db, actor: null, action: "datasource.create", target: { type: "datasource", id: row.id }, detail: { name: row.name, demo: true } });
    createdDatasource = true;
  }
  const createdApps = await seedDemoApps(db);
  return { createdUsers, createdDatasource, createdApps };
}
