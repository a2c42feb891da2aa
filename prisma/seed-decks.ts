import { createHash } from "node:crypto";
import type { Card, Deck } from "../cards/types.ts";
import type { PrismaClient } from "./generated/client.ts";

export type SeedCounts = { created: number; updated: number; retired: number; unchanged: number };

type CardRow = Omit<Parameters<PrismaClient["card"]["create"]>[0]["data"], "deck" | "deckId">;

function toRow(card: Card, position: number): CardRow & { contentHash: string } {
  const row = {
    key: card.key,
    kind: card.kind,
    prompt: card.prompt,
    answer: card.answer,
    accepted: card.accepted,
    choices: card.choices,
    section: card.section,
    sourcePath: card.source.path,
    sourceStartLine: card.source.lines[0],
    sourceEndLine: card.source.lines[1],
    position,
  };
  return { ...row, contentHash: createHash("sha256").update(JSON.stringify(row)).digest("hex") };
}

type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

/**
 * A card folded into another (the same question asked twice) hands each learner's state
 * and review log to the card kept, for learners who have none there yet; one who has
 * both keeps both (the folded card is retired, its history kept).
 */
async function moveFoldedHistory(tx: Tx, deckId: string, folded: Record<string, string>): Promise<void> {
  for (const [oldKey, newKey] of Object.entries(folded)) {
    const [from, to] = await Promise.all([
      tx.card.findUnique({ where: { deckId_key: { deckId, key: oldKey } }, select: { id: true } }),
      tx.card.findUnique({ where: { deckId_key: { deckId, key: newKey } }, select: { id: true } }),
    ]);
    if (!from || !to) continue;
    await tx.$executeRaw`
      WITH movers AS (
        SELECT "userId" FROM "CardState" WHERE "cardId" = ${from.id}::uuid
        EXCEPT SELECT "userId" FROM "CardState" WHERE "cardId" = ${to.id}::uuid
      ), logs AS (
        UPDATE "ReviewLog" SET "cardId" = ${to.id}::uuid
        WHERE "cardId" = ${from.id}::uuid AND "userId" IN (SELECT "userId" FROM movers)
      )
      UPDATE "CardState" SET "cardId" = ${to.id}::uuid
      WHERE "cardId" = ${from.id}::uuid AND "userId" IN (SELECT "userId" FROM movers)`;
  }
}

/**
 * Load one deck idempotently: cards are upserted by key; a card whose key left the notes
 * is retired (kept, with everyone's history, out of every queue), never deleted; one that
 * comes back is restored. With unchanged notes nothing is written.
 */
export async function seedDeck(
  prisma: PrismaClient,
  { deck, cards, folded }: Deck,
  now = new Date(),
  own?: { ownerId: string; notes: string; corrections: object },
): Promise<SeedCounts> {
  return prisma.$transaction(async (tx) => {
    const info = { title: deck.title, language: deck.language, sourcePath: deck.source, ...own };
    const existingDeck = await tx.deck.findUnique({ where: { slug: deck.slug } });
    const { id: deckId } =
      existingDeck ?? (await tx.deck.create({ data: { slug: deck.slug, ...info }, select: { id: true } }));
    if (existingDeck && Object.entries(info).some(([k, v]) => existingDeck[k as keyof typeof info] !== v || own)) {
      await tx.deck.update({ where: { id: deckId }, data: info });
    }
    const stored = new Map(
      (
        await tx.card.findMany({
          where: { deckId },
          select: { id: true, key: true, contentHash: true, retiredAt: true },
        })
      ).map((row) => [row.key, row]),
    );
    const counts: SeedCounts = { created: 0, updated: 0, retired: 0, unchanged: 0 };
    const toCreate: (CardRow & { deckId: string; contentHash: string })[] = [];
    for (const [position, card] of cards.entries()) {
      const row = toRow(card, position);
      const current = stored.get(card.key);
      stored.delete(card.key);
      if (!current) {
        toCreate.push({ ...row, deckId });
        counts.created++;
      } else if (current.contentHash !== row.contentHash || current.retiredAt) {
        await tx.card.update({ where: { id: current.id }, data: { ...row, retiredAt: null } });
        counts.updated++;
      } else {
        counts.unchanged++;
      }
    }
    if (toCreate.length > 0) await tx.card.createMany({ data: toCreate });
    const gone = [...stored.values()].filter((row) => !row.retiredAt).map((row) => row.id);
    if (gone.length > 0) {
      const { count } = await tx.card.updateMany({ where: { id: { in: gone } }, data: { retiredAt: now } });
      counts.retired = count;
    }
    await moveFoldedHistory(tx, deckId, folded);
    return counts;
  });
}
