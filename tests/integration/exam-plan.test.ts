import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { type GradeValue, recallProbability, type SchedulerSettings } from "@/app/_lib/scheduling";
import { getDb } from "@/app/_server/db";
import { saveExam } from "@/app/_server/exams";
import { getReviewQueue } from "@/app/_server/queue";
import { recordAnswer, toMemory } from "@/app/_server/reviews";
import { deckSchema } from "@/cards/types";
import { seedDeck } from "@/prisma/seed-decks";
import { dayMs, seeded } from "../support/simulated-learner";
import { createUser } from "../support/users";

// Two learners with the same true memory (FSRS, default parameters) and the same past
// study of part of the deck have an exam in ten days. One follows the app's plan: each
// day, the review queue as the app gives it with the exam set. The other studies with
// plain FSRS, the queue without an exam, answering as many cards each day as the first
// did (stopping there, or, with time left, reviewing ahead the cards due soonest). Each
// answer is right with the learner's true chance of recall. On the exam's day, the first
// remembers more.

const settings: SchedulerSettings = { desiredRetention: 0.9, maximumIntervalDays: 36500, fuzz: false };
const today = new Date("2026-12-01T04:00:00Z");
const examAt = new Date(today.getTime() + 10 * dayMs + 5 * 3_600_000);
let slug = "";

beforeAll(async () => {
  const deck = deckSchema.parse(JSON.parse(readFileSync("cards/decks/docker.json", "utf8")));
  slug = `plan-${crypto.randomUUID().slice(0, 8)}`;
  await seedDeck(getDb(), { ...deck, deck: { ...deck.deck, slug } });
});

type User = { id: string };

const stateOf = (user: User, cardId: string) =>
  getDb().cardState.findUnique({ where: { userId_cardId: { userId: user.id, cardId } } });

/** One answer, right with the learner's true chance of recall (a card being learned today: recalled). */
async function answer(user: User, cardId: string, at: Date, random: () => number) {
  const state = await stateOf(user, cardId);
  const recall = state && state.reps > 0 && state.state === 2 ? recallProbability(toMemory(state), at, settings) : 1;
  const grade: GradeValue = random() < recall ? 3 : 1;
  const input = { cardId, grade, version: state?.version ?? 0, answerId: crypto.randomUUID(), durationMs: 8000 };
  await recordAnswer(user, input, at);
}

/** Forty days of past study: 50 cards learned in the first ten, each reviewed when due. */
async function pastStudy(user: User, cards: { id: string }[], random: () => number) {
  for (const [i, card] of cards.slice(0, 50).entries()) {
    let at = new Date(today.getTime() - (40 - (i % 10)) * dayMs + 3_600_000);
    await answer(user, card.id, at, random);
    await answer(user, card.id, new Date(at.getTime() + 600_000), random);
    for (;;) {
      const state = await stateOf(user, card.id);
      if (!state || state.dueAt >= today) break;
      at = state.dueAt;
      await answer(user, card.id, at, random);
    }
  }
}

/** A study day through the app's queue, up to `cap` answers; returns how many. */
async function studyDay(user: User, day: Date, random: () => number, cap = Number.POSITIVE_INFINITY) {
  let at = new Date(day.getTime() + 5 * 3_600_000);
  const end = new Date(day.getTime() + dayMs);
  let answers = 0;
  while (answers < cap) {
    const queue = await getReviewQueue(user, { deck: slug }, at, 1);
    const card = queue?.cards[0];
    if (card) {
      await answer(user, card.id, at, random);
      answers++;
      at = new Date(at.getTime() + 10_000);
    } else if (queue?.nextLearningAt && new Date(queue.nextLearningAt) < end) {
      at = new Date(queue.nextLearningAt);
    } else break;
  }
  return { answers, at };
}

/** Plain FSRS reviewing ahead: the cards due soonest not yet seen today. */
async function reviewAhead(user: User, count: number, at: Date, random: () => number) {
  const ahead = await getDb().cardState.findMany({
    where: { userId: user.id, state: 2, lastReviewAt: { lt: new Date(at.getTime() - 12 * 3_600_000) } },
    orderBy: { dueAt: "asc" },
    take: count,
  });
  for (const state of ahead) await answer(user, state.cardId, at, random);
  return ahead.length;
}

async function meanRecallAtExam(user: User, cards: { id: string }[]) {
  const states = await getDb().cardState.findMany({ where: { userId: user.id } });
  const recall = states.map((state) => (state.reps > 0 ? recallProbability(toMemory(state), examAt, settings) : 0));
  return recall.reduce((sum, r) => sum + r, 0) / cards.length;
}

describe("the exam plan through the app", () => {
  it("leaves a simulated learner remembering more on the exam's day than plain FSRS, with the same number of answers", async () => {
    const cards = await getDb().card.findMany({
      where: { deck: { slug }, retiredAt: null },
      orderBy: { position: "asc" },
    });
    const planned = await createUser("plan-learner");
    const plain = await createUser("fsrs-learner");
    await pastStudy(planned, cards, seeded(7));
    await pastStudy(plain, cards, seeded(7));
    await saveExam(planned, { deck: slug, sections: [], examAt, dailyMinutes: 3 });

    const randomPlanned = seeded(99);
    const randomPlain = seeded(99);
    let answers = { planned: 0, plain: 0 };
    for (let d = 0; d < 10; d++) {
      const day = new Date(today.getTime() + d * dayMs);
      const byPlan = await studyDay(planned, day, randomPlanned);
      const byQueue = await studyDay(plain, day, randomPlain, byPlan.answers);
      const ahead = await reviewAhead(plain, byPlan.answers - byQueue.answers, byQueue.at, randomPlain);
      answers = { planned: answers.planned + byPlan.answers, plain: answers.plain + byQueue.answers + ahead };
    }
    const recall = { planned: await meanRecallAtExam(planned, cards), plain: await meanRecallAtExam(plain, cards) };
    expect(answers.planned).toBeGreaterThan(100);
    expect(answers.plain).toBeLessThanOrEqual(answers.planned);
    expect(answers.plain).toBeGreaterThan(answers.planned * 0.9);
    expect(recall.planned).toBeGreaterThan(recall.plain + 0.005);
  });
});
