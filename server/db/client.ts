/**
 * The one Prisma client for Rowcraft's metadata, on the SQLite driver adapter. Kept on
 * globalThis in development so hot reloads do not open a new connection each time.
 */
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@/generated/prisma/client";
import { metadataDatabaseUrl } from "@/server/config/paths";

export type Db = PrismaClient;

export function createDb(url: string = metadataDatabaseUrl()): Db {
  const adapter = new PrismaBetterSqlite3({ url });
  return new PrismaClient({ adapter });
}

const globalForDb = globalThis as unknown as { rowcraftDb?: Db };

export const db: Db = globalForDb.rowcraftDb ?? createDb();
if (process.env.NODE_ENV !== "production") globalForDb.rowcraftDb = db;
