import "server-only";
import { forgettingCurve } from "@/app/_lib/scheduling";
import { type DayBoundary, studyDate, studyDayStart } from "@/app/_lib/study-day";
import { Prisma } from "@/prisma/generated/client";
import { getDb } from "./db";
import { getSettings } from "./preferences";
import type { CurrentUser } from "./session";

type User = Pick<CurrentUser, "id">;

/** Cards whose interval before a review was at least this many days are "mature" (as in Anki). */
export const matureDays = 21;
const dayMs = 86_400_000;

export type DayCount = { date: string; reviews: number; minutes: number };
export type Retention = { days: 7 | 30 | 365; young: Rate; mature: Rate };
export type Rate = { passed: number; total: number };
export type SectionMastery = {
  deck: string;
  /** 1 for a top heading of the notes, 2 for a heading under it. */
  depth: 1 | 2;
  /** The notes' language, for the section names. */
  language: string;
  section: string[];
  cards: number;
  /** Average probability of recall now (0 for a card never reviewed). */
  recall: number;
  /** Share of the section's cards whose probability of recall is above the desired retention. */
  aboveTarget: number;
};

export type Progress = {
  today: {
    dueNow: number;
    newLeft: number;
    learning: number;
    reviewed: number;
    minutes: number;
    streak: number;
    clearedStreak: number;
  };
  heatmap: DayCount[];
  retention: Retention[];
  desiredRetention: number;
  forecast: { date: string; reviews: number }[];
  counts: { new: number; learning: number; young: number; mature: number; suspended: number; retired: number };
  sections: SectionMastery[];
  stability: { bucket: string; cards: number }[];
  difficulty: { bucket: number; cards: number }[];
};

/** The SQL for the study date of a timestamp column, as `studyDate` computes it in JavaScript. */
export const studyDay = (column: Prisma.Sql, { timeZone, dayStartHour }: DayBoundary) =>
  Prisma.sql`((${column} AT TIME ZONE 'UTC') AT TIME ZONE ${timeZone} - make_interval(hours => ${dayStartHour}::int))::date`;

const dateString = (date: Date) => date.toISOString().slice(0, 10);
const addDaysTo = (date: string, days: number) => dateString(new Date(Date.parse(`${date}T00:00:00Z`) + days * dayMs));
const stabilityBuckets = ["< 1 d", "1–7 d", "7–30 d", "30–90 d", "90–365 d", "≥ 1 y"];

/** The settings a progress query needs, and the moments it is computed for. */
type QueryContext = { userId: string; now: Date; boundary: DayBoundary; desiredRetention: number };

/**
 * The progress page's queries, one aggregate each, all scoped to the user. Exported so
 * the benchmark can time them and check their plans (bench/progress.ts).
 */
