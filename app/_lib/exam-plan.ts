import {
  type GradeValue,
  intervalFor,
  type Memory,
  nextStrength,
  recallAfter,
  type SchedulerSettings,
  type Strength,
  studyDaysBetween,
} from "./scheduling";

// What to study each day until an exam, for a daily time budget. Each day, in order: new
// cards, as many as the time allows (a card never seen scores nothing, and the earlier
// it is seen the more reviews it has to settle before the exam: in simulation this beat
// spreading them over the days), the reviews FSRS has due (most forgotten first), then,
// with the time left, cards pulled forward: those not due today, by how much a review
// today raises their recall on the exam's day. Nothing past the budget is planned: a day
// that cannot hold its due reviews passes the rest to the next. Later answers are assumed
// right; the plan is made again each day from the real answers.

const dayMs = 86_400_000;

export type PlanCard = { id: string; memory: Memory | null };

export type PlanInput = {
  /** In the order new cards are introduced. */
  cards: PlanCard[];
  now: Date;
  examAt: Date;
  /** Where each study day from today's to the exam's begins. */
  dayStarts: Date[];
  dailySeconds: number;
  secondsPerReview: number;
  /** A new card's first day, its learning steps included. */
  secondsPerNew: number;
  settings: SchedulerSettings;
};

export type PlanDay = { startsAt: Date; due: number; newCards: number; pulled: number; seconds: number };

export type StudyPlan = {
  days: PlanDay[];
  /** Cards to review today that FSRS would not show: pulled forward. */
  pulledToday: string[];
  newToday: string[];
  /** Recall on the exam's day if the plan is followed, by card id; a card the plan never reaches is absent. */
  examRecall: Map<string, number>;
  /** New cards the budget cannot introduce before the exam. */
  unseen: number;
};

type Tracked = {
  id: string;
  strength: Strength | null;
  lastAt: number;
  dueAt: number;
  /** Recall on the exam's day from the last planned review: right or forgotten, each with its chance. */
  examRecall: number;
};

// Recall after whole days (rounded down), as ts-fsrs gives it; to the exam, the exact time:
// a card relearned the morning of an afternoon exam is not certain to be recalled.
const elapsedDays = (from: number, to: number) => Math.floor((to - from) / dayMs);
const daysToExam = (from: number, examAt: number) => (examAt - from) / dayMs;

/** Recall on the exam's day after a review at `at`, weighing a forgotten answer by its chance. */
function reviewedRecall(card: Tracked, strength: Strength, at: number, examAt: number, settings: SchedulerSettings) {
  const recall = recallAfter(elapsedDays(card.lastAt, at), strength.stability, settings);
  // The next memory from the study days between, as the scheduler counts them.
  const days = studyDaysBetween(new Date(card.lastAt), new Date(at), settings);
  const after = (grade: GradeValue) => nextStrength(strength, days, grade, settings);
  const right = after(3);
  const left = daysToExam(at, examAt);
  return {
    right,
    examRecall:
      recall * recallAfter(left, right.stability, settings) +
      (1 - recall) * recallAfter(left, after(1).stability, settings),
  };
}

function review(card: Tracked, at: number, examAt: number, settings: SchedulerSettings) {
  if (!card.strength) return;
  const { right, examRecall } = reviewedRecall(card, card.strength, at, examAt, settings);
  card.strength = right;
  card.lastAt = at;
  card.dueAt = at + intervalFor(right.stability, settings) * dayMs;
  card.examRecall = examRecall;
}

/** A new card's first day: seen, then right at its learning steps. */
function introduce(card: Tracked, at: number, examAt: number, settings: SchedulerSettings) {
  const strength = nextStrength(nextStrength(null, 0, 3, settings), 0, 3, settings);
  card.strength = strength;
  card.lastAt = at;
  card.dueAt = at + intervalFor(strength.stability, settings) * dayMs;
  card.examRecall = recallAfter(daysToExam(at, examAt), strength.stability, settings);
}

type Day = PlanDay & { at: number; end: number; left: number };

