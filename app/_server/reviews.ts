import "server-only";
import { pointsFor, tooFast } from "@/app/_lib/points";
import {
  applyGrade,
  type GradeValue,
  type Memory,
  newMemory,
  previewGrades,
  type SchedulerSettings,
  usableWeights,
} from "@/app/_lib/scheduling";
import { studyDate, studyDayStart } from "@/app/_lib/study-day";
import { Prisma } from "@/prisma/generated/client";
import { type SessionClaims, sessionIsCurrent } from "./accounts";
import { getDb } from "./db";
import { visibleDeckSql } from "./deck-access";
import { queryPrepared } from "./prepared";
import type { CurrentUser } from "./session";

type User = Pick<CurrentUser, "id">;

export type AnswerInput = {
  cardId: string;
  grade: GradeValue;
  /** Chosen by the client, one per answer: a replay of the same answer changes nothing. */
  answerId: string;
  /** The state version the client answered; 0 for a card never seen. */
  version: number;
  durationMs: number;
  /**
   * How long before it was sent the answer was given (an answer kept in the browser while
   * offline is sent later): it counts from then, up to a week back, never before the
   * person's last answer nor before the study day it arrives on.
   */
  answeredAgoMs?: number;
};

/** How long an answer kept in the browser counts from when it was given. */
export const answerKeptAtMostMs = 7 * 24 * 3_600_000;

export type AnswerResult =
  | { status: "applied" | "replayed"; cardId: string; version: number; dueAt: Date; state: Memory["state"] }
  | { error: "not-found" | "unauthenticated" }
  | { error: "card-moved-on"; version: number };

// A CardState row: a memory plus the version an answer must name.
export type StateRow = Omit<Memory, "state"> & { state: number; version: number };

export const toMemory = (row: StateRow): Memory => ({
  state: row.state as Memory["state"],
  dueAt: row.dueAt,
  stability: row.stability,
  difficulty: row.difficulty,
  reps: row.reps,
  lapses: row.lapses,
  learningStep: row.learningStep,
  scheduledDays: row.scheduledDays,
  lastReviewAt: row.lastReviewAt,
});

/** A memory as the log's `previous` column keeps it. */
export const serializeMemory = (memory: Memory) =>
  JSON.stringify({
    ...memory,
    dueAt: memory.dueAt.toISOString(),
    lastReviewAt: memory.lastReviewAt?.toISOString() ?? null,
  });

export const parseMemory = (previous: Record<string, unknown>): Memory => ({
  ...(previous as Omit<Memory, "dueAt" | "lastReviewAt">),
  dueAt: new Date(previous.dueAt as string),
  lastReviewAt: previous.lastReviewAt ? new Date(previous.lastReviewAt as string) : null,
});

/** FSRS settings from a user's stored preferences, their own parameters if fitted, and their study day. */
export function schedulerSettings({
  desiredRetention,
  fuzz,
  fsrsWeights,
  timeZone,
  dayStartHour,
}: {
  desiredRetention: number;
  fuzz: boolean;
  fsrsWeights?: readonly number[] | null;
  /** The person's study day; without, days are counted in UTC. */
  timeZone?: string | null;
  dayStartHour?: number | null;
}): SchedulerSettings {
  const weights = usableWeights(fsrsWeights);
  return {
    desiredRetention,
    fuzz,
    maximumIntervalDays: 36500,
    ...(weights ? { weights } : {}),
    ...(timeZone ? { day: { timeZone, dayStartHour: dayStartHour ?? 4 } } : {}),
  };
}

/**
 * The settings a person's recall probabilities are computed with (their desired retention
 * and their own parameters, if fitted; no fuzz): predictions, tests and plans.
 */
export async function predictionSettings(userId: string): Promise<SchedulerSettings> {
  const settings = await getDb().userSettings.findUnique({
    where: { userId },
    select: { desiredRetention: true, fsrsWeights: true, timeZone: true, dayStartHour: true },
  });
  return schedulerSettings({
    desiredRetention: settings?.desiredRetention ?? 0.9,
    fuzz: false,
    fsrsWeights: settings?.fsrsWeights,
    timeZone: settings?.timeZone ?? "UTC",
    dayStartHour: settings?.dayStartHour,
  });
}