export function progressQueries({ userId, now, boundary, desiredRetention }: QueryContext) {
  const today = studyDate(now, boundary);
  const dayStart = studyDayStart(now, boundary);
  const yearAgo = new Date(dayStart.getTime() - 365 * dayMs);
  const logDay = studyDay(Prisma.sql`"reviewedAt"`, boundary);
  const { decay, factor } = forgettingCurve;
  return {
    today: Prisma.sql`
        SELECT
          (SELECT count(*)::int FROM "ReviewLog" WHERE "userId" = ${userId}::uuid AND "reviewedAt" >= ${dayStart}::timestamp) AS "reviewed",
          (SELECT count(*)::int FROM "ReviewLog" WHERE "userId" = ${userId}::uuid AND "reviewedAt" >= ${dayStart}::timestamp AND "stateBefore" = 0) AS "newCards",
          (SELECT coalesce(sum("durationMs"), 0)::float8 FROM "ReviewLog" WHERE "userId" = ${userId}::uuid AND "reviewedAt" >= ${dayStart}::timestamp) AS "ms",
          (SELECT count(*)::int FROM "CardState" cs JOIN "Card" c ON c."id" = cs."cardId" AND c."retiredAt" IS NULL
            WHERE cs."userId" = ${userId}::uuid AND cs."state" > 0 AND cs."dueAt" <= ${now}::timestamp
              AND cs."suspendedAt" IS NULL AND (cs."buriedUntil" IS NULL OR cs."buriedUntil" <= ${now}::timestamp)) AS "dueNow",
          (SELECT count(*)::int FROM "CardState" cs JOIN "Card" c ON c."id" = cs."cardId" AND c."retiredAt" IS NULL
            WHERE cs."userId" = ${userId}::uuid AND cs."state" IN (1, 3) AND cs."suspendedAt" IS NULL) AS "learning"`,
    heatmap: Prisma.sql`
        SELECT ${logDay} AS "day", count(*)::int AS "reviews", sum("durationMs")::float8 AS "ms"
        FROM "ReviewLog" WHERE "userId" = ${userId}::uuid AND "reviewedAt" >= ${yearAgo}::timestamp
        GROUP BY 1 ORDER BY 1`,
    // Consecutive study days with reviews, up to today (or yesterday, if none yet today).
    streak: Prisma.sql`
        WITH days AS (SELECT DISTINCT ${logDay} AS "day" FROM "ReviewLog" WHERE "userId" = ${userId}::uuid),
        runs AS (SELECT "day", "day" - (row_number() OVER (ORDER BY "day"))::int AS "run" FROM days)
        SELECT count(*)::int AS "streak" FROM runs
        WHERE "run" = (SELECT "run" FROM runs WHERE "day" >= ${today}::date - 1 ORDER BY "day" DESC LIMIT 1)`,
    // Days that ended with a card overdue: from the study day a card fell due to the day
    // before it was next reviewed (or yesterday, when it still waits).
    // The last study day that ended with a card overdue: the day before the latest late
    // review (one whose due date's day had ended), or yesterday while a card due before
    // today still waits.
    cleared: Prisma.sql`
      SELECT greatest(
          (SELECT ${logDay} - 1 FROM "ReviewLog"
            WHERE "userId" = ${userId}::uuid AND "stateBefore" > 0
              AND ${studyDay(Prisma.sql`"dueBefore"`, boundary)} < ${logDay}
            ORDER BY "reviewedAt" DESC LIMIT 1),
          (SELECT ${today}::date - 1 FROM "CardState" cs JOIN "Card" c ON c."id" = cs."cardId" AND c."retiredAt" IS NULL
            WHERE cs."userId" = ${userId}::uuid AND cs."state" > 0 AND cs."suspendedAt" IS NULL
              AND cs."dueAt" < ${dayStart}::timestamp LIMIT 1)
        ) AS "lastUncleared",
        (SELECT ${studyDay(Prisma.sql`min("reviewedAt")`, boundary)} FROM "ReviewLog"
          WHERE "userId" = ${userId}::uuid) AS "firstDay"`,
    retention: Prisma.sql`
        SELECT "intervalBefore" >= ${matureDays}::int AS "mature", w."days",
          count(*)::int AS "total", count(*) FILTER (WHERE "grade" > 1)::int AS "passed"
        FROM "ReviewLog" r
        JOIN (VALUES (7), (30), (365)) AS w("days") ON r."reviewedAt" >= ${now}::timestamp - make_interval(days => w."days")
        WHERE r."userId" = ${userId}::uuid AND r."reviewedAt" >= ${yearAgo}::timestamp AND r."stateBefore" = 2
        GROUP BY 1, 2`,
    forecast: Prisma.sql`
        SELECT ${studyDay(Prisma.sql`greatest(cs."dueAt", ${now}::timestamp)`, boundary)} AS "day", count(*)::int AS "reviews"
        FROM "CardState" cs JOIN "Card" c ON c."id" = cs."cardId" AND c."retiredAt" IS NULL
        WHERE cs."userId" = ${userId}::uuid AND cs."state" > 0 AND cs."suspendedAt" IS NULL
          AND cs."dueAt" < ${new Date(dayStart.getTime() + 31 * dayMs)}::timestamp
        GROUP BY 1 ORDER BY 1`,
    counts: Prisma.sql`
        SELECT
          count(*) FILTER (WHERE c."retiredAt" IS NULL AND cs."suspendedAt" IS NULL AND coalesce(cs."state", 0) = 0)::int AS "new",
          count(*) FILTER (WHERE c."retiredAt" IS NULL AND cs."suspendedAt" IS NULL AND cs."state" IN (1, 3))::int AS "learning",
          count(*) FILTER (WHERE c."retiredAt" IS NULL AND cs."suspendedAt" IS NULL AND cs."state" = 2
            AND cs."scheduledDays" < ${matureDays}::int)::int AS "young",
          count(*) FILTER (WHERE c."retiredAt" IS NULL AND cs."suspendedAt" IS NULL AND cs."state" = 2
            AND cs."scheduledDays" >= ${matureDays}::int)::int AS "mature",
          count(*) FILTER (WHERE c."retiredAt" IS NULL AND cs."suspendedAt" IS NOT NULL)::int AS "suspended",
          count(*) FILTER (WHERE c."retiredAt" IS NOT NULL)::int AS "retired"
        FROM "Card" c LEFT JOIN "CardState" cs ON cs."cardId" = c."id" AND cs."userId" = ${userId}::uuid`,
    // Recall now per card, from its stability and the days since its last review.
    // Per top heading and per heading pair of the notes, in one pass (the heading tree, two levels).
    sections: Prisma.sql`
        WITH recall AS (
          SELECT d."slug" AS "deck", d."language", c."section"[1:1] AS "top", c."section"[1:2] AS "path",
            CASE WHEN cs."state" > 0 AND cs."stability" > 0 AND cs."lastReviewAt" IS NOT NULL
              THEN power(1 + ${factor}::float8 * greatest(floor(extract(epoch FROM ${now}::timestamp - cs."lastReviewAt") / 86400), 0)
                / cs."stability", ${decay}::float8)
              ELSE 0 END AS "r"
          FROM "Card" c JOIN "Deck" d ON d."id" = c."deckId"
          LEFT JOIN "CardState" cs ON cs."cardId" = c."id" AND cs."userId" = ${userId}::uuid
          WHERE c."retiredAt" IS NULL AND cs."suspendedAt" IS NULL
        )
        SELECT "deck", "language", coalesce("path", "top") AS "section",
          (CASE WHEN GROUPING("path") = 1 THEN 1 ELSE 2 END)::int AS "depth",
          count(*)::int AS "cards", avg("r")::float8 AS "recall",
          (count(*) FILTER (WHERE "r" >= ${desiredRetention}::float8))::float8 / count(*) AS "aboveTarget"
        FROM recall
        GROUP BY GROUPING SETS (("deck", "language", "top"), ("deck", "language", "top", "path"))
        ORDER BY "recall", "section"`,
    memory: Prisma.sql`
        SELECT 'stability' AS "kind", width_bucket(cs."stability", ARRAY[1, 7, 30, 90, 365]::float8[]) AS "bucket", count(*)::int AS "cards"
        FROM "CardState" cs JOIN "Card" c ON c."id" = cs."cardId" AND c."retiredAt" IS NULL
        WHERE cs."userId" = ${userId}::uuid AND cs."state" > 0 GROUP BY 2
        UNION ALL
        SELECT 'difficulty', least(greatest(floor(cs."difficulty")::int, 1), 10), count(*)::int
        FROM "CardState" cs JOIN "Card" c ON c."id" = cs."cardId" AND c."retiredAt" IS NULL
        WHERE cs."userId" = ${userId}::uuid AND cs."state" > 0 GROUP BY 2`,
  };
}

