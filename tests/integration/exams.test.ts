import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/app/_server/db";
import { getExamForecast, saveExam } from "@/app/_server/exams";
import { recordAnswer } from "@/app/_server/reviews";
import { deckSchema } from "@/cards/types";
import { seedDeck } from "@/prisma/seed-decks";
import { createUser } from "../support/users";

const now = new Date("2026-12-01T09:00:00Z");
const examAt = new Date("2026-12-15T00:00:00Z");
let slug = "";

beforeAll(async () => {
  const deck = deckSchema.parse(JSON.parse(readFileSync("cards/decks/docker.json", "utf8")));
  slug = `exams-${crypto.randomUUID().slice(0, 8)}`;
  await seedDeck(getDb(), { ...deck, deck: { ...deck.deck, slug } });
});

describe("an exam's forecast", () => {
  it("counts every card in scope, recall on the exam date for those seen, the first-try rate for the rest", async () => {
    const user = await createUser("exam");
    expect(await getExamForecast(user, now)).toBeNull();
    await saveExam(user, { deck: slug, sections: ["Dockerfile"], examAt, dailyMinutes: 20 });
    const inDeck = await getDb().card.findMany({
      where: { deck: { slug }, retiredAt: null },
      orderBy: { position: "asc" },
    });
    const inScope = inDeck.filter((card) => card.section[0] === "Dockerfile");
    const before = await getExamForecast(user, now);
    expect(before).toMatchObject({ questions: inScope.length, unseen: inScope.length, firstTryRate: 0.5 });

    // Two cards answered Good: known better than a guess, for a while.
    for (const card of inScope.slice(0, 2)) {
      await recordAnswer(
        user,
        { cardId: card.id, grade: 3, version: 0, answerId: crypto.randomUUID(), durationMs: 1000 },
        now,
      );
    }
    const after = await getExamForecast(user, now);
    expect(after?.unseen).toBe(inScope.length - 2);
    expect(after?.firstTryRate).toBe(1);
    expect(after?.expected).toBeGreaterThan(before?.expected ?? 0);
    expect(after?.low).toBeLessThanOrEqual(after?.high ?? -1);
    expect(after?.bySection).toEqual([{ section: "Dockerfile", questions: inScope.length, expected: after?.expected }]);
  });

  it("is the user's own: another user sees no exam, and a new date replaces the old", async () => {
    const owner = await createUser("exam-owner");
    const other = await createUser("exam-other");
    await saveExam(owner, { deck: slug, sections: [], examAt, dailyMinutes: 30 });
    await saveExam(owner, { deck: slug, sections: [], examAt: new Date("2026-12-20T00:00:00Z"), dailyMinutes: 30 });
    expect(await getExamForecast(other, now)).toBeNull();
    expect((await getExamForecast(owner, now))?.exam.examAt).toEqual(new Date("2026-12-20T00:00:00Z"));
    expect(await getDb().exam.count({ where: { userId: owner.id } })).toBe(1);
    expect(await saveExam(owner, { deck: "no-such-deck", sections: [], examAt, dailyMinutes: 30 })).toEqual({
      error: "deck-not-found",
    });
  });
});