// Whether the session is current, the card (null when missing or retired), its state
// (nulls for a card never seen), and the settings the next state is computed with.
type CurrentRow = { [K in keyof StateRow]: StateRow[K] | null } & {
  signedIn: boolean;
  cardId: string | null;
  desiredRetention: number | null;
  fuzz: boolean | null;
  fsrsWeights: number[] | null;
  timeZone: string | null;
  dayStartHour: number | null;
  lastAnsweredAt: Date | null;
};

/** An answer that was not applied: the same answer recorded earlier, or a card that moved on. */
async function notApplied(user: User, input: AnswerInput): Promise<AnswerResult | null> {
  const [earlier, state] = await Promise.all([
    getDb().reviewLog.findUnique({
      where: { userId_answerId: { userId: user.id, answerId: input.answerId } },
      select: { cardId: true, dueAt: true, stateAfter: true },
    }),
    getDb().cardState.findUnique({
      where: { userId_cardId: { userId: user.id, cardId: input.cardId } },
      select: { version: true },
    }),
  ]);
  const version = state?.version ?? 0;
  if (earlier) {
    return {
      status: "replayed",
      cardId: earlier.cardId,
      version,
      dueAt: earlier.dueAt,
      state: earlier.stateAfter as Memory["state"],
    };
  }
  return version === input.version ? null : { error: "card-moved-on", version };
}

/**
 * Record one answer: read the card's state and the user's desired retention and fuzz,
 * compute the next state with FSRS, then write it in one statement, which is its own
 * transaction: it locks the user's state row for the card, applies only if the row is
 * still at the version the client answered (and that the next state was computed
 * from), and appends the log row with it. Of answers racing on a card, one applies; the
 * others find the version moved on, and a replay of the same answerId finds its log row.
 * Another user's state is never touched: every row is keyed by `user.id`.
 */
