/**
 * Prisma CLI configuration. Prisma 7's CLI insists on a native schema-engine binary that
 * cannot be downloaded here; `generate` only checks that the file exists, so we point it at
 * a tiny stub. Migrations are applied by our own migrator (server/db/migrate.ts).
 */
import path from "node:path";
import { defineConfig } from "prisma/config";

process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.resolve("scripts/schema-engine-stub.sh");

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "file:./data/rowcraft.db" },
});
