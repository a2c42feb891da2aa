import "server-only";
import { type PlanCard, planUntilExam, type StudyPlan } from "@/app/_lib/exam-plan";
import { nextStudyDayStart, studyDate, studyDayStart } from "@/app/_lib/study-day";
import { getDb } from "./db";
import { schedulerSettings, toMemory } from "./reviews";
import type { CurrentUser } from "./session";

type User = Pick<CurrentUser, "id">;

/** How long the person takes: a review, and a new card's first day (its learning steps included). */
export type StudyPace = { secondsPerReview: number; secondsPerNew: number; answers: number };

// Until 20 answers say otherwise: a review in 8 s, a new card's first day in 30 s.
const defaultPace = { secondsPerReview: 8, secondsPerNew: 30 };
const paceFromAnswers = 20;

/**
 * The person's pace from their last 1,000 answers: the median time a review takes, and
 * the median time of a learning answer times the answers a new card takes on its first
 * day. An answer counts at most a minute: a card left open is not study time.
 */
export async function getStudyPace(user: User): Promise<StudyPace> {
  const rows = await getDb().$queryRaw<
    { review: number | null; learning: number | null; fresh: number; steps: number; answers: number }[]
  >`
    WITH recent AS (
      SELECT least("durationMs", 60000) AS ms, "stateBefore" FROM "ReviewLog"
      WHERE "userId" = ${user.id}::uuid AND "grade" > 0 ORDER BY "seq" DESC LIMIT 1000
    )
    SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) FILTER (WHERE "stateBefore" IN (2, 3)) AS review,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) FILTER (WHERE "stateBefore" IN (0, 1)) AS learning,
      count(*) FILTER (WHERE "stateBefore" = 0)::int AS fresh,
      count(*) FILTER (WHERE "stateBefore" IN (0, 1))::int AS steps,
      count(*)::int AS answers
    FROM recent`;
  const row = rows[0];
  if (!row || row.answers < paceFromAnswers) return { ...defaultPace, answers: row?.answers ?? 0 };
  const secondsPerReview = row.review === null ? defaultPace.secondsPerReview : Math.max(1, row.review / 1000);
  const secondsPerNew =
    row.learning === null || row.fresh === 0
      ? defaultPace.secondsPerNew
      : Math.max(1, (row.learning / 1000) * (row.steps / row.fresh));
  return { secondsPerReview, secondsPerNew, answers: row.answers };
}

export type ExamScope = { id: string; deckId: string; sections: string[]; examAt: Date; dailyMinutes: number };

export type ExamCard = PlanCard & { section: string; kind: string; options: number };

type ExamCardRow = {
  id: string;
  kind: string;
  options: number;
  section: string | null;
  state: number | null;
  dueAt: Date | null;
  stability: number;
  difficulty: number;
  reps: number;
  lapses: number;
  learningStep: number;
  scheduledDays: number;
  lastReviewAt: Date | null;
};

/** The exam's cards in the notes' order, with the user's memory of each (suspended ones left out); one query. */
export async function loadExamCards(user: User, exam: Pick<ExamScope, "deckId" | "sections">): Promise<ExamCard[]> {
  const rows = await getDb().$queryRaw<ExamCardRow[]>`
    SELECT c."id", c."kind"::text AS kind, cardinality(c."choices") + 1 AS options, c."section"[1] AS section,
      s."state", s."dueAt", s."stability", s."difficulty", s."reps", s."lapses", s."learningStep",
      s."scheduledDays", s."lastReviewAt"
    FROM "Card" c
    LEFT JOIN "CardState" s ON s."cardId" = c."id" AND s."userId" = ${user.id}::uuid
    WHERE c."deckId" = ${exam.deckId}::uuid AND c."retiredAt" IS NULL AND s."suspendedAt" IS NULL
      AND (cardinality(${exam.sections}::text[]) = 0 OR c."section"[1] = ANY(${exam.sections}::text[]))
    ORDER BY c."position"`;
  return rows.map((row) => ({
    id: row.id,
    memory:
      row.state !== null && row.reps > 0
        ? toMemory({ ...row, state: row.state, dueAt: row.dueAt as Date, version: 0 })
        : null,
    section: row.section ?? "",
    kind: row.kind,
    options: row.options,
  }));
}

/** The plan from now until the exam, over the exam's cards and the user's study days. */
export async function planExam(
  user: User,
  exam: ExamScope,
  now: Date,
): Promise<{ plan: StudyPlan; pace: StudyPace; cards: ExamCard[] }> {
  const [cards, settings, pace] = await Promise.all([
    loadExamCards(user, exam),
    getDb().userSettings.findUnique({ where: { userId: user.id } }),
    getStudyPace(user),
  ]);
  const boundary = { timeZone: settings?.timeZone ?? "UTC", dayStartHour: settings?.dayStartHour ?? 4 };
  const dayStarts = [studyDayStart(now, boundary)];
  for (let day = dayStarts[0] as Date; day < exam.examAt; ) {
    day = nextStudyDayStart(day, boundary);
    if (day < exam.examAt) dayStarts.push(day);
  }
  const plan = planUntilExam({
    cards,
    now,
    examAt: exam.examAt,
    dayStarts,
    dailySeconds: exam.dailyMinutes * 60,
    ...pace,
    settings: schedulerSettings({
      desiredRetention: settings?.desiredRetention ?? 0.9,
      fuzz: false,
      fsrsWeights: settings?.fsrsWeights,
      ...boundary,
    }),
  });
  return { plan, pace, cards };
}

/**
 * Today's part of the plan for the user's next exam on this deck: the cards pulled
 * forward and how many new cards it introduces. Made once per study day and kept.
 */
export async function getTodaysPlan(
  user: User,
  deckId: string,
  now: Date,
): Promise<{ pulled: string[]; newCards: number } | null> {
  const db = getDb();
  const exam = await db.exam.findFirst({
    where: { userId: user.id, deckId, examAt: { gt: now } },
    orderBy: { examAt: "asc" },
  });
  if (!exam) return null;
  const settings = await db.userSettings.findUnique({ where: { userId: user.id } });
  const today = studyDate(now, { timeZone: settings?.timeZone ?? "UTC", dayStartHour: settings?.dayStartHour ?? 4 });
  if (exam.planDate === today) return { pulled: exam.plannedCardIds, newCards: exam.plannedNew };
  const { plan } = await planExam(user, { ...exam, sections: (exam.sections as string[]) ?? [] }, now);
  const kept = { pulled: plan.pulledToday, newCards: plan.newToday.length };
  await db.exam.updateMany({
    where: { id: exam.id, userId: user.id },
    data: { planDate: today, plannedCardIds: kept.pulled, plannedNew: kept.newCards },
  });
  return kept;
}
