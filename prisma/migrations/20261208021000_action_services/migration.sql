-- CreateTable
CREATE TABLE "ActionService" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "secretEncrypted" TEXT NOT NULL,
    "manifest" TEXT,
    "manifestVersion" TEXT,
    "manifestFetchedAt" DATETIME,
    "status" TEXT NOT NULL DEFAULT 'ok',
    "statusMessage" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE UNIQUE INDEX "ActionService_name_key" ON "ActionService"("name");
