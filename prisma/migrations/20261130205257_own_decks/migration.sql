-- AlterTable
ALTER TABLE "Deck" ADD COLUMN     "archivedAt" TIMESTAMP(3),
ADD COLUMN     "corrections" JSONB,
ADD COLUMN     "notes" TEXT,
ADD COLUMN     "ownerId" UUID;

-- CreateIndex
CREATE INDEX "Deck_ownerId_idx" ON "Deck"("ownerId");

-- AddForeignKey
ALTER TABLE "Deck" ADD CONSTRAINT "Deck_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
