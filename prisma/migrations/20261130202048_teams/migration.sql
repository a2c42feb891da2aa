-- CreateEnum
CREATE TYPE "TeamRole" AS ENUM ('owner', 'admin', 'member');

-- AlterTable
ALTER TABLE "PracticeTest" ADD COLUMN     "teamId" UUID;

-- AlterTable
ALTER TABLE "ReviewLog" ADD COLUMN     "isFlagged" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "points" DOUBLE PRECISION NOT NULL DEFAULT 0,
ADD COLUMN     "studyDate" DATE;

-- CreateTable
CREATE TABLE "UserDay" (
    "userId" UUID NOT NULL,
    "deckId" UUID NOT NULL,
    "date" DATE NOT NULL,
    "points" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "reviews" INTEGER NOT NULL DEFAULT 0,
    "flagged" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "UserDay_pkey" PRIMARY KEY ("userId","deckId","date")
);

-- CreateTable
CREATE TABLE "Team" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "timeZone" TEXT NOT NULL,
    "weekStartsOn" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Team_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TeamDeck" (
    "teamId" UUID NOT NULL,
    "deckId" UUID NOT NULL,

    CONSTRAINT "TeamDeck_pkey" PRIMARY KEY ("teamId","deckId")
);

-- CreateTable
CREATE TABLE "TeamMember" (
    "teamId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "role" "TeamRole" NOT NULL DEFAULT 'member',
    "isOnBoard" BOOLEAN NOT NULL DEFAULT false,
    "joinedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TeamMember_pkey" PRIMARY KEY ("teamId","userId")
);

-- CreateTable
CREATE TABLE "TeamInvite" (
    "id" UUID NOT NULL,
    "teamId" UUID NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdById" UUID NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "maxUses" INTEGER NOT NULL,
    "uses" INTEGER NOT NULL DEFAULT 0,
    "revokedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TeamInvite_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TeamExam" (
    "teamId" UUID NOT NULL,
    "deckId" UUID NOT NULL,
    "sections" JSONB NOT NULL,
    "examAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TeamExam_pkey" PRIMARY KEY ("teamId")
);

-- CreateIndex
CREATE INDEX "UserDay_userId_date_idx" ON "UserDay"("userId", "date");

-- CreateIndex
CREATE INDEX "TeamMember_userId_idx" ON "TeamMember"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "TeamInvite_tokenHash_key" ON "TeamInvite"("tokenHash");

-- CreateIndex
CREATE INDEX "TeamInvite_teamId_idx" ON "TeamInvite"("teamId");

-- AddForeignKey
ALTER TABLE "PracticeTest" ADD CONSTRAINT "PracticeTest_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UserDay" ADD CONSTRAINT "UserDay_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UserDay" ADD CONSTRAINT "UserDay_deckId_fkey" FOREIGN KEY ("deckId") REFERENCES "Deck"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TeamDeck" ADD CONSTRAINT "TeamDeck_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TeamDeck" ADD CONSTRAINT "TeamDeck_deckId_fkey" FOREIGN KEY ("deckId") REFERENCES "Deck"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TeamMember" ADD CONSTRAINT "TeamMember_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TeamMember" ADD CONSTRAINT "TeamMember_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TeamInvite" ADD CONSTRAINT "TeamInvite_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TeamInvite" ADD CONSTRAINT "TeamInvite_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TeamExam" ADD CONSTRAINT "TeamExam_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TeamExam" ADD CONSTRAINT "TeamExam_deckId_fkey" FOREIGN KEY ("deckId") REFERENCES "Deck"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Answers recorded before points existed: their study day (the user's time zone and day
-- start, as the app counts days), no points, and the day rollup they make.
UPDATE "ReviewLog" l SET "studyDate" = ((l."reviewedAt" AT TIME ZONE 'UTC' AT TIME ZONE coalesce(s."timeZone", 'UTC'))
    - make_interval(hours => coalesce(s."dayStartHour", 4)))::date
FROM "ReviewLog" r LEFT JOIN "UserSettings" s ON s."userId" = r."userId"
WHERE r."id" = l."id";

INSERT INTO "UserDay" ("userId", "deckId", "date", "points", "reviews", "flagged")
SELECT l."userId", c."deckId", l."studyDate", 0, count(*) FILTER (WHERE l."grade" > 0), 0
FROM "ReviewLog" l JOIN "Card" c ON c."id" = l."cardId"
GROUP BY l."userId", c."deckId", l."studyDate";
