-- AlterTable
ALTER TABLE "ReviewLog" ADD COLUMN     "previousDueAt" TIMESTAMP(3),
ADD COLUMN     "previousIntervalDays" INTEGER NOT NULL DEFAULT 0;

-- Existing rows: the same values, from the memory each row keeps for undo.
UPDATE "ReviewLog" SET
  "previousIntervalDays" = coalesce(("previous"->>'scheduledDays')::int, 0),
  "previousDueAt" = CASE WHEN "stateBefore" > 0 THEN ("previous"->>'dueAt')::timestamptz AT TIME ZONE 'UTC' END;

-- DropIndex
DROP INDEX "ReviewLog_userId_reviewedAt_idx";

-- CreateIndex
CREATE INDEX "ReviewLog_userId_reviewedAt_stateBefore_grade_previousInter_idx" ON "ReviewLog"("userId", "reviewedAt", "stateBefore", "grade", "previousIntervalDays", "previousDueAt", "durationMs");
