-- AlterTable: the app a bulk run came from (null: run directly by a builder or admin), and why a run stopped early.
ALTER TABLE "ActionRun" ADD COLUMN "appId" TEXT;
ALTER TABLE "ActionRun" ADD COLUMN "appVersion" INTEGER;
ALTER TABLE "ActionRun" ADD COLUMN "widgetId" TEXT;
ALTER TABLE "ActionRun" ADD COLUMN "stopReason" TEXT;
