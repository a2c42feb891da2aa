-- CreateTable
CREATE TABLE "PracticeTest" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "deckId" UUID NOT NULL,
    "sections" JSONB NOT NULL,
    "fromWeakest" BOOLEAN NOT NULL DEFAULT false,
    "countsAsReviews" BOOLEAN NOT NULL DEFAULT false,
    "feedbackEach" BOOLEAN NOT NULL DEFAULT true,
    "timeLimitSec" INTEGER,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "PracticeTest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TestQuestion" (
    "id" UUID NOT NULL,
    "testId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "cardId" UUID NOT NULL,
    "format" TEXT NOT NULL,
    "prompt" TEXT NOT NULL,
    "options" TEXT[],
    "shownAnswer" TEXT,
    "rightAnswers" TEXT[],
    "answer" TEXT,
    "isCorrect" BOOLEAN,
    "confidence" TEXT,
    "predictedChance" DOUBLE PRECISION,
    "durationMs" INTEGER,
    "answeredAt" TIMESTAMP(3),

    CONSTRAINT "TestQuestion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Exam" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "deckId" UUID NOT NULL,
    "sections" JSONB NOT NULL,
    "examAt" TIMESTAMP(3) NOT NULL,
    "dailyMinutes" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Exam_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PracticeTest_userId_startedAt_idx" ON "PracticeTest"("userId", "startedAt");

-- CreateIndex
CREATE INDEX "TestQuestion_cardId_idx" ON "TestQuestion"("cardId");

-- CreateIndex
CREATE UNIQUE INDEX "TestQuestion_testId_position_key" ON "TestQuestion"("testId", "position");

-- CreateIndex
CREATE INDEX "Exam_userId_examAt_idx" ON "Exam"("userId", "examAt");

-- AddForeignKey
ALTER TABLE "PracticeTest" ADD CONSTRAINT "PracticeTest_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PracticeTest" ADD CONSTRAINT "PracticeTest_deckId_fkey" FOREIGN KEY ("deckId") REFERENCES "Deck"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TestQuestion" ADD CONSTRAINT "TestQuestion_testId_fkey" FOREIGN KEY ("testId") REFERENCES "PracticeTest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TestQuestion" ADD CONSTRAINT "TestQuestion_cardId_fkey" FOREIGN KEY ("cardId") REFERENCES "Card"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Exam" ADD CONSTRAINT "Exam_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Exam" ADD CONSTRAINT "Exam_deckId_fkey" FOREIGN KEY ("deckId") REFERENCES "Deck"("id") ON DELETE CASCADE ON UPDATE CASCADE;
