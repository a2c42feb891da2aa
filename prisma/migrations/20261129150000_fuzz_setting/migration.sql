-- AlterTable
ALTER TABLE "UserSettings" ADD COLUMN     "fuzz" BOOLEAN NOT NULL DEFAULT true;
