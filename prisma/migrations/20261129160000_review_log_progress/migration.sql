-- AlterTable
ALTER TABLE "ReviewLog" ADD COLUMN     "dueBefore" TIMESTAMP(3),
ADD COLUMN     "intervalBefore" INTEGER NOT NULL DEFAULT 0;

-- Existing rows: the same values, from the memory each row keeps for undo.
UPDATE "ReviewLog" SET
  "intervalBefore" = coalesce(("previous"->>'scheduledDays')::int, 0),
  "dueBefore" = CASE WHEN "stateBefore" > 0 THEN ("previous"->>'dueAt')::timestamptz AT TIME ZONE 'UTC' END;

-- DropIndex
DROP INDEX "ReviewLog_userId_reviewedAt_idx";

-- CreateIndex
CREATE INDEX "ReviewLog_userId_reviewedAt_stateBefore_grade_intervalBefor_idx" ON "ReviewLog"("userId", "reviewedAt", "stateBefore", "grade", "intervalBefore", "dueBefore", "durationMs");
