import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { changeCard } from "@/app/_server/card-actions";
import { getDb } from "@/app/_server/db";
import { recordAnswer, undoLastAnswer } from "@/app/_server/reviews";
import { deckSchema } from "@/cards/types";
import { seedDeck } from "@/prisma/seed-decks";
import { seeded } from "../support/simulated-learner";
import { createUser } from "../support/users";

let slug = "";

beforeAll(async () => {
  const deck = deckSchema.parse(JSON.parse(readFileSync("cards/decks/docker.json", "utf8")));
  slug = `days-${crypto.randomUUID().slice(0, 8)}`;
  await seedDeck(getDb(), { ...deck, deck: { ...deck.deck, slug } });
});

/** The rollup as the review log gives it: points, answers and flagged answers per study day and deck. */
async function fromLog(userId: string) {
  const rows = await getDb().$queryRaw<
    { day: string; deckId: string; points: number; reviews: number; flagged: number }[]
  >`
    SELECT to_char(l."studyDate", 'YYYY-MM-DD') AS day, c."deckId", sum(l."points")::float8 AS points,
      count(*)::int AS reviews, count(*) FILTER (WHERE l."isFlagged")::int AS flagged
    FROM "ReviewLog" l JOIN "Card" c ON c."id" = l."cardId"
    WHERE l."userId" = ${userId}::uuid AND l."grade" > 0
    GROUP BY 1, 2 ORDER BY 1, 2`;
  return rows;
}

async function rollup(userId: string) {
  const rows = await getDb().$queryRaw<
    { day: string; deckId: string; points: number; reviews: number; flagged: number }[]
  >`
    SELECT to_char("date", 'YYYY-MM-DD') AS day, "deckId", "points", "reviews", "flagged"
    FROM "UserDay" WHERE "userId" = ${userId}::uuid AND "reviews" > 0 ORDER BY 1, 2`;
  return rows;
}

describe("the day rollup of points", () => {
  it("equals the review log recomputed, after random answers, undos and forgets over several days", async () => {
    const random = seeded(42);
    const user = await createUser("days");
    await getDb().userSettings.upsert({
      where: { userId: user.id },
      create: { userId: user.id, timeZone: "Asia/Tokyo" },
      update: { timeZone: "Asia/Tokyo" },
    });
    const cards = await getDb().card.findMany({ where: { deck: { slug }, retiredAt: null }, take: 12 });
    let at = new Date("2026-12-01T10:00:00Z");
    for (let step = 0; step < 150; step++) {
      at = new Date(at.getTime() + Math.floor(random() * 6 * 3_600_000));
      const card = cards[Math.floor(random() * cards.length)];
      if (!card) continue;
      const state = await getDb().cardState.findUnique({
        where: { userId_cardId: { userId: user.id, cardId: card.id } },
      });
      const roll = random();
      if (roll < 0.15) await undoLastAnswer(user);
      else if (roll < 0.22 && state) await changeCard(user, card.id, "forget", at, at);
      else {
        const grade = (1 + Math.floor(random() * 4)) as 1 | 2 | 3 | 4;
        // Now and then an answer shown for under a second: flagged, no points.
        const durationMs = random() < 0.1 ? 400 : 4000;
        await recordAnswer(
          user,
          { cardId: card.id, grade, version: state?.version ?? 0, answerId: crypto.randomUUID(), durationMs },
          at,
        );
      }
    }
    const expected = await fromLog(user.id);
    const actual = await rollup(user.id);
    expect(expected.length).toBeGreaterThan(5);
    expect(expected.some((row) => row.flagged > 0)).toBe(true);
    expect(actual.map((row) => ({ ...row, points: Math.round(row.points * 1e6) }))).toEqual(
      expected.map((row) => ({ ...row, points: Math.round(row.points * 1e6) })),
    );
  });

  it("flags a burst no person could answer, and gives it no points", async () => {
    const user = await createUser("burst");
    const cards = await getDb().card.findMany({ where: { deck: { slug }, retiredAt: null }, take: 25 });
    const start = new Date("2026-12-02T10:00:00Z");
    for (const [i, card] of cards.entries()) {
      const input = { cardId: card.id, grade: 3, version: 0, answerId: crypto.randomUUID(), durationMs: 1500 } as const;
      await recordAnswer(user, input, new Date(start.getTime() + i * 500));
    }
    const log = await getDb().reviewLog.findMany({ where: { userId: user.id }, orderBy: { seq: "asc" } });
    expect(log.slice(0, 19).every((row) => !row.isFlagged && row.points > 0)).toBe(true);
    expect(log.slice(19).every((row) => row.isFlagged && row.points === 0)).toBe(true);
  });
});
