import "server-only";
import { weekOf } from "@/app/_lib/team-week";
import { Prisma } from "@/prisma/generated/client";
import { getDb } from "./db";
import type { CurrentUser } from "./session";
import { canManage, roleIn } from "./teams";

type User = Pick<CurrentUser, "id">;

export type BoardRow = { rank: number; name: string; points: number; reviews: number; streak: number; isMe: boolean };
export type TeamBoardDto = {
  period: "week" | "all";
  week: { start: string; end: string };
  rows: BoardRow[];
  /** Members who chose not to be ranked: counted, never named or scored. */
  hidden: number;
  /** The user's own figures, shown to them even when hidden. */
  me: { points: number; reviews: number; streak: number };
};

type Tally = { userId: string; name: string; isOnBoard: boolean; points: number; reviews: number };

/**
 * The weekly board (the team's week, in its time zone) or the all-time one: points and
 * answers on the team's decks from the members' day rollups, never from the review log.
 */
export function boardQuery(teamId: string, week: { start: string; end: string } | null) {
  const inWeek = week ? Prisma.sql`AND d."date" >= ${week.start}::date AND d."date" < ${week.end}::date` : Prisma.empty;
  return Prisma.sql`
    SELECT m."userId", (SELECT u."name" FROM "User" u WHERE u."id" = m."userId") AS name, m."isOnBoard",
      coalesce(sum(d."points"), 0)::float8 AS points, coalesce(sum(d."reviews"), 0)::int AS reviews
    FROM "TeamMember" m
    LEFT JOIN "UserDay" d ON d."userId" = m."userId" ${inWeek}
      AND d."deckId" IN (SELECT "deckId" FROM "TeamDeck" WHERE "teamId" = ${teamId}::uuid)
    WHERE m."teamId" = ${teamId}::uuid
    GROUP BY m."userId", m."isOnBoard"`;
}

/** Each member's current run of study days (on the team's decks) up to today or yesterday. */
async function streaks(teamId: string, userIds: string[], today: string): Promise<Map<string, number>> {
  if (userIds.length === 0) return new Map();
  const rows = await getDb().$queryRaw<{ userId: string; days: number }[]>`
    WITH days AS (
      SELECT DISTINCT d."userId", d."date" FROM "UserDay" d
      WHERE d."userId" = ANY(${userIds}::uuid[]) AND d."reviews" > 0 AND d."date" > ${today}::date - 400
        AND d."deckId" IN (SELECT "deckId" FROM "TeamDeck" WHERE "teamId" = ${teamId}::uuid)
    ), runs AS (
      SELECT "userId", max("date") AS last, count(*)::int AS days
      FROM (SELECT "userId", "date", "date" - (row_number() OVER (PARTITION BY "userId" ORDER BY "date"))::int AS run
        FROM days) AS numbered
      GROUP BY "userId", run
    )
    SELECT "userId", "days" FROM runs WHERE last >= ${today}::date - 1`;
  return new Map(rows.map((row) => [row.userId, row.days]));
}

/** The team's board for a member of it, or null. */
export async function getTeamBoard(
  user: User,
  teamId: string,
  period: "week" | "all",
  now: Date,
): Promise<TeamBoardDto | null> {
  if (!(await roleIn(user, teamId))) return null;
  const db = getDb();
  const team = await db.team.findUnique({
    where: { id: teamId },
    select: { timeZone: true, weekStartsOn: true },
  });
  if (!team) return null;
  const week = weekOf(now, team.timeZone, team.weekStartsOn);
  const tallies = await db.$queryRaw<Tally[]>(boardQuery(teamId, period === "week" ? week : null));
  const shown = tallies.filter((tally) => tally.isOnBoard);
  const runs = await streaks(teamId, [...new Set([...shown.map((tally) => tally.userId), user.id])], week.today);
  // Ranked by the points shown (whole), then answers, then name.
  const rounded = (points: number) => Math.round(points);
  const sorted = [...shown].sort(
    (a, b) => rounded(b.points) - rounded(a.points) || b.reviews - a.reviews || a.name.localeCompare(b.name),
  );
  const rows = sorted.map((tally) => ({
    rank: 1 + sorted.filter((other) => rounded(other.points) > rounded(tally.points)).length,
    name: tally.name,
    points: rounded(tally.points),
    reviews: tally.reviews,
    streak: runs.get(tally.userId) ?? 0,
    isMe: tally.userId === user.id,
  }));
  const mine = tallies.find((tally) => tally.userId === user.id);
  return {
    period,
    week: { start: week.start, end: week.end },
    rows,
    hidden: tallies.length - shown.length,
    me: { points: rounded(mine?.points ?? 0), reviews: mine?.reviews ?? 0, streak: runs.get(user.id) ?? 0 },
  };
}

