-- AlterTable
ALTER TABLE "DataSource" ADD COLUMN "schemaCache" TEXT;
ALTER TABLE "DataSource" ADD COLUMN "schemaCachedAt" DATETIME;
