import "server-only";
import { Prisma } from "@/prisma/generated/client";

// Which decks a person sees: those shipped with the app, their own, and those of their
// teams. Every query that finds a deck or its cards for a person goes through one of
// these two, so another person's private deck is simply not found.

/** The decks `userId` may see, as a Prisma filter. */
export const visibleDecks = (userId: string): Prisma.DeckWhereInput => ({
  OR: [{ ownerId: null }, { ownerId: userId }, { teams: { some: { team: { members: { some: { userId } } } } } }],
});

/** The same, in SQL, for the deck row under `alias`. */
export const visibleDeckSql = (userId: string, alias: string) => {
  const deck = Prisma.raw(`"${alias}"`);
  return Prisma.sql`(${deck}."ownerId" IS NULL OR ${deck}."ownerId" = ${userId}::uuid OR EXISTS (
    SELECT 1 FROM "TeamDeck" td JOIN "TeamMember" tm ON tm."teamId" = td."teamId"
    WHERE td."deckId" = ${deck}."id" AND tm."userId" = ${userId}::uuid))`;
};
