import "server-only";
import { forgettingCurve } from "@/app/_lib/scheduling";
import { type DayBoundary, studyDate, studyDayStart } from "@/app/_lib/study-day";
import { Prisma } from "@/prisma/generated/client";
import { visibleDeckSql } from "./deck-access";

/** Cards whose interval before a review was at least this many days are "mature" (as in Anki). */
export const matureDays = 21;
const dayMs = 86_400_000;

/** The SQL for the study date of a timestamp column, as `studyDate` computes it in JavaScript. */
export const studyDay = (column: Prisma.Sql, { timeZone, dayStartHour }: DayBoundary) =>
  Prisma.sql`((${column} AT TIME ZONE 'UTC') AT TIME ZONE ${timeZone} - make_interval(hours => ${dayStartHour}::int))::date`;

/** The settings a progress query needs, and the moments it is computed for. */
type QueryContext = {
  userId: string;
  now: Date;
  boundary: DayBoundary;
  desiredRetention: number;
  /** The person's FSRS parameters (empty: the defaults): their forgetting curve. */
  weights?: readonly number[];
};

/**
 * The progress page's queries, one aggregate each, all scoped to the user. Exported so
 * the benchmark can time them and check their plans (bench/progress.ts).
 */
export function progressQueries({ userId, now, boundary, desiredRetention, weights }: QueryContext) {
  const today = studyDate(now, boundary);
  const dayStart = studyDayStart(now, boundary);
  const yearAgo = new Date(dayStart.getTime() - 365 * dayMs);
  const logDay = studyDay(Prisma.sql`"reviewedAt"`, boundary);
  const { decay, factor } = forgettingCurve(weights);
  return {
    today: Prisma.sql`
        SELECT
          (SELECT count(*)::int FROM "ReviewLog" WHERE "userId" = ${userId}::uuid AND "grade" > 0 AND "reviewedAt" >= ${dayStart}::timestamp) AS "reviewed",
          (SELECT count(*)::int FROM "ReviewLog" WHERE "userId" = ${userId}::uuid AND "grade" > 0 AND "reviewedAt" >= ${dayStart}::timestamp AND "stateBefore" = 0) AS "newCards",
          (SELECT coalesce(sum("durationMs"), 0)::float8 FROM "ReviewLog" WHERE "userId" = ${userId}::uuid AND "grade" > 0 AND "reviewedAt" >= ${dayStart}::timestamp) AS "ms",
          (SELECT count(*)::int FROM "CardState" cs JOIN "Card" c ON c."id" = cs."cardId" AND c."retiredAt" IS NULL
            WHERE cs."userId" = ${userId}::uuid AND cs."state" > 0 AND cs."dueAt" <= ${now}::timestamp
              AND cs."suspendedAt" IS NULL AND (cs."buriedUntil" IS NULL OR cs."buriedUntil" <= ${now}::timestamp)) AS "dueNow",
          (SELECT count(*)::int FROM "CardState" cs JOIN "Card" c ON c."id" = cs."cardId" AND c."retiredAt" IS NULL
            WHERE cs."userId" = ${userId}::uuid AND cs."state" IN (1, 3) AND cs."suspendedAt" IS NULL) AS "learning"`,
    heatmap: Prisma.sql`
        SELECT ${logDay} AS "day", count(*)::int AS "reviews", sum("durationMs")::float8 AS "ms"
        FROM "ReviewLog" WHERE "userId" = ${userId}::uuid AND "grade" > 0 AND "reviewedAt" >= ${yearAgo}::timestamp
        GROUP BY 1 ORDER BY 1`,
    // Consecutive study days with reviews, up to today (or yesterday, if none yet today).
    streak: Prisma.sql`
        WITH days AS (SELECT DISTINCT ${logDay} AS "day" FROM "ReviewLog" WHERE "userId" = ${userId}::uuid AND "grade" > 0),
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
            WHERE "userId" = ${userId}::uuid AND "grade" > 0 AND "stateBefore" > 0
              AND ${studyDay(Prisma.sql`"previousDueAt"`, boundary)} < ${logDay}
            ORDER BY "reviewedAt" DESC LIMIT 1),
          (SELECT ${today}::date - 1 FROM "CardState" cs JOIN "Card" c ON c."id" = cs."cardId" AND c."retiredAt" IS NULL
            WHERE cs."userId" = ${userId}::uuid AND cs."state" > 0 AND cs."suspendedAt" IS NULL
              AND cs."dueAt" < ${dayStart}::timestamp LIMIT 1)
        ) AS "lastUncleared",
        (SELECT ${studyDay(Prisma.sql`min("reviewedAt")`, boundary)} FROM "ReviewLog"
          WHERE "userId" = ${userId}::uuid AND "grade" > 0) AS "firstDay"`,
    retention: Prisma.sql`
        SELECT "previousIntervalDays" >= ${matureDays}::int AS "mature", w."days",
          count(*)::int AS "total", count(*) FILTER (WHERE "grade" > 1)::int AS "passed"
        FROM "ReviewLog" r
        JOIN (VALUES (7), (30), (365)) AS w("days") ON r."reviewedAt" >= ${now}::timestamp - make_interval(days => w."days")
        WHERE r."userId" = ${userId}::uuid AND r."grade" > 0 AND r."reviewedAt" >= ${yearAgo}::timestamp AND r."stateBefore" = 2
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
        FROM "Card" c JOIN "Deck" d ON d."id" = c."deckId" AND d."archivedAt" IS NULL AND ${visibleDeckSql(userId, "d")}
        LEFT JOIN "CardState" cs ON cs."cardId" = c."id" AND cs."userId" = ${userId}::uuid`,
    // Recall now per card, from its stability and the days since its last review.
    // Per top heading and per heading pair of the notes, in one pass (the heading tree, two levels).
    sections: Prisma.sql`
        WITH recall AS (
          SELECT d."slug" AS "deck", d."language", c."section"[1:1] AS "top", c."section"[1:2] AS "path",
            CASE WHEN cs."state" > 0 AND cs."stability" > 0 AND cs."lastReviewAt" IS NOT NULL
              THEN power(1 + ${factor}::float8 * greatest(floor(extract(epoch FROM ${now}::timestamp - cs."lastReviewAt") / 86400), 0)
                / cs."stability", ${decay}::float8)
              ELSE 0 END AS "r"
          FROM "Card" c JOIN "Deck" d ON d."id" = c."deckId" AND d."archivedAt" IS NULL AND ${visibleDeckSql(userId, "d")}
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
