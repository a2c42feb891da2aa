-- AlterTable
ALTER TABLE "ReviewLog" ADD COLUMN     "seq" BIGSERIAL NOT NULL;

-- Rows already there are numbered in the order they were reviewed.
UPDATE "ReviewLog" r SET "seq" = o."n"
FROM (SELECT "id", row_number() OVER (ORDER BY "reviewedAt", "id") AS "n" FROM "ReviewLog") o
WHERE r."id" = o."id";
SELECT setval(pg_get_serial_sequence('"ReviewLog"', 'seq'), coalesce(max("seq"), 0) + 1, false) FROM "ReviewLog";

-- CreateIndex
CREATE INDEX "ReviewLog_userId_seq_idx" ON "ReviewLog"("userId", "seq");
