-- AlterTable
ALTER TABLE "Exam" ADD COLUMN     "planDate" TEXT,
ADD COLUMN     "plannedCardIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "plannedNew" INTEGER NOT NULL DEFAULT 0;