export async function recordAnswer(
  user: User,
  input: AnswerInput,
  now: Date,
  session?: SessionClaims,
): Promise<AnswerResult> {
  // With `session`, this first statement is also the session check (see withSession).
  const [row] = await queryPrepared<CurrentRow>(Prisma.sql`
    SELECT ${session ? sessionIsCurrent(session) : Prisma.sql`true`} AS "signedIn", c."id" AS "cardId",
      cs."state", cs."dueAt", cs."stability", cs."difficulty", cs."reps", cs."lapses", cs."learningStep",
      cs."scheduledDays", cs."lastReviewAt", cs."version", s."desiredRetention", s."fuzz", s."timeZone",
      s."dayStartHour", s."fsrsWeights",
      (SELECT max(l."reviewedAt") FROM "ReviewLog" l WHERE l."userId" = ${user.id}::uuid) AS "lastAnsweredAt"
    FROM (SELECT 1) AS one
    LEFT JOIN "Card" c ON c."id" = ${input.cardId}::uuid AND c."retiredAt" IS NULL
      AND EXISTS (SELECT 1 FROM "Deck" d WHERE d."id" = c."deckId" AND ${visibleDeckSql(user.id, "d")})
    LEFT JOIN "CardState" cs ON cs."cardId" = c."id" AND cs."userId" = ${user.id}::uuid
    LEFT JOIN "UserSettings" s ON s."userId" = ${user.id}::uuid`);
  if (!row?.signedIn) return { error: "unauthenticated" };
  if (!row.cardId) return { error: "not-found" };
  const version = row.version ?? 0;
  if (version !== input.version) return (await notApplied(user, input)) ?? { error: "card-moved-on", version };

  // Sent late (kept in the browser): counted from when it was given, but never before the
  // person's last answer (their log keeps the order they answered in) nor before the
  // study day it arrives on (no day, streak or board is filled in afterwards).
  const boundary = { timeZone: row.timeZone ?? "UTC", dayStartHour: row.dayStartHour ?? 4 };
  const given = now.getTime() - Math.min(input.answeredAgoMs ?? 0, answerKeptAtMostMs);
  const earliest = Math.max(row.lastAnsweredAt?.getTime() ?? 0, studyDayStart(now, boundary).getTime());
  const at = new Date(Math.min(now.getTime(), Math.max(given, earliest)));
  const settings = schedulerSettings({
    desiredRetention: row.desiredRetention ?? 0.9,
    fuzz: row.fuzz ?? true,
    fsrsWeights: row.fsrsWeights,
    ...boundary,
  });
  const before =
    row.version === null || (row.reps === 0 && row.state === 0) ? newMemory(at) : toMemory(row as StateRow);
  const after = applyGrade(before, input.grade, at, settings);
  const previous = serializeMemory(before);
  const points = pointsFor(before, at, settings);
  const day = studyDate(at, boundary);
  let written: { version: number }[];
  try {
    written = await queryPrepared<{ version: number }>(Prisma.sql`
    WITH written AS (
      INSERT INTO "CardState" ("userId", "cardId", "state", "dueAt", "stability", "difficulty", "reps", "lapses",
        "learningStep", "scheduledDays", "lastReviewAt", "version", "updatedAt")
      SELECT ${user.id}::uuid, "id", ${after.state}::int, ${after.dueAt}::timestamp, ${after.stability}::float8,
        ${after.difficulty}::float8, ${after.reps}::int, ${after.lapses}::int, ${after.learningStep}::int,
        ${after.scheduledDays}::int, ${after.lastReviewAt}::timestamp,
        1, ${at}::timestamp
      FROM "Card" WHERE "id" = ${input.cardId}::uuid AND "retiredAt" IS NULL
      ON CONFLICT ("userId", "cardId") DO UPDATE SET "state" = EXCLUDED."state", "dueAt" = EXCLUDED."dueAt",
        "stability" = EXCLUDED."stability", "difficulty" = EXCLUDED."difficulty", "reps" = EXCLUDED."reps",
        "lapses" = EXCLUDED."lapses", "learningStep" = EXCLUDED."learningStep",
        "scheduledDays" = EXCLUDED."scheduledDays", "lastReviewAt" = EXCLUDED."lastReviewAt",
        "version" = "CardState"."version" + 1, "updatedAt" = EXCLUDED."updatedAt"
      WHERE "CardState"."version" = ${input.version}::int
      RETURNING "version"
    ), speed AS (
      -- Shown under a second, or one of a burst no person could answer: no points, flagged.
      SELECT ${input.durationMs}::int < ${tooFast.minDurationMs}::int OR (
        SELECT count(*) FROM "ReviewLog" WHERE "userId" = ${user.id}::uuid
          AND "reviewedAt" > ${at}::timestamp - make_interval(secs => ${tooFast.burstSeconds}::int)
      ) >= ${tooFast.burstAnswers - 1}::int AS "isFlagged",
      -- A card made new again by "forget" was learned before: learning it again earns nothing.
      ${before.state === 0}::boolean AND EXISTS (
        SELECT 1 FROM "ReviewLog" WHERE "userId" = ${user.id}::uuid AND "cardId" = ${input.cardId}::uuid AND "grade" > 0
      ) AS "isRelearned"
    ), logged AS (
      INSERT INTO "ReviewLog" ("id", "userId", "cardId", "answerId", "grade", "stateBefore", "stateAfter",
        "stability", "difficulty", "dueAt", "scheduledDays", "durationMs", "reviewedAt", "previous",
        "previousIntervalDays", "previousDueAt", "points", "studyDate", "isFlagged")
      SELECT gen_random_uuid(), ${user.id}::uuid, ${input.cardId}::uuid, ${input.answerId}, ${input.grade}::int,
        ${before.state}::int, ${after.state}::int, ${after.stability}::float8, ${after.difficulty}::float8,
        ${after.dueAt}::timestamp, ${after.scheduledDays}::int, ${input.durationMs}::int, ${at}::timestamp,
        ${previous}::jsonb, ${before.scheduledDays}::int, ${before.state === 0 ? null : before.dueAt}::timestamp,
        CASE WHEN speed."isFlagged" OR speed."isRelearned" THEN 0 ELSE ${points}::float8 END, ${day}::date,
        speed."isFlagged"
      FROM written, speed
      RETURNING "points", "isFlagged"
    ), rolled AS (
      INSERT INTO "UserDay" ("userId", "deckId", "date", "points", "reviews", "flagged")
      SELECT ${user.id}::uuid, c."deckId", ${day}::date, logged."points", 1, CASE WHEN logged."isFlagged" THEN 1 ELSE 0 END
      FROM logged, "Card" c WHERE c."id" = ${input.cardId}::uuid
      ON CONFLICT ("userId", "deckId", "date") DO UPDATE SET "points" = "UserDay"."points" + EXCLUDED."points",
        "reviews" = "UserDay"."reviews" + 1, "flagged" = "UserDay"."flagged" + EXCLUDED."flagged"
    )
    SELECT "version" FROM written`);
  } catch (error) {
    // The log's unique answerId refused the statement, so nothing was written: this
    // answerId was used before, for another card. Anything else is a real failure.
    const earlier = await notApplied(user, input);
    if (earlier && "status" in earlier) return earlier;
    throw error;
  }
  const [applied] = written;
  // Not applied: another answer got there first, or the card was retired meanwhile.
  if (!applied) return (await notApplied(user, input)) ?? { error: "not-found" };
  return { status: "applied", cardId: input.cardId, version: applied.version, dueAt: after.dueAt, state: after.state };
}