/**
 * Everything the progress page shows, for this user only. Each figure is one aggregate
 * in PostgreSQL over the user's rows (through the indexes on ReviewLog(userId,
 * reviewedAt) and CardState(userId, dueAt)); the queries run side by side.
 */
export async function getProgress(user: User, now: Date): Promise<Progress> {
  const db = getDb();
  const settings = await getSettings(user);
  const boundary = { timeZone: settings.timeZone, dayStartHour: settings.dayStartHour };
  const today = studyDate(now, boundary);
  const q = progressQueries({ userId: user.id, now, boundary, desiredRetention: settings.desiredRetention });
  const [
    todayRows,
    heatmapRows,
    streakRows,
    clearedRows,
    retentionRows,
    forecastRows,
    countRows,
    sectionRows,
    memoryRows,
  ] = await Promise.all([
    db.$queryRaw<{ reviewed: number; newCards: number; ms: number; dueNow: number; learning: number }[]>(q.today),
    db.$queryRaw<{ day: Date; reviews: number; ms: number }[]>(q.heatmap),
    db.$queryRaw<{ streak: number }[]>(q.streak),
    db.$queryRaw<{ lastUncleared: Date | null; firstDay: Date | null }[]>(q.cleared),
    db.$queryRaw<{ mature: boolean; days: number; total: number; passed: number }[]>(q.retention),
    db.$queryRaw<{ day: Date; reviews: number }[]>(q.forecast),
    db.$queryRaw<Progress["counts"][]>(q.counts),
    db.$queryRaw<SectionMastery[]>(q.sections),
    db.$queryRaw<{ kind: "stability" | "difficulty"; bucket: number; cards: number }[]>(q.memory),
  ]);

  const counts = todayRows[0] ?? { reviewed: 0, newCards: 0, ms: 0, dueNow: 0, learning: 0 };
  const { lastUncleared, firstDay } = clearedRows[0] ?? { lastUncleared: null, firstDay: null };
  // Today counts once nothing is due; until then the streak runs to yesterday.
  const reference = counts.dueNow > 0 ? addDaysTo(today, -1) : today;
  const since = [lastUncleared && dateString(lastUncleared), firstDay && addDaysTo(dateString(firstDay), -1)]
    .filter((day): day is string => day !== null && day <= reference)
    .sort()
    .at(-1);
  const clearedStreak = firstDay && since ? Math.round((Date.parse(reference) - Date.parse(since)) / dayMs) : 0;
  const rate = (mature: boolean, days: number): Rate => {
    const row = retentionRows.find((r) => r.mature === mature && r.days === days);
    return { passed: row?.passed ?? 0, total: row?.total ?? 0 };
  };
  const forecastByDay = new Map(forecastRows.map((row) => [dateString(row.day), row.reviews]));
  const difficulty = new Map(memoryRows.filter((r) => r.kind === "difficulty").map((r) => [r.bucket, r.cards]));
  const stability = new Map(memoryRows.filter((r) => r.kind === "stability").map((r) => [r.bucket, r.cards]));

  return {
    today: {
      dueNow: counts.dueNow,
      newLeft: Math.min(Math.max(0, settings.newCardsPerDay - counts.newCards), countRows[0]?.new ?? 0),
      learning: counts.learning,
      reviewed: counts.reviewed,
      minutes: Math.round(counts.ms / 60_000),
      streak: streakRows[0]?.streak ?? 0,
      clearedStreak,
    },
    heatmap: heatmapRows.map((row) => ({
      date: dateString(row.day),
      reviews: row.reviews,
      minutes: Math.round(row.ms / 60_000),
    })),
    retention: ([7, 30, 365] as const).map((days) => ({ days, young: rate(false, days), mature: rate(true, days) })),
    desiredRetention: settings.desiredRetention,
    forecast: Array.from({ length: 30 }, (_, i) => {
      const date = addDaysTo(today, i);
      return { date, reviews: forecastByDay.get(date) ?? 0 };
    }),
    counts: countRows[0] ?? { new: 0, learning: 0, young: 0, mature: 0, suspended: 0, retired: 0 },
    sections: sectionRows,
    stability: stabilityBuckets.map((bucket, i) => ({ bucket, cards: stability.get(i) ?? 0 })),
    difficulty: Array.from({ length: 10 }, (_, i) => ({ bucket: i + 1, cards: difficulty.get(i + 1) ?? 0 })),
  };
}

/** One review as the FSRS optimizer reads it. */
export type ReviewExportRow = {
  cardId: string;
  reviewedAt: Date;
  grade: number;
  stateBefore: number;
  durationMs: number;
  id: string;
};

/** The user's review log in time order, a page at a time (keyset on reviewedAt, id). */
export async function* reviewHistory(user: User, pageSize = 5000): AsyncGenerator<ReviewExportRow[]> {
  let after: { reviewedAt: Date; id: string } | null = null;
  for (;;) {
    const page: ReviewExportRow[] = await getDb().reviewLog.findMany({
      where: {
        userId: user.id,
        ...(after
          ? {
              OR: [{ reviewedAt: { gt: after.reviewedAt } }, { reviewedAt: after.reviewedAt, id: { gt: after.id } }],
            }
          : {}),
      },
      orderBy: [{ reviewedAt: "asc" }, { id: "asc" }],
      select: { id: true, cardId: true, reviewedAt: true, grade: true, stateBefore: true, durationMs: true },
      take: pageSize,
    });
    if (page.length === 0) return;
    yield page;
    const last = page.at(-1) as ReviewExportRow;
    after = { reviewedAt: last.reviewedAt, id: last.id };
    if (page.length < pageSize) return;
  }
}
