import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/app/_server/db";
import { getExamForecast, saveExam } from "@/app/_server/exams";
import { getReviewQueue } from "@/app/_server/queue";
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
    // Two right first answers move the 50% prior (worth ten answers) to 7 in 12.
    expect(after?.firstTryRate).toBeCloseTo(7 / 12, 12);
    expect(after?.stop.expected).toBeGreaterThan(before?.stop.expected ?? 0);
    expect(after?.stop.low).toBeLessThanOrEqual(after?.stop.high ?? -1);
    expect(after?.bySection).toEqual([
      { section: "Dockerfile", questions: inScope.length, stop: after?.stop, planned: after?.planned },
    ]);
    // Studying as planned does better than stopping: every new card is seen, reviews are pulled in.
    expect(after?.planned.expected).toBeGreaterThan(after?.stop.expected ?? 0);
    expect(after?.unseenPlanned).toBe(0);
    expect(after?.days.length).toBe(14);
    for (const day of after?.days ?? []) expect(day.seconds).toBeLessThanOrEqual(20 * 60);
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

  it("puts today's part of the plan in the review queue, once a day, for the exam's owner only", async () => {
    const owner = await createUser("exam-plan");
    const other = await createUser("exam-plan-other");
    const cards = await getDb().card.findMany({
      where: { deck: { slug }, retiredAt: null },
      orderBy: { position: "asc" },
    });
    // Ten cards learned a month ago and reviewed well since: none due until after the exam.
    const learnedAt = new Date(now.getTime() - 30 * 86_400_000);
    for (const user of [owner, other]) {
      for (const card of cards.slice(0, 10)) {
        for (const [version, at] of [learnedAt, new Date(learnedAt.getTime() + 8 * 86_400_000)].entries()) {
          const answer = {
            cardId: card.id,
            grade: 4,
            version,
            answerId: crypto.randomUUID(),
            durationMs: 1000,
          } as const;
          await recordAnswer(user, answer, at);
        }
      }
    }
    const queue = async (user: { id: string }) => (await getReviewQueue(user, { deck: slug }, now, 200))?.cards ?? [];
    const learned = new Set(cards.slice(0, 10).map((card) => card.id));
    const dueBefore = (await queue(owner)).filter((card) => learned.has(card.id));
    await saveExam(owner, {
      deck: slug,
      sections: [],
      examAt: new Date(now.getTime() + 3 * 86_400_000),
      dailyMinutes: 120,
    });
    const withPlan = await queue(owner);
    const pulled = withPlan.filter((card) => learned.has(card.id));
    expect(dueBefore).toEqual([]);
    expect(pulled.length).toBeGreaterThan(0);
    // The plan also brings in more new cards than the daily limit, to reach them all in time.
    expect(withPlan.length - pulled.length).toBeGreaterThan(20);
    // Made once for the day: kept on the exam.
    const exam = await getDb().exam.findFirstOrThrow({ where: { userId: owner.id } });
    expect(exam.planDate).toBe("2026-12-01");
    expect(new Set(exam.plannedCardIds)).toEqual(new Set(pulled.map((card) => card.id)));
    // A pulled card reviewed today leaves the queue.
    const first = pulled[0];
    if (!first) throw new Error("nothing pulled");
    await recordAnswer(
      owner,
      { cardId: first.id, grade: 3, version: first.version, answerId: crypto.randomUUID(), durationMs: 1000 },
      now,
    );
    expect((await queue(owner)).some((card) => card.id === first.id)).toBe(false);
    // Another user's exam changes nothing for this one.
    expect((await queue(other)).filter((card) => learned.has(card.id))).toEqual([]);
  });

  it("measures calibration on practice-test answers and on each card's first review of a day", async () => {
    const user = await createUser("exam-calibration");
    await saveExam(user, { deck: slug, sections: [], examAt, dailyMinutes: 20 });
    const [card] = await getDb().card.findMany({ where: { deck: { slug }, retiredAt: null }, take: 1 });
    if (!card) throw new Error("no card");
    const answer = async (grade: 1 | 3, at: Date) => {
      const state = await getDb().cardState.findUnique({
        where: { userId_cardId: { userId: user.id, cardId: card.id } },
      });
      await recordAnswer(
        user,
        { cardId: card.id, grade, version: state?.version ?? 0, answerId: crypto.randomUUID(), durationMs: 1000 },
        at,
      );
    };
    const day = (n: number) => new Date(now.getTime() - (40 - n) * 86_400_000);
    // Learned (two steps the same day), then reviewed on later days: the first of those counts, not the steps.
    await answer(3, day(0));
    await answer(3, new Date(day(0).getTime() + 600_000));
    await answer(3, day(5));
    await answer(1, day(20));
    const { calibration } = (await getExamForecast(user, now)) ?? {};
    expect(calibration).toMatchObject({ testAnswers: 0, firstReviews: 2, answers: 2 });
    expect(calibration?.bins.reduce((sum, bin) => sum + bin.observed * bin.answers, 0)).toBe(1);
  });
});
