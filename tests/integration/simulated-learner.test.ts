import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { calibrate, chanceRight, forecastScore } from "@/app/_lib/exam-prediction";
import { questionFormats } from "@/app/_lib/practice-test";
import { recallProbability, type SchedulerSettings } from "@/app/_lib/scheduling";
import { getDb } from "@/app/_server/db";
import { answerTestQuestion, startPracticeTest } from "@/app/_server/practice-tests";
import { recordAnswer, toMemory } from "@/app/_server/reviews";
import { deckSchema } from "@/cards/types";
import { seedDeck } from "@/prisma/seed-decks";
import { dayMs, seeded } from "../support/simulated-learner";
import { createUser } from "../support/users";

// A learner whose true memory follows FSRS with its default parameters studies the deck,
// then takes practice tests over the following weeks through the app. Each answer is right
// with the learner's true chance (recalled, or else a guess among the options shown); the
// app's stored predictions must be as good as the true chances, and each test's score
// must fall in its 80% interval about 80% of the time.

const settings: SchedulerSettings = { desiredRetention: 0.9, maximumIntervalDays: 36500, fuzz: false };
const studiedFrom = new Date("2026-10-01T09:00:00Z");
let slug = "";

beforeAll(async () => {
  const deck = deckSchema.parse(JSON.parse(readFileSync("cards/decks/docker.json", "utf8")));
  slug = `simulated-${crypto.randomUUID().slice(0, 8)}`;
  await seedDeck(getDb(), { ...deck, deck: { ...deck.deck, slug } });
});

async function stateOf(userId: string, cardId: string) {
  return getDb().cardState.findUnique({ where: { userId_cardId: { userId, cardId } } });
}

describe("a simulated learner whose memory follows FSRS", () => {
  it("gets predictions from the app as good as the true chances, and scores inside the 80% interval 75–85% of the time", async () => {
    const random = seeded(2026);
    const user = await createUser("simulated");
    const cards = await getDb().card.findMany({ where: { deck: { slug }, retiredAt: null }, select: { id: true } });
    // Six weeks of study: each card first seen on some day, then reviewed a few times, each
    // answer right with the true chance of recall at that moment.
    for (const card of cards) {
      let at = studiedFrom.getTime() + Math.floor(random() * 30) * dayMs;
      const until = studiedFrom.getTime() + 56 * dayMs;
      for (let answers = 1 + Math.floor(random() * 4); answers > 0 && at < until; answers--) {
        const state = await stateOf(user.id, card.id);
        const recall = state && state.reps > 0 ? recallProbability(toMemory(state), new Date(at), settings) : 1;
        const grade = random() < recall ? 3 : 1;
        const answer = {
          cardId: card.id,
          grade,
          version: state?.version ?? 0,
          answerId: crypto.randomUUID(),
          durationMs: 5000,
        } as const;
        await recordAnswer(user, answer, new Date(at));
        at += (1 + Math.floor(random() * 10)) * dayMs;
      }
    }

    const outcomes: { chance: number; truth: number; isRight: boolean }[] = [];
    let inside = 0;
    const tests = 120;
    for (let t = 0; t < tests; t++) {
      const now = new Date(studiedFrom.getTime() + (60 + Math.floor(t / 4)) * dayMs);
      const started = await startPracticeTest(
        user,
        {
          deck: slug,
          sections: [],
          fromWeakest: false,
          count: 10,
          formats: [...questionFormats],
          timeLimitSec: null,
          feedbackEach: false,
          countsAsReviews: false,
        },
        now,
        random,
      );
      if (!("id" in started)) throw new Error(started.error);
      const questions = await getDb().testQuestion.findMany({
        where: { testId: started.id },
        orderBy: { position: "asc" },
        select: { id: true, position: true, format: true, options: true, rightAnswers: true, cardId: true },
      });
      let right = 0;
      for (const question of questions) {
        const state = await stateOf(user.id, question.cardId);
        const recall = state ? recallProbability(toMemory(state), now, settings) : 0;
        const options = question.options.length > 1 ? question.options.length : undefined;
        const truth = chanceRight(recall, options);
        // Recalled, or else a guess among the options (none to guess for a typed answer).
        const recalled = random() < recall;
        const guess = options ? (question.options[Math.floor(random() * options)] ?? "") : "I do not remember";
        // A typed command names its own container where the card has a placeholder.
        const answer = recalled ? (question.rightAnswers[0] ?? "").replace(/<[^<>\s]+>/g, "web1") : guess;
        const result = await answerTestQuestion(
          user,
          started.id,
          question.position,
          { answer, confidence: null, durationMs: 3000 },
          now,
        );
        if ("error" in result) throw new Error(result.error);
        const stored = await getDb().testQuestion.findUniqueOrThrow({ where: { id: question.id } });
        outcomes.push({ chance: stored.predictedChance ?? Number.NaN, truth, isRight: result.isCorrect });
        right += result.isCorrect ? 1 : 0;
      }
      const forecast = forecastScore(outcomes.slice(-questions.length).map((outcome) => outcome.chance));
      if (right >= forecast.low && right <= forecast.high) inside++;
    }

    const predicted = calibrate(outcomes.map(({ chance, isRight }) => ({ chance, isRight })));
    const truth = calibrate(outcomes.map(({ truth, isRight }) => ({ chance: truth, isRight })));
    expect(outcomes).toHaveLength(tests * 10);
    expect(Math.abs(predicted.brier - truth.brier)).toBeLessThan(0.01);
    expect(inside / tests).toBeGreaterThanOrEqual(0.75);
    expect(inside / tests).toBeLessThanOrEqual(0.85);
    // The tests did not move the schedule.
    expect(
      await getDb().reviewLog.count({
        where: { userId: user.id, reviewedAt: { gt: new Date(studiedFrom.getTime() + 59 * dayMs) } },
      }),
    ).toBe(0);
  });
});
