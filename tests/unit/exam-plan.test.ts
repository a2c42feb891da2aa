import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { planUntilExam } from "@/app/_lib/exam-plan";
import type { SchedulerSettings } from "@/app/_lib/scheduling";
import { dayMs, type LearnerCard, SimulatedLearner, seeded } from "@/tests/support/simulated-learner";

const settings: SchedulerSettings = { desiredRetention: 0.9, maximumIntervalDays: 36500, fuzz: false };
const start = Date.UTC(2026, 0, 1, 4);
const dayStarts = (from: number, count: number) => Array.from({ length: count }, (_, d) => new Date(from + d * dayMs));

/** A learner who studied `known` cards with plain FSRS for `historyDays`, a few new ones a day. */
function learnerWithHistory(cards: number, known: number, historyDays: number, seed: number) {
  const learner = new SimulatedLearner(cards, settings, seeded(seed));
  const perDay = Math.ceil(known / (historyDays / 2));
  for (let d = 0; d < historyDays; d++) {
    const at = start + d * dayMs;
    for (const card of learner.cards.filter((c) => c.strength && c.dueAt < at + dayMs)) learner.review(card, at);
    for (const card of learner.cards.filter((c) => !c.strength).slice(0, d < historyDays / 2 ? perDay : 0)) {
      if (learner.cards.indexOf(card) < known) learner.learn(card, at);
    }
  }
  learner.reviews = 0;
  return learner;
}

const copyOf = (learner: SimulatedLearner, seed: number) => {
  const copy = new SimulatedLearner(learner.cards.length, settings, seeded(seed));
  for (const [i, card] of copy.cards.entries()) Object.assign(card, learner.cards[i]);
  return copy;
};

type Window = { from: number; examAt: number; reviewsPerDay: number; newPerDay: number };

/** Plain FSRS: each day the due cards, the day's new ones, and, with reviews left, those due soonest (review ahead). */
function studyWithFsrs(learner: SimulatedLearner, window: Window, reviewAhead: boolean) {
  for (let at = window.from; at < window.examAt - dayMs / 2; at += dayMs) {
    let left = window.reviewsPerDay;
    const byDue = (a: LearnerCard, b: LearnerCard) => a.dueAt - b.dueAt;
    for (const card of learner.cards.filter((c) => c.strength && c.dueAt < at + dayMs).sort(byDue)) {
      if (left-- <= 0) break;
      learner.review(card, at);
    }
    for (const card of learner.cards.filter((c) => !c.strength).slice(0, window.newPerDay)) {
      if (left-- <= 0) break;
      learner.learn(card, at);
    }
    if (!reviewAhead) continue;
    for (const card of learner.cards.filter((c) => c.strength && c.lastAt < at).sort(byDue)) {
      if (left-- <= 0) break;
      learner.review(card, at);
    }
  }
}

/** The plan, made again each morning from the answers so far, and followed. */
function studyWithPlan(learner: SimulatedLearner, window: Window) {
  for (let at = window.from; at < window.examAt - dayMs / 2; at += dayMs) {
    const plan = planUntilExam({
      cards: learner.cards.map((card) => ({ id: card.id, memory: learner.memory(card) })),
      now: new Date(at),
      examAt: new Date(window.examAt),
      dayStarts: dayStarts(at, Math.ceil((window.examAt - at) / dayMs)),
      dailySeconds: window.reviewsPerDay,
      secondsPerReview: 1,
      secondsPerNew: 1,
      settings,
    });
    const byId = new Map(learner.cards.map((card) => [card.id, card]));
    const today = plan.days[0];
    const due = learner.cards.filter((c) => c.strength && c.dueAt < at + dayMs);
    due.sort((a, b) => learner.recall(a, at) - learner.recall(b, at));
    for (const card of due.slice(0, today?.due ?? 0)) learner.review(card, at);
    for (const id of [...plan.newToday, ...plan.pulledToday]) learner.review(byId.get(id) as LearnerCard, at);
  }
}