export const minQuizQuestions = 10;

export type QuizBoardDto = { rows: { name: string; best: number; tests: number; isMe: boolean }[]; hidden: number };

/**
 * When the team has an exam set: the best score of each member's practice tests started
 * from the team's page this week on the exam's deck (finished, ten questions at least),
 * those who chose to be ranked only.
 */
export async function getQuizBoard(user: User, teamId: string, now: Date): Promise<QuizBoardDto | null> {
  if (!(await roleIn(user, teamId))) return null;
  const db = getDb();
  const team = await db.team.findUnique({
    where: { id: teamId },
    select: { timeZone: true, weekStartsOn: true, exam: { select: { deckId: true } } },
  });
  if (!team?.exam) return null;
  const week = weekOf(now, team.timeZone, team.weekStartsOn);
  const rows = await db.$queryRaw<
    { userId: string; name: string; isOnBoard: boolean; best: number | null; tests: number }[]
  >`
    WITH scores AS (
      SELECT t."userId", avg(CASE WHEN q."isCorrect" THEN 1 ELSE 0 END)::float8 AS score
      FROM "PracticeTest" t JOIN "TestQuestion" q ON q."testId" = t."id"
      WHERE t."teamId" = ${teamId}::uuid AND t."finishedAt" IS NOT NULL AND t."deckId" = ${team.exam.deckId}::uuid
        AND (t."startedAt" AT TIME ZONE 'UTC' AT TIME ZONE ${team.timeZone})::date >= ${week.start}::date
      GROUP BY t."id", t."userId"
      -- A test of a handful of questions says little: ten at least.
      HAVING count(*) >= ${minQuizQuestions}::int
    )
    SELECT m."userId", u."name", m."isOnBoard", max(s.score) AS best, count(s.score)::int AS tests
    FROM "TeamMember" m JOIN "User" u ON u."id" = m."userId" LEFT JOIN scores s ON s."userId" = m."userId"
    WHERE m."teamId" = ${teamId}::uuid
    GROUP BY m."userId", u."name", m."isOnBoard"`;
  const shown = rows.filter((row) => row.isOnBoard && row.best !== null);
  return {
    rows: shown
      .sort((a, b) => (b.best ?? 0) - (a.best ?? 0))
      .map((row) => ({ name: row.name, best: row.best ?? 0, tests: row.tests, isMe: row.userId === user.id })),
    hidden: rows.filter((row) => !row.isOnBoard).length,
  };
}

/**
 * Members on the boards whose answers this week were too fast to read, for those who
 * manage the team: points on a board are public, so are the answers that earned none;
 * a member not on the boards keeps their figures to themselves.
 */
export async function listFlagged(
  user: User,
  teamId: string,
  now: Date,
): Promise<{ name: string; flagged: number }[] | null> {
  if (!canManage(await roleIn(user, teamId))) return null;
  const db = getDb();
  const team = await db.team.findUnique({
    where: { id: teamId },
    select: { timeZone: true, weekStartsOn: true },
  });
  if (!team) return null;
  const week = weekOf(now, team.timeZone, team.weekStartsOn);
  return db.$queryRaw<{ name: string; flagged: number }[]>`
    SELECT u."name", sum(d."flagged")::int AS flagged
    FROM "TeamMember" m JOIN "User" u ON u."id" = m."userId"
    JOIN "UserDay" d ON d."userId" = m."userId" AND d."date" >= ${week.start}::date AND d."date" < ${week.end}::date
      AND d."deckId" IN (SELECT "deckId" FROM "TeamDeck" WHERE "teamId" = ${teamId}::uuid)
    WHERE m."teamId" = ${teamId}::uuid AND m."isOnBoard"
    GROUP BY m."userId", u."name" HAVING sum(d."flagged") > 0
    ORDER BY 2 DESC`;
}
