/**
 * Test fixture: a fresh, migrated SQLite metadata database in a temp folder, with the demo
 * users, and helpers to sign in as any of them. Tests use the real migrator and the real
 * session code; only the cookie jar is an in-memory object instead of a browser.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createDb, type Db } from "@/server/db/client";
import { applyMigrations } from "@/server/db/migrate";
import { createSession } from "@/server/auth/sessions";
import type { CookieJar } from "@/server/auth/session-cookie";
import { seedWorkspace } from "@/server/seed/seed-workspace";
import { DEMO_USERS } from "@/server/seed/demo-users";
import { createContextInner, type Context } from "@/server/trpc/context";
import type { Role } from "@/lib/roles";

export interface TestMetadataDb {
  db: Db;
  dir: string;
  cleanup: () => Promise<void>;
}

export async function createTestMetadataDb(): Promise<TestMetadataDb> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rowcraft-meta-"));
  const file = path.join(dir, "rowcraft.db");
  applyMigrations({ file });
  const db = createDb(`file:${file}`);
  await seedWorkspace({ db, demoDatabaseFile: path.join(dir, "acme-ops.sqlite") });
  return {
    db,
    dir,
    cleanup: async () => {
      await db.$disconnect();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function memoryCookieJar(): CookieJar & { values: Map<string, string> } {
  const values = new Map<string, string>();
  return {
    values,
    get: (name) => values.get(name),
    set: (name, value) => void values.set(name, value),
    delete: (name) => void values.delete(name),
  };
}

/** A context signed in as the demo user with `role`, or anonymous when role is null. */
export async function contextAs(db: Db, role: Role | null): Promise<Context> {
  const jar = memoryCookieJar();
  if (role) {
    const demo = DEMO_USERS.find((user) => user.role === role);
    if (!demo) throw new Error(`No demo user has the role ${role}`);
    const user = await db.user.findUniqueOrThrow({ where: { email: demo.email } });
    await createSession({ db, jar, userId: user.id });
  }
  return createContextInner({ db, jar, clientAddress: "test" });
}
