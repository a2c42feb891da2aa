import "server-only";
import {
  applyGrade,
  type GradeValue,
  type Memory,
  newMemory,
  previewGrades,
  type SchedulerSettings,
} from "@/app/_lib/scheduling";
import { getDb } from "./db";
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
};

export type AnswerResult =
  | { status: "applied" | "replayed"; cardId: string; version: number; dueAt: Date; state: Memory["state"] }
  | { error: "not-found" }
  | { error: "card-moved-on"; version: number };

// A CardState row as read under lock: a memory plus the version answers must name.
type StateRow = Omit<Memory, "state"> & { state: number; version: number };

const toMemory = ({ version: _, ...row }: StateRow): Memory => ({ ...row, state: row.state as Memory["state"] });

/** The user's FSRS settings. Fuzz spreads due dates; tests and replays turn it off. */
export async function getSchedulerSettings(user: User, fuzz = true): Promise<SchedulerSettings> {
  const settings = await getDb().userSettings.findUnique({
    where: { userId: user.id },
    select: { desiredRetention: true },
  });
  return { desiredRetention: settings?.desiredRetention ?? 0.9, maximumIntervalDays: 36500, fuzz };
}

/**
 * Record one answer in one transaction: lock the user's state row for the card, refuse
 * an answer to a state that has moved on, apply FSRS, write the new state and append
 * the log row. Another user's state is never touched: every row is keyed by `user.id`.
 */
export async function recordAnswer(
  user: User,
  input: AnswerInput,
  settings: SchedulerSettings,
  now: Date,
): Promise<AnswerResult> {
  return getDb().$transaction(async (tx) => {
    const card = await tx.card.findFirst({ where: { id: input.cardId, retiredAt: null }, select: { id: true } });
    if (!card) return { error: "not-found" } as const;
    // A row for a new card, then the row lock that serializes answers to this card.
    await tx.$executeRaw`INSERT INTO "CardState" ("userId", "cardId", "dueAt", "updatedAt")
      VALUES (${user.id}::uuid, ${card.id}::uuid, ${now}, ${now}) ON CONFLICT DO NOTHING`;
    const [row] = await tx.$queryRaw<StateRow[]>`SELECT "state", "dueAt", "stability", "difficulty", "reps", "lapses",
      "learningStep", "scheduledDays", "lastReviewAt", "version" FROM "CardState"
      WHERE "userId" = ${user.id}::uuid AND "cardId" = ${card.id}::uuid FOR UPDATE`;
    if (!row) throw new Error("card state row missing after insert", { cause: input.cardId });

    const earlier = await tx.reviewLog.findUnique({
      where: { userId_answerId: { userId: user.id, answerId: input.answerId } },
      select: { cardId: true, dueAt: true, stateAfter: true },
    });
    if (earlier) {
      return {
        status: "replayed",
        cardId: earlier.cardId,
        version: row.version,
        dueAt: earlier.dueAt,
        state: earlier.stateAfter as Memory["state"],
      } as const;
    }
    if (row.version !== input.version) return { error: "card-moved-on", version: row.version } as const;

    const before = row.reps === 0 && row.state === 0 ? newMemory(now) : toMemory(row);
    const after = applyGrade(before, input.grade, now, settings);
    await tx.cardState.update({
      where: { userId_cardId: { userId: user.id, cardId: card.id } },
      data: { ...after, version: { increment: 1 } },
    });
    await tx.reviewLog.create({
      data: {
        userId: user.id,
        cardId: card.id,
        answerId: input.answerId,
        grade: input.grade,
        stateBefore: before.state,
        stateAfter: after.state,
        stability: after.stability,
        difficulty: after.difficulty,
        dueAt: after.dueAt,
        scheduledDays: after.scheduledDays,
        durationMs: input.durationMs,
        reviewedAt: now,
        previous: {
          ...before,
          dueAt: before.dueAt.toISOString(),
          lastReviewAt: before.lastReviewAt?.toISOString() ?? null,
        },
      },
    });
    return {
      status: "applied",
      cardId: card.id,
      version: row.version + 1,
      dueAt: after.dueAt,
      state: after.state,
    } as const;
  });
}

export type UndoResult = { status: "undone"; cardId: string; version: number } | { error: "nothing-to-undo" };

/** Take back the user's last answer: the card's previous state returns exactly and its log row goes. */
export async function undoLastAnswer(user: User): Promise<UndoResult> {
  return getDb().$transaction(async (tx) => {
    const last = await tx.reviewLog.findFirst({ where: { userId: user.id }, orderBy: { reviewedAt: "desc" } });
    if (!last) return { error: "nothing-to-undo" } as const;
    const previous = last.previous as Record<string, unknown>;
    const memory: Memory = {
      ...(previous as Omit<Memory, "dueAt" | "lastReviewAt">),
      dueAt: new Date(previous.dueAt as string),
      lastReviewAt: previous.lastReviewAt ? new Date(previous.lastReviewAt as string) : null,
    };
    await tx.$queryRaw`SELECT 1 FROM "CardState" WHERE "userId" = ${user.id}::uuid AND "cardId" = ${last.cardId}::uuid FOR UPDATE`;
    const state = await tx.cardState.update({
      where: { userId_cardId: { userId: user.id, cardId: last.cardId } },
      data: { ...memory, version: { increment: 1 } },
      select: { version: true },
    });
    await tx.reviewLog.delete({ where: { id: last.id } });
    return { status: "undone", cardId: last.cardId, version: state.version } as const;
  });
}

/** When each grade would bring a card back, for the grade buttons. */
export function gradePreview(memory: Memory | null, now: Date, settings: SchedulerSettings) {
  return previewGrades(memory ?? newMemory(now), now, settings);
}

export type CardAction = "suspend" | "unsuspend" | "bury" | "forget";

/**
 * Suspend (out of every queue until unsuspended), bury (back at the next study day) or
 * forget (new again; the review log is kept) one card, for this user only.
 */
export async function changeCard(
  user: User,
  cardId: string,
  action: CardAction,
  now: Date,
  buryUntil: Date,
): Promise<{ status: "done" } | { error: "not-found" }> {
  const db = getDb();
  const card = await db.card.findFirst({ where: { id: cardId, retiredAt: null }, select: { id: true } });
  if (!card) return { error: "not-found" };
  const key = { userId_cardId: { userId: user.id, cardId: card.id } };
  const data =
    action === "suspend"
      ? { suspendedAt: now }
      : action === "unsuspend"
        ? { suspendedAt: null }
        : action === "bury"
          ? { buriedUntil: buryUntil }
          : { ...newMemory(now), suspendedAt: null, buriedUntil: null };
  await db.cardState.upsert({
    where: key,
    create: { userId: user.id, cardId: card.id, dueAt: now, ...data },
    update: { ...data, version: { increment: 1 } },
  });
  return { status: "done" };
}
