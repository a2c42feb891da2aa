import "server-only";
import { forgetGrade, newMemory } from "@/app/_lib/scheduling";
import { getDb } from "./db";
import { visibleDecks } from "./deck-access";
import { type StateRow, serializeMemory, toMemory } from "./reviews";
import type { CurrentUser } from "./session";

type User = Pick<CurrentUser, "id">;

export type CardAction = "suspend" | "unsuspend" | "bury" | "forget";

/**
 * Suspend (out of every queue until unsuspended), bury (back at the next study day) or
 * forget (new again) one card, for this user only. Forgetting changes the memory, so it
 * is logged (grade 0, with the memory before it, so undo can take it back); suspending
 * and burying only move the card in and out of the queues.
 */
export async function changeCard(
  user: User,
  cardId: string,
  action: CardAction,
  now: Date,
  buryUntil: Date,
): Promise<{ status: "done" } | { error: "not-found" }> {
  const db = getDb();
  const card = await db.card.findFirst({
    where: { id: cardId, retiredAt: null, deck: visibleDecks(user.id) },
    select: { id: true },
  });
  if (!card) return { error: "not-found" };
  if (action === "forget") return forgetCard(user, card.id, now);
  const key = { userId_cardId: { userId: user.id, cardId: card.id } };
  const data =
    action === "suspend"
      ? { suspendedAt: now }
      : action === "unsuspend"
        ? { suspendedAt: null }
        : { buriedUntil: buryUntil };
  await db.cardState.upsert({
    where: key,
    create: { userId: user.id, cardId: card.id, dueAt: now, ...data },
    update: { ...data, version: { increment: 1 } },
  });
  return { status: "done" };
}

async function forgetCard(user: User, cardId: string, now: Date): Promise<{ status: "done" }> {
  const after = newMemory(now);
  await getDb().$transaction(async (tx) => {
    // The state row must exist before it can be locked: an answer racing this one then
    // either landed first (and is what gets forgotten, and logged) or waits and finds
    // the version moved on.
    await tx.$executeRaw`INSERT INTO "CardState" ("userId", "cardId", "dueAt", "updatedAt")
      VALUES (${user.id}::uuid, ${cardId}::uuid, ${now}::timestamp, ${now}::timestamp)
      ON CONFLICT ("userId", "cardId") DO NOTHING`;
    const [row] = await tx.$queryRaw<StateRow[]>`
      SELECT "state", "dueAt", "stability", "difficulty", "reps", "lapses", "learningStep", "scheduledDays",
        "lastReviewAt", "version"
      FROM "CardState" WHERE "userId" = ${user.id}::uuid AND "cardId" = ${cardId}::uuid FOR UPDATE`;
    await tx.cardState.update({
      where: { userId_cardId: { userId: user.id, cardId } },
      // Only the memory: a suspended or buried card stays so (as in Anki), and undo, which
      // restores the memory, gives back exactly what this took.
      data: { ...after, version: { increment: 1 } },
    });
    // A card never answered has nothing to forget, and nothing to log.
    if (!row || (row.state === 0 && row.reps === 0)) return;
    const before = toMemory(row);
    await tx.reviewLog.create({
      data: {
        userId: user.id,
        cardId,
        answerId: `forget:${crypto.randomUUID()}`,
        grade: forgetGrade,
        stateBefore: before.state,
        stateAfter: after.state,
        stability: after.stability,
        difficulty: after.difficulty,
        dueAt: after.dueAt,
        scheduledDays: after.scheduledDays,
        durationMs: 0,
        reviewedAt: now,
        previous: JSON.parse(serializeMemory(before)),
        previousIntervalDays: before.scheduledDays,
        previousDueAt: before.state === 0 ? null : before.dueAt,
      },
    });
  });
  return { status: "done" };
}
