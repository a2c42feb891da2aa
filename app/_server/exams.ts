import "server-only";
import type { PlanDay } from "@/app/_lib/exam-plan";
import { type Calibration, calibrate, chanceRight, forecastScore } from "@/app/_lib/exam-prediction";
import { formatOf, type QuizCard } from "@/app/_lib/practice-test";
import { forgettingCurve, recallProbability, type SchedulerSettings } from "@/app/_lib/scheduling";
import { getDb } from "./db";
import { visibleDecks } from "./deck-access";
import { type ExamCard, planExam, type StudyPace } from "./exam-plans";
import { firstTryRate } from "./practice-tests";
import { predictionSettings } from "./reviews";
import type { CurrentUser } from "./session";

type User = Pick<CurrentUser, "id">;

export type ExamInput = { deck: string; sections: string[]; examAt: Date; dailyMinutes: number };

/** Set the user's exam (one per deck: a new date replaces the old). */
export async function saveExam(user: User, input: ExamInput): Promise<{ id: string } | { error: "deck-not-found" }> {
  const db = getDb();
  const deck = await db.deck.findFirst({ where: { slug: input.deck, ...visibleDecks(user.id) }, select: { id: true } });
  if (!deck) return { error: "deck-not-found" };
  const data = { sections: input.sections, examAt: input.examAt, dailyMinutes: input.dailyMinutes };
  return db.$transaction(async (tx) => {
    await tx.exam.deleteMany({ where: { userId: user.id, deckId: deck.id } });
    return tx.exam.create({ data: { userId: user.id, deckId: deck.id, ...data }, select: { id: true } });
  });
}

/** Recall of the card at the exam if its memory is left as it is; `rate` for a card never reviewed. */
export const stopRecall = (card: ExamCard, examAt: Date, rate: number, settings: SchedulerSettings) =>
  card.memory ? recallProbability(card.memory, examAt, settings) : rate;

/** The chance of a right answer to the card's question on the exam: recalled, or else guessed among its options. */
export function chanceAtExam(card: ExamCard, recall: number): number {
  const format = formatOf(card.kind as QuizCard["kind"]);
  return chanceRight(recall, format === "multiple-choice" ? card.options : format === "true-false" ? 2 : undefined);
}

type Forecast = { expected: number; low: number; high: number };

export type ExamForecastDto = {
  exam: { id: string; deckTitle: string; deckSlug: string; sections: string[]; examAt: Date; dailyMinutes: number };
  questions: number;
  /** If the person studies no more. */
  stop: Forecast;
  /** If they follow the plan. */
  planned: Forecast;
  /** Cards never reviewed, counted at the person's first-try rate. */
  unseen: number;
  /** Cards the plan cannot reach before the exam in the time set. */
  unseenPlanned: number;
  firstTryRate: number;
  bySection: { section: string; questions: number; stop: Forecast; planned: Forecast }[];
  days: PlanDay[];
  pace: StudyPace;
  calibration: Calibration & { testAnswers: number; firstReviews: number };
};

const forecastOf = (chances: number[]): Forecast => {
  const { expected, low, high } = forecastScore(chances);
  return { expected, low, high };
};

/**
 * The user's next exam and how they would score on it: for each card in scope, a question
 * in its format, right with the recall probability FSRS gives for the exam's moment (plus
 * a guess among options), if they study no more and if they follow the plan; null
 * without an exam to come.
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
  const [{ plan, pace, cards }, rate, settings] = await Promise.all([
    planExam(user, { ...exam, deckId: exam.deck.id, sections }, now),
    firstTryRate(user),
    predictionSettings(user.id),
  ]);
  const calibration = await getCalibration(user, settings);
  const items = cards.map((card) => ({
    section: card.section,
    stop: chanceAtExam(card, stopRecall(card, exam.examAt, rate, settings)),
    planned: chanceAtExam(card, plan.examRecall.get(card.id) ?? rate),
  }));
  const sectionNames = [...new Set(items.map((item) => item.section))];
  return {
    exam: { ...exam, deckTitle: exam.deck.title, deckSlug: exam.deck.slug, sections },
    questions: items.length,
    stop: forecastOf(items.map((item) => item.stop)),
    planned: forecastOf(items.map((item) => item.planned)),
    unseen: cards.filter((card) => !card.memory).length,
    unseenPlanned: plan.unseen,
    firstTryRate: rate,
    bySection: sectionNames.map((section) => {
      const mine = items.filter((item) => item.section === section);
      return {
        section,
        questions: mine.length,
        stop: forecastOf(mine.map((item) => item.stop)),
        planned: forecastOf(mine.map((item) => item.planned)),
      };
    }),
    days: plan.days,
    pace,
    calibration,
  };
}

/**
 * How the model's chances held for this person: each practice-test answer with the chance
 * stored with it, and each first review of a card on a study day (a card in review, not
 * seen since an earlier day) with the recall FSRS gave it then, from the log's memory before.
 */
async function getCalibration(user: User, settings: SchedulerSettings): Promise<ExamForecastDto["calibration"]> {
  const db = getDb();
  const { decay, factor } = forgettingCurve(settings.weights);
  const [answered, reviews] = await Promise.all([
    db.testQuestion.findMany({
      where: { test: { userId: user.id }, answeredAt: { not: null }, predictedChance: { not: null } },
      select: { predictedChance: true, isCorrect: true },
    }),
    // ts-fsrs counts whole days since the last review; the same here.
    db.$queryRaw<{ chance: number; isRight: boolean }[]>`
      SELECT power(1 + ${factor}::float8 * floor(extract(epoch FROM "reviewedAt" - ("previous"->>'lastReviewAt')::timestamp) / 86400)
          / ("previous"->>'stability')::float8, ${decay}::float8) AS chance,
        "grade" > 1 AS "isRight"
      FROM "ReviewLog"
      WHERE "userId" = ${user.id}::uuid AND "grade" > 0 AND "stateBefore" = 2
        AND "reviewedAt" - ("previous"->>'lastReviewAt')::timestamp >= interval '12 hours'
        AND ("previous"->>'stability')::float8 > 0`,
  ]);
  const outcomes = [
    ...answered.map((answer) => ({ chance: answer.predictedChance ?? 0, isRight: answer.isCorrect === true })),
    ...reviews.map((review) => ({ chance: Math.min(1, Math.max(0, review.chance)), isRight: review.isRight })),
  ];
  return { ...calibrate(outcomes), testAnswers: answered.length, firstReviews: reviews.length };
}
