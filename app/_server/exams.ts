import "server-only";
import { type Calibration, calibrate, chanceRight, forecastScore } from "@/app/_lib/exam-prediction";
import { formatOf } from "@/app/_lib/practice-test";
import { recallProbability } from "@/app/_lib/scheduling";
import { getDb } from "./db";
import { firstTryRate } from "./practice-tests";
import { schedulerSettings, toMemory } from "./reviews";
import type { CurrentUser } from "./session";

type User = Pick<CurrentUser, "id">;

export type ExamInput = { deck: string; sections: string[]; examAt: Date; dailyMinutes: number };

/** Set the user's exam (one per deck: a new date replaces the old). */
export async function saveExam(user: User, input: ExamInput): Promise<{ id: string } | { error: "deck-not-found" }> {
  const db = getDb();
  const deck = await db.deck.findUnique({ where: { slug: input.deck }, select: { id: true } });
  if (!deck) return { error: "deck-not-found" };
  const data = { sections: input.sections, examAt: input.examAt, dailyMinutes: input.dailyMinutes };
  return db.$transaction(async (tx) => {
    await tx.exam.deleteMany({ where: { userId: user.id, deckId: deck.id } });
    return tx.exam.create({ data: { userId: user.id, deckId: deck.id, ...data }, select: { id: true } });
  });
}

export type ExamForecastDto = {
  exam: { id: string; deckTitle: string; deckSlug: string; sections: string[]; examAt: Date; dailyMinutes: number };
  questions: number;
  expected: number;
  low: number;
  high: number;
  /** Cards never reviewed, counted at the person's first-try rate. */
  unseen: number;
  firstTryRate: number;
  bySection: { section: string; questions: number; expected: number }[];
  calibration: Calibration;
};

/**
 * The user's next exam and how they would score on it if they studied no more: for each
 * card in scope, a question in its format, right with the recall probability FSRS gives
 * for the exam's moment (plus a guess among options); null without an exam to come.
 */
export async function getExamForecast(user: User, now: Date): Promise<ExamForecastDto | null> {
  const db = getDb();
  const exam = await db.exam.findFirst({
    where: { userId: user.id, examAt: { gt: now } },
    orderBy: { examAt: "asc" },
    select: {
      id: true,
      sections: true,
      examAt: true,
      dailyMinutes: true,
      deck: { select: { id: true, title: true, slug: true } },
    },
  });
  if (!exam) return null;
  const sections = (exam.sections as string[]) ?? [];
  const [cards, rate, answered] = await Promise.all([
    db.card.findMany({
      where: { deckId: exam.deck.id, retiredAt: null },
      select: { kind: true, choices: true, section: true, states: { where: { userId: user.id } } },
    }),
    firstTryRate(user),
    db.testQuestion.findMany({
      where: { test: { userId: user.id }, answeredAt: { not: null }, predictedChance: { not: null } },
      select: { predictedChance: true, isCorrect: true },
    }),
  ]);
  const settings = schedulerSettings({ desiredRetention: 0.9, fuzz: false });
  let unseen = 0;
  const items = cards
    .filter((card) => sections.length === 0 || sections.includes(card.section[0] ?? ""))
    .map((card) => {
      const state = card.states[0];
      const seen = state && state.reps > 0;
      if (!seen) unseen++;
      const recall = seen ? recallProbability(toMemory(state), exam.examAt, settings) : rate;
      const format = formatOf(card.kind);
      const options = format === "multiple-choice" ? card.choices.length + 1 : format === "true-false" ? 2 : undefined;
      return { section: card.section[0] ?? "", chance: chanceRight(recall, options) };
    });
  const forecast = forecastScore(items.map((item) => item.chance));
  const bySection = new Map<string, { questions: number; expected: number }>();
  for (const item of items) {
    const tally = bySection.get(item.section) ?? { questions: 0, expected: 0 };
    bySection.set(item.section, { questions: tally.questions + 1, expected: tally.expected + item.chance });
  }
  return {
    exam: { ...exam, deckTitle: exam.deck.title, deckSlug: exam.deck.slug, sections },
    questions: forecast.questions,
    expected: forecast.expected,
    low: forecast.low,
    high: forecast.high,
    unseen,
    firstTryRate: rate,
    bySection: [...bySection].map(([section, tally]) => ({ section, ...tally })),
    calibration: calibrate(
      answered.map((answer) => ({ chance: answer.predictedChance ?? 0, isRight: answer.isCorrect === true })),
    ),
  };
}
