import "server-only";
import type { ReviewCardDto, ReviewQueueDto } from "@/app/_lib/review-dto";
import { buildQueue, type QueueCard } from "@/app/_lib/review-queue";
import type { Memory } from "@/app/_lib/scheduling";
import { nextStudyDayStart, studyDayStart } from "@/app/_lib/study-day";
import { Prisma } from "@/prisma/generated/client";
import { getDb } from "./db";
import { visibleDecks } from "./deck-access";
import { getTodaysPlan } from "./exam-plans";
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
  take = 50,
): Promise<ReviewQueueDto | null> {
  const deckSlug = scope.deck;
  const section = scope.section ?? [];
  const db = getDb();
  if (
    deckSlug &&
    !(await db.deck.findFirst({ where: { slug: deckSlug, ...visibleDecks(user.id) }, select: { id: true } }))
  )
    return null;
  const settings = await db.userSettings.findUnique({ where: { userId: user.id } });
  const boundary = { timeZone: settings?.timeZone ?? "UTC", dayStartHour: settings?.dayStartHour ?? 4 };
  const dayStart = studyDayStart(now, boundary);
  // The buttons show the interval itself, not one moved at random by fuzz.
  const scheduler = schedulerSettings({
    desiredRetention: settings?.desiredRetention ?? 0.9,
    fuzz: false,
    fsrsWeights: settings?.fsrsWeights,
    ...boundary,
  });
  // One snapshot: the cards' states and the day's counts agree, also while answers land.
  const [cards, doneNew, doneAll] = await db.$transaction(
    [
      db.card.findMany({
        // One deck by its slug, or every deck the user sees and has not archived.
        where: {
          retiredAt: null,
          deck: deckSlug ? { slug: deckSlug } : { ...visibleDecks(user.id), archivedAt: null },
        },
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
      db.reviewLog.count({
        where: { userId: user.id, reviewedAt: { gte: dayStart }, grade: { gt: 0 }, stateBefore: 0 },
      }),
      db.reviewLog.count({ where: { userId: user.id, reviewedAt: { gte: dayStart }, grade: { gt: 0 } } }),
    ],
    { isolationLevel: Prisma.TransactionIsolationLevel.RepeatableRead },
  );
  const byId = new Map(cards.map((card) => [card.id, card]));
  // An exam to come on a deck in scope: the day's part of its plan joins the queue.
  const examDecks = await db.exam.findMany({
    where: { userId: user.id, examAt: { gt: now }, ...(deckSlug ? { deck: { slug: deckSlug } } : {}) },
    select: { deckId: true },
    distinct: ["deckId"],
  });
  const plans = await Promise.all(examDecks.map((exam) => getTodaysPlan(user, exam.deckId, now)));
  const pulled = new Set(plans.flatMap((plan) => plan?.pulled ?? []));
  const plannedNew = Math.max(0, ...plans.map((plan) => plan?.newCards ?? 0));
  // A section of the notes: the cards under that heading path.
  const inSection = (path: string[]) => section.every((part, i) => path[i] === part);
  const candidates: QueueCard[] = cards.flatMap((card) => {
    if (!inSection(card.section)) return [];
    const state = card.states[0];
    if (state?.suspendedAt || (state?.buriedUntil && state.buriedUntil > now)) return [];
    const memory: Memory | null = state && state.reps > 0 ? { ...state, state: state.state as Memory["state"] } : null;
    // A card the exam plan pulls forward is due today, until it is reviewed today.
    const isPulled = memory && pulled.has(card.id) && (memory.lastReviewAt ?? now) < dayStart;
    if (isPulled && memory.dueAt > dayStart)
      return [{ id: card.id, position: card.position, memory: { ...memory, dueAt: dayStart } }];
    return [{ id: card.id, position: card.position, memory }];
  });
  const queue = buildQueue(
    candidates,
    now,
    nextStudyDayStart(now, boundary),
    {
      // The exam plan may introduce more new cards than the daily limit, to reach them all in time.
      newPerDay: Math.max(settings?.newCardsPerDay ?? 20, plannedNew),
      reviewsPerDay: (settings?.maxReviewsPerDay ?? 200) + pulled.size,
    },
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
        queue: !memory || memory.state === 0 ? "new" : memory.state === 2 ? "review" : "learning",
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