describe("the plan until an exam", () => {
  it("never plans more than the day's budget, and brings in new cards as early as it allows", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 30 }),
        fc.integer({ min: 60, max: 3000 }),
        fc.integer({ min: 1, max: 10_000 }),
        (dayCount, dailySeconds, seed) => {
          const learner = learnerWithHistory(120, 60, 30, seed);
          const from = start + 30 * dayMs;
          const plan = planUntilExam({
            cards: learner.cards.map((card) => ({ id: card.id, memory: learner.memory(card) })),
            now: new Date(from + 3_600_000),
            examAt: new Date(from + dayCount * dayMs + 5 * 3_600_000),
            dayStarts: dayStarts(from, dayCount + 1),
            dailySeconds,
            secondsPerReview: 10,
            secondsPerNew: 40,
            settings,
          });
          expect(plan.days).toHaveLength(dayCount + 1);
          for (const day of plan.days) expect(day.seconds).toBeLessThanOrEqual(dailySeconds);
          const introduced = plan.days.reduce((sum, day) => sum + day.newCards, 0);
          expect(introduced + plan.unseen).toBe(60);
          // New cards as early as the time allows: a day before the last with new cards had no time for one more.
          const lastNew = plan.days.findLastIndex((day) => day.newCards > 0);
          for (const day of plan.days.slice(0, Math.max(0, lastNew))) {
            expect(day.seconds).toBeGreaterThan(dailySeconds - 40);
          }
          if (dailySeconds >= 40 * 60) expect(plan.days[0]?.newCards).toBe(60);
        },
      ),
      { numRuns: 40 },
    );
  });

  it("pulls forward cards not due today, those whose exam-day recall a review raises most", () => {
    const learner = learnerWithHistory(200, 200, 60, 7);
    const from = start + 60 * dayMs;
    const examAt = from + 10 * dayMs;
    const plan = planUntilExam({
      cards: learner.cards.map((card) => ({ id: card.id, memory: learner.memory(card) })),
      now: new Date(from),
      examAt: new Date(examAt),
      dayStarts: dayStarts(from, 11),
      dailySeconds: 60,
      secondsPerReview: 1,
      secondsPerNew: 1,
      settings,
    });
    const byId = new Map(learner.cards.map((card) => [card.id, card]));
    expect(plan.pulledToday.length).toBeGreaterThan(0);
    for (const id of plan.pulledToday) expect(byId.get(id)?.dueAt).toBeGreaterThanOrEqual(from + dayMs);
    // The cards pulled are those left with the lowest recall on the exam's day, among the ones not due before it.
    const pulled = new Set(plan.pulledToday);
    const untouched = learner.cards.filter((card) => card.dueAt >= examAt && !pulled.has(card.id));
    const lowestUntouched = Math.min(...untouched.map((card) => learner.recall(card, examAt)));
    const pulledLater = learner.cards.filter((card) => pulled.has(card.id) && card.dueAt >= examAt);
    for (const card of pulledLater) expect(learner.recall(card, examAt)).toBeLessThan(lowestUntouched + 0.05);
    // Every card the plan reaches is predicted at least as well remembered as without it.
    for (const [id, recall] of plan.examRecall) {
      const card = byId.get(id) as LearnerCard;
      if (card.dueAt >= examAt) expect(recall).toBeGreaterThanOrEqual(learner.recall(card, examAt) - 1e-9);
    }
  });

  // Plain FSRS with the same daily number of reviews: the due cards, the day's new ones,
  // then the cards due soonest (reviewing ahead) until the day's reviews are spent.
  const compare = (reviewsPerDay: number) =>
    [11, 12, 13].map((seed) => {
      const learner = learnerWithHistory(400, 250, 60, seed);
      const window: Window = { from: start + 60 * dayMs, examAt: start + 81 * dayMs, reviewsPerDay, newPerDay: 12 };
      const fsrs = copyOf(learner, seed * 31);
      const planned = copyOf(learner, seed * 31);
      studyWithFsrs(fsrs, window, true);
      studyWithPlan(planned, window);
      return {
        fsrs: fsrs.meanRecall(window.examAt),
        fsrsReviews: fsrs.reviews,
        plan: planned.meanRecall(window.examAt),
        planReviews: planned.reviews,
      };
    });

  it("beats plain FSRS on exam-day recall with the same number of reviews, when time is short", () => {
    const results = compare(30);
    for (const result of results) {
      expect(result.planReviews).toBeLessThanOrEqual(result.fsrsReviews);
      expect(result.plan).toBeGreaterThan(result.fsrs);
    }
    const gain = results.reduce((sum, result) => sum + result.plan - result.fsrs, 0) / results.length;
    expect(gain).toBeGreaterThan(0.01);
  });

  it("does at least as well as plain FSRS reviewing ahead when there is time to spare", () => {
    const results = compare(45);
    for (const result of results) expect(result.planReviews).toBeLessThanOrEqual(result.fsrsReviews);
    const mean = (key: "fsrs" | "plan") => results.reduce((sum, result) => sum + result[key], 0) / results.length;
    expect(mean("plan")).toBeGreaterThan(mean("fsrs"));
  });
});
