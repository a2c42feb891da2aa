-- AlterTable
ALTER TABLE "UserSettings" ADD COLUMN     "fsrsWeights" DOUBLE PRECISION[] DEFAULT ARRAY[]::DOUBLE PRECISION[];

-- CreateTable
CREATE TABLE "FsrsFit" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "trigger" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "reviews" INTEGER NOT NULL,
    "items" INTEGER NOT NULL,
    "needed" INTEGER NOT NULL DEFAULT 0,
    "weights" DOUBLE PRECISION[] DEFAULT ARRAY[]::DOUBLE PRECISION[],
    "logLoss" DOUBLE PRECISION,
    "rmse" DOUBLE PRECISION,
    "currentLogLoss" DOUBLE PRECISION,
    "currentRmse" DOUBLE PRECISION,

    CONSTRAINT "FsrsFit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FsrsParameters" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "weights" DOUBLE PRECISION[] DEFAULT ARRAY[]::DOUBLE PRECISION[],
    "source" TEXT NOT NULL,
    "fitId" UUID,

    CONSTRAINT "FsrsParameters_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "FsrsFit_userId_createdAt_idx" ON "FsrsFit"("userId", "createdAt");

-- CreateIndex
CREATE INDEX "FsrsParameters_userId_createdAt_idx" ON "FsrsParameters"("userId", "createdAt");

-- AddForeignKey
ALTER TABLE "FsrsFit" ADD CONSTRAINT "FsrsFit_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FsrsParameters" ADD CONSTRAINT "FsrsParameters_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
