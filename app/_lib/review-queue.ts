import type { Memory } from "./scheduling";

export type QueueCard = { id: string; position: number; memory: Memory | null };
export type DailyLimits = { newPerDay: number; reviewsPerDay: number };
export type DoneToday = { newCards: number; reviews: number };

export type Queue = {
  /** Cards to show now, in order. */
  cards: QueueCard[];
  left: { new: number; learning: number; review: number };
  /** When only learning cards waiting for their step remain: when the next one is due. */
  nextLearningAt: Date | null;
  /**
   * When nothing is left for today: the earliest due date of a card for a later day,
   * or `dayEnd` when new cards or reviews wait only for the daily limits to reset.
   */
  nextDueAt: Date | null;
};

const dayMs = 86_400_000;
const isLearning = (memory: Memory | null) => memory?.state === 1 || memory?.state === 3;

/**
 * Today's queue: learning and relearning cards that are due, then due reviews (most
 * overdue relative to their stability first), then new cards in the notes' order, up to
 * the day's limits. `dayEnd` is when the user's next study day starts.
 */
export function buildQueue(cards: QueueCard[], now: Date, dayEnd: Date, limits: DailyLimits, done: DoneToday): Queue {
  const learning = cards.filter((card) => isLearning(card.memory));
  const learningDue = learning
    .filter((card) => (card.memory as Memory).dueAt <= now)
    .sort((a, b) => (a.memory as Memory).dueAt.getTime() - (b.memory as Memory).dueAt.getTime());
  const overdueness = (memory: Memory) =>
    (now.getTime() - memory.dueAt.getTime()) / dayMs / Math.max(memory.stability, 0.01);
  const reviewsDue = cards.filter((card) => card.memory?.state === 2 && card.memory.dueAt < dayEnd);
  const reviews = [...reviewsDue]
    .sort((a, b) => overdueness(b.memory as Memory) - overdueness(a.memory as Memory) || a.position - b.position)
    .slice(0, Math.max(0, limits.reviewsPerDay - done.reviews));
  const unseen = cards.filter((card) => card.memory === null || card.memory.state === 0);
  const fresh = [...unseen]
    .sort((a, b) => a.position - b.position)
    .slice(0, Math.max(0, limits.newPerDay - done.newCards));
  const waiting = learning
    .map((card) => (card.memory as Memory).dueAt)
    .filter((dueAt) => dueAt > now && dueAt < dayEnd)
    .sort((a, b) => a.getTime() - b.getTime());
  const queued = [...learningDue, ...reviews, ...fresh];
  // Cards due today that the daily limits held back come back when the next day starts.
  const limited = reviews.length < reviewsDue.length || fresh.length < unseen.length;
  const later = cards
    .flatMap((card) =>
      card.memory && card.memory.state !== 0 && card.memory.dueAt >= dayEnd ? [card.memory.dueAt] : [],
    )
    .concat(limited ? [dayEnd] : [])
    .sort((a, b) => a.getTime() - b.getTime());
  const isEmpty = queued.length === 0;
  return {
    cards: queued,
    left: { new: fresh.length, learning: learningDue.length, review: reviews.length },
    nextLearningAt: isEmpty ? (waiting[0] ?? null) : null,
    nextDueAt: isEmpty && waiting.length === 0 ? (later[0] ?? null) : null,
  };
}
