import { describe, expect, it } from "vitest";
import { buildQueue, type QueueCard } from "@/app/_lib/review-queue";
import type { Memory } from "@/app/_lib/scheduling";

const now = new Date("2026-11-29T10:00:00Z");
const dayEnd = new Date("2026-11-29T19:00:00Z");
const at = (hoursFromNow: number) => new Date(now.getTime() + hoursFromNow * 3_600_000);
const memory = (state: Memory["state"], dueAt: Date, stability = 10): Memory => ({
  state,
  dueAt,
  stability,
  difficulty: 5,
  reps: 3,
  lapses: 0,
  learningStep: 0,
  scheduledDays: 3,
  lastReviewAt: at(-72),
});
const card = (id: string, position: number, m: Memory | null): QueueCard => ({ id, position, memory: m });
const limits = { newPerDay: 2, reviewsPerDay: 3 };
const none = { newCards: 0, reviews: 0 };
const ids = (cards: QueueCard[]) => cards.map((c) => c.id);

describe("today's queue", () => {
  const cards = [
    card("new-b", 2, null),
    card("new-a", 1, null),
    card("new-c", 3, null),
    card("review-slightly-late", 4, memory(2, at(-24), 100)),
    card("review-very-late", 5, memory(2, at(-24), 2)),
    card("review-later-today", 6, memory(2, at(5))),
    card("review-tomorrow", 7, memory(2, at(12))),
    card("relearning-due", 8, memory(3, at(-0.1))),
    card("learning-due-earlier", 9, memory(1, at(-0.5))),
    card("learning-waiting", 10, memory(1, at(0.2))),
  ];

  it("puts due learning first, then reviews by overdueness, then new cards in the notes' order", () => {
    expect(ids(buildQueue(cards, now, dayEnd, { newPerDay: 20, reviewsPerDay: 200 }, none).cards)).toEqual([
      "learning-due-earlier",
      "relearning-due",
      "review-very-late",
      "review-slightly-late",
      "review-later-today",
      "new-a",
      "new-b",
      "new-c",
    ]);
  });

  it("respects the daily limits, counting what was done today", () => {
    const queue = buildQueue(cards, now, dayEnd, limits, { newCards: 1, reviews: 1 });
    expect(queue.left).toEqual({ learning: 2, review: 2, new: 1 });
    expect(ids(queue.cards)).not.toContain("new-b");
    expect(buildQueue(cards, now, dayEnd, limits, { newCards: 5, reviews: 9 }).left).toMatchObject({
      new: 0,
      review: 0,
    });
  });

  it("says when the next learning card is due once only waiting ones are left", () => {
    const waitingOnly = [card("learning-waiting", 1, memory(1, at(0.2)))];
    const queue = buildQueue(waitingOnly, now, dayEnd, limits, none);
    expect(queue.cards).toEqual([]);
    expect(queue.nextLearningAt).toEqual(at(0.2));
  });

  it("once empty, says when the next cards are due on a later day", () => {
    const later = [card("review-in-3-days", 1, memory(2, at(72))), card("review-tomorrow", 2, memory(2, at(12)))];
    const queue = buildQueue(later, now, dayEnd, limits, none);
    expect(queue).toEqual({
      cards: [],
      left: { new: 0, learning: 0, review: 0 },
      nextLearningAt: null,
      nextDueAt: at(12),
    });
  });

  it("once the limits hold cards back, says they come when the next day starts", () => {
    const queue = buildQueue(
      [card("new", 1, null), card("review-in-3-days", 2, memory(2, at(72)))],
      now,
      dayEnd,
      limits,
      {
        newCards: 2,
        reviews: 0,
      },
    );
    expect(queue.cards).toEqual([]);
    expect(queue.nextDueAt).toEqual(dayEnd);
  });

  it("says nothing of later days while learning cards wait today, nor when nothing is left at all", () => {
    const waiting = [card("learning", 1, memory(1, at(0.2))), card("review", 2, memory(2, at(72)))];
    expect(buildQueue(waiting, now, dayEnd, limits, none).nextDueAt).toBeNull();
    expect(buildQueue([], now, dayEnd, limits, none)).toMatchObject({ nextLearningAt: null, nextDueAt: null });
  });
});
