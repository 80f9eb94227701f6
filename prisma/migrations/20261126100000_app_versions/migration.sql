-- AlterTable
ALTER TABLE "App" ADD COLUMN "latestVersion" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "App" ADD COLUMN "publishedVersion" INTEGER;
ALTER TABLE "App" ADD COLUMN "publishedAt" DATETIME;

-- CreateTable
CREATE TABLE "AppVersion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "appId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "document" TEXT NOT NULL,
    "message" TEXT NOT NULL DEFAULT '',
    "authorId" TEXT,
    "authorEmail" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "AppVersion_appId_fkey" FOREIGN KEY ("appId") REFERENCES "App" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "AppVersion_appId_number_key" ON "AppVersion"("appId", "number");