export type UndoResult = { status: "undone"; cardId: string; version: number } | { error: "nothing-to-undo" };

type LastRow = { id: string; cardId: string; previous: Record<string, unknown> };

/**
 * Take back the user's last log row (an answer, or a "forget"): the card's previous state
 * returns exactly and the row goes. The card's state row is locked first, then the
 * newest row is read again under the lock: an answer to that card that landed in
 * between is then the one undone (the loop starts over), and one that comes later finds
 * the version moved on. So state and log always agree.
 */
export async function undoLastAnswer(user: User): Promise<UndoResult> {
  const db = getDb();
  const newest = (tx: Prisma.TransactionClient) => tx.$queryRaw<LastRow[]>`
    SELECT "id", "cardId", "previous" FROM "ReviewLog" WHERE "userId" = ${user.id}::uuid
    ORDER BY "seq" DESC LIMIT 1`;
  for (;;) {
    const result = await db.$transaction(async (tx): Promise<UndoResult | "again"> => {
      const [candidate] = await newest(tx);
      if (!candidate) return { error: "nothing-to-undo" };
      await tx.$queryRaw`SELECT 1 FROM "CardState"
        WHERE "userId" = ${user.id}::uuid AND "cardId" = ${candidate.cardId}::uuid FOR UPDATE`;
      const [last] = await newest(tx);
      if (last?.id !== candidate.id) return "again";
      const state = await tx.cardState.update({
        where: { userId_cardId: { userId: user.id, cardId: candidate.cardId } },
        data: { ...parseMemory(candidate.previous), version: { increment: 1 } },
        select: { version: true },
      });
      const removed = await tx.reviewLog.delete({
        where: { id: candidate.id },
        select: { grade: true, points: true, isFlagged: true, studyDate: true, card: { select: { deckId: true } } },
      });
      // The day's rollup loses what the answer added (a forget added nothing).
      if (removed.grade > 0 && removed.studyDate) {
        await tx.userDay.updateMany({
          where: { userId: user.id, deckId: removed.card.deckId, date: removed.studyDate },
          data: {
            points: { decrement: removed.points },
            reviews: { decrement: 1 },
            flagged: { decrement: removed.isFlagged ? 1 : 0 },
          },
        });
      }
      return { status: "undone", cardId: candidate.cardId, version: state.version };
    });
    if (result !== "again") return result;
  }
}

/** When each grade would bring a card back, for the grade buttons. */
export function gradePreview(memory: Memory | null, now: Date, settings: SchedulerSettings) {
  return previewGrades(memory ?? newMemory(now), now, settings);
}
