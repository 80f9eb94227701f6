-- CreateTable
CREATE TABLE "ActionRun" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "action" TEXT NOT NULL,
    "createdById" TEXT,
    "createdByEmail" TEXT NOT NULL,
    "requestKey" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" DATETIME,
    "status" TEXT NOT NULL,
    "concurrency" INTEGER NOT NULL,
    "total" INTEGER NOT NULL,
    "done" INTEGER NOT NULL DEFAULT 0,
    "failed" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "ActionRun_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ActionRunItem" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "runId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "rowKey" TEXT NOT NULL,
    "input" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "result" TEXT,
    "error" TEXT,
    "durationMs" INTEGER,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "startedAt" DATETIME,
    "finishedAt" DATETIME,
    CONSTRAINT "ActionRunItem_runId_fkey" FOREIGN KEY ("runId") REFERENCES "ActionRun" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "ActionRun_createdById_createdAt_idx" ON "ActionRun"("createdById", "createdAt");

-- CreateIndex
CREATE INDEX "ActionRun_status_idx" ON "ActionRun"("status");

-- CreateIndex
CREATE UNIQUE INDEX "ActionRun_createdById_requestKey_key" ON "ActionRun"("createdById", "requestKey");

-- CreateIndex
CREATE INDEX "ActionRunItem_runId_status_idx" ON "ActionRunItem"("runId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "ActionRunItem_runId_rowKey_key" ON "ActionRunItem"("runId", "rowKey");

-- CreateIndex
CREATE UNIQUE INDEX "ActionRunItem_runId_position_key" ON "ActionRunItem"("runId", "position");