function spend(day: Day, seconds: number) {
  day.left -= seconds;
  day.seconds += seconds;
}

/** The due reviews the day holds, most forgotten first. */
function reviewDue(tracked: Tracked[], day: Day, input: PlanInput, examAt: number) {
  const { settings } = input;
  const due = tracked
    .filter((card) => card.strength && card.dueAt < day.end && card.dueAt < examAt)
    .map((card) => ({
      card,
      recall: recallAfter(elapsedDays(card.lastAt, day.at), card.strength?.stability ?? 0, settings),
    }))
    .sort((a, b) => a.recall - b.recall);
  for (const { card } of due) {
    if (day.left < input.secondsPerReview) break;
    review(card, day.at, examAt, settings);
    spend(day, input.secondsPerReview);
    day.due++;
  }
}

/** With the time left, the cards not due whose exam-day recall a review now raises most. */
function pullForward(tracked: Tracked[], day: Day, input: PlanInput, examAt: number): Tracked[] {
  const { settings } = input;
  const start = day.startsAt.getTime();
  if (day.left < input.secondsPerReview) return [];
  const gains = tracked
    .filter((card) => card.strength && card.lastAt < start && card.dueAt >= day.end)
    .map((card) => {
      const { examRecall } = reviewedRecall(card, card.strength as Strength, day.at, examAt, settings);
      return { card, gain: examRecall - card.examRecall };
    })
    .filter(({ gain }) => gain > 0)
    .sort((a, b) => b.gain - a.gain);
  const pulled = gains.slice(0, Math.floor(day.left / input.secondsPerReview)).map(({ card }) => card);
  for (const card of pulled) {
    review(card, day.at, examAt, settings);
    spend(day, input.secondsPerReview);
    day.pulled++;
  }
  return pulled;
}

/** The study plan until the exam. */
export function planUntilExam(input: PlanInput): StudyPlan {
  const { settings } = input;
  const examAt = input.examAt.getTime();
  const tracked: Tracked[] = input.cards.map(({ id, memory }) => {
    const seen = memory && memory.state !== 0 && memory.lastReviewAt;
    if (!seen) return { id, strength: null, lastAt: 0, dueAt: Number.POSITIVE_INFINITY, examRecall: 0 };
    const lastAt = memory.lastReviewAt?.getTime() ?? 0;
    const strength = { stability: memory.stability, difficulty: memory.difficulty };
    const examRecall = recallAfter(daysToExam(lastAt, examAt), strength.stability, settings);
    return { id, strength, lastAt, dueAt: memory.dueAt.getTime(), examRecall };
  });
  const fresh = tracked.filter((card) => !card.strength);
  const starts = input.dayStarts.map((start) => start.getTime()).filter((start) => start < examAt);
  const plan: StudyPlan = { days: [], pulledToday: [], newToday: [], examRecall: new Map(), unseen: 0 };
  starts.forEach((start, d) => {
    const day: Day = {
      startsAt: new Date(start),
      at: d === 0 ? Math.max(start, input.now.getTime()) : start,
      end: starts[d + 1] ?? examAt,
      left: input.dailySeconds,
      due: 0,
      newCards: 0,
      pulled: 0,
      seconds: 0,
    };
    while (fresh.length > 0 && day.left >= input.secondsPerNew) {
      const card = fresh.shift() as Tracked;
      introduce(card, day.at, examAt, settings);
      spend(day, input.secondsPerNew);
      day.newCards++;
      if (d === 0) plan.newToday.push(card.id);
    }
    reviewDue(tracked, day, input, examAt);
    const pulled = pullForward(tracked, day, input, examAt);
    if (d === 0) plan.pulledToday = pulled.map((card) => card.id);
    const { startsAt, due, newCards, seconds } = day;
    plan.days.push({ startsAt, due, newCards, pulled: day.pulled, seconds });
  });
  for (const card of tracked) if (card.strength) plan.examRecall.set(card.id, card.examRecall);
  plan.unseen = fresh.length;
  return plan;
}
