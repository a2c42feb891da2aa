import "server-only";
import type { ReviewCardDto, ReviewQueueDto } from "@/app/_lib/review-dto";
import { buildQueue, type QueueCard } from "@/app/_lib/review-queue";
import type { Memory } from "@/app/_lib/scheduling";
import { nextStudyDayStart, studyDayStart } from "@/app/_lib/study-day";
import { getDb } from "./db";
import { gradePreview, schedulerSettings } from "./reviews";
import type { CurrentUser } from "./session";

type User = Pick<CurrentUser, "id">;

/**
 * The user's queue now: their settings' day boundary and limits, their own card states
 * only, cards of one deck (by slug) or of all, optionally of one section (a heading path
 * prefix), without retired, suspended or buried ones.
 */
export async function getReviewQueue(
  user: User,
  scope: { deck: string | null; section?: string[] },
  now: Date,
  take = 20,
): Promise<ReviewQueueDto | null> {
  const deckSlug = scope.deck;
  const section = scope.section ?? [];
  const db = getDb();
  if (deckSlug && !(await db.deck.findUnique({ where: { slug: deckSlug }, select: { id: true } }))) return null;
  const settings = await db.userSettings.findUnique({ where: { userId: user.id } });
  const boundary = { timeZone: settings?.timeZone ?? "UTC", dayStartHour: settings?.dayStartHour ?? 4 };
  const dayStart = studyDayStart(now, boundary);
  // The buttons show the interval itself, not one moved at random by fuzz.
  const scheduler = schedulerSettings({ desiredRetention: settings?.desiredRetention ?? 0.9, fuzz: false });
  const [cards, doneNew, doneAll] = await Promise.all([
    db.card.findMany({
      where: { retiredAt: null, ...(deckSlug ? { deck: { slug: deckSlug } } : {}) },
      orderBy: [{ deckId: "asc" }, { position: "asc" }],
      select: {
        id: true,
        kind: true,
        prompt: true,
        answer: true,
        accepted: true,
        choices: true,
        section: true,
        sourcePath: true,
        sourceStartLine: true,
        sourceEndLine: true,
        position: true,
        deck: { select: { language: true } },
        states: { where: { userId: user.id } },
      },
    }),
    db.reviewLog.count({ where: { userId: user.id, reviewedAt: { gte: dayStart }, grade: { gt: 0 }, stateBefore: 0 } }),
    db.reviewLog.count({ where: { userId: user.id, reviewedAt: { gte: dayStart }, grade: { gt: 0 } } }),
  ]);
  const byId = new Map(cards.map((card) => [card.id, card]));
  // A section of the notes: the cards under that heading path.
  const inSection = (path: string[]) => section.every((part, i) => path[i] === part);
  const candidates: QueueCard[] = cards.flatMap((card) => {
    if (!inSection(card.section)) return [];
    const state = card.states[0];
    if (state?.suspendedAt || (state?.buriedUntil && state.buriedUntil > now)) return [];
    const memory: Memory | null = state && state.reps > 0 ? { ...state, state: state.state as Memory["state"] } : null;
    return [{ id: card.id, position: card.position, memory }];
  });
  const queue = buildQueue(
    candidates,
    now,
    nextStudyDayStart(now, boundary),
    { newPerDay: settings?.newCardsPerDay ?? 20, reviewsPerDay: settings?.maxReviewsPerDay ?? 200 },
    { newCards: doneNew, reviews: doneAll - doneNew },
  );
  return {
    left: queue.left,
    nextLearningAt: queue.nextLearningAt?.toISOString() ?? null,
    // A review due on a later day is shown from the start of that study day.
    nextDueAt: queue.nextDueAt ? studyDayStart(queue.nextDueAt, boundary).toISOString() : null,
    now: now.toISOString(),
    cards: queue.cards.slice(0, take).map(({ id, memory }) => {
      const card = byId.get(id) as (typeof cards)[number];
      const preview = gradePreview(memory, now, scheduler);
      return {
        id,
        kind: card.kind as ReviewCardDto["kind"],
        language: card.deck.language,
        prompt: card.prompt,
        answer: card.answer,
        accepted: card.accepted,
        choices: card.choices,
        section: card.section,
        source: { path: card.sourcePath, lines: [card.sourceStartLine, card.sourceEndLine] },
        version: card.states[0]?.version ?? 0,
        intervals: {
          1: preview[1].toISOString(),
          2: preview[2].toISOString(),
          3: preview[3].toISOString(),
          4: preview[4].toISOString(),
        },
      };
    }),
  };
}
