import {
  defaultWeights,
  type GradeValue,
  intervalFor,
  type Memory,
  nextStrength,
  recallAfter,
  type SchedulerSettings,
  type Strength,
} from "@/app/_lib/scheduling";

// A learner whose true memory follows FSRS: a review at `at` is recalled with the
// probability FSRS gives, drawn from a seeded generator, and moves the memory as FSRS says.
// A forgotten card is relearned the same day; a new card is seen, then recalled at its step.

export const dayMs = 86_400_000;

/** A small seeded generator (mulberry32): the same seed, the same learner. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type LearnerCard = { id: string; strength: Strength | null; lastAt: number; dueAt: number };

const days = (from: number, to: number) => Math.floor((to - from) / dayMs);

export class SimulatedLearner {
  readonly cards: LearnerCard[];
  reviews = 0;

  constructor(
    count: number,
    readonly settings: SchedulerSettings,
    readonly random: () => number,
  ) {
    this.cards = Array.from({ length: count }, (_, i) => ({
      id: `card-${i}`,
      strength: null,
      lastAt: 0,
      dueAt: Number.POSITIVE_INFINITY,
    }));
  }

  /** The true probability of recalling the card at `at`. */
  recall(card: LearnerCard, at: number): number {
    return card.strength ? recallAfter(days(card.lastAt, at), card.strength.stability, this.settings) : 0;
  }

  private set(card: LearnerCard, strength: Strength, at: number) {
    card.strength = strength;
    card.lastAt = at;
    card.dueAt = at + intervalFor(strength.stability, this.settings) * dayMs;
  }

  learn(card: LearnerCard, at: number) {
    this.set(card, nextStrength(nextStrength(null, 0, 3, this.settings), 0, 3, this.settings), at);
    this.reviews++;
  }

  review(card: LearnerCard, at: number) {
    if (!card.strength) return this.learn(card, at);
    const elapsed = days(card.lastAt, at);
    const isRecalled = this.random() < this.recall(card, at);
    const grade: GradeValue = isRecalled ? 3 : 1;
    let strength = nextStrength(card.strength, elapsed, grade, this.settings);
    if (!isRecalled) strength = nextStrength(strength, 0, 3, this.settings);
    this.set(card, strength, at);
    this.reviews++;
  }

  /** The memory the app keeps of a card, from the answers it saw. */
  memory(card: LearnerCard): Memory | null {
    if (!card.strength) return null;
    return {
      state: 2,
      dueAt: new Date(card.dueAt),
      stability: card.strength.stability,
      difficulty: card.strength.difficulty,
      reps: 1,
      lapses: 0,
      learningStep: 0,
      scheduledDays: 0,
      lastReviewAt: new Date(card.lastAt),
    };
  }

  /** Mean true recall at `at` over every card (0 for one never seen). */
  meanRecall(at: number): number {
    return this.cards.reduce((sum, card) => sum + this.recall(card, at), 0) / this.cards.length;
  }
}

/**
 * FSRS parameters of a learner unlike FSRS's defaults: first memories 4, 3, 3 and 2 times
 * stronger, lapses hurting less, a steeper forgetting curve.
 */
const changes: Record<number, (w: number) => number> = {
  0: (w) => w * 4,
  1: (w) => w * 3,
  2: (w) => w * 3,
  3: (w) => w * 2,
  8: (w) => w * 0.7,
  20: () => 0.4,
};
export const ownWeights: readonly number[] = defaultWeights.map((w, i) => changes[i]?.(w) ?? w);

export type SimulatedReview = { cardId: string; at: number; grade: GradeValue; stateBefore: number };
export type SimulatedReviews = {
  rows: SimulatedReview[];
  /** Each card's true memory after its last review. */
  strengths: Map<string, { strength: Strength; lastAt: number }>;
  /** The day after the last review. */
  end: number;
};

const minuteMs = 60_000;

/**
 * A review log of `reviews` answers by a learner whose memory follows FSRS with `truth`'s
 * parameters: ten cards learned a day (Good twice, ten minutes apart), each then reviewed
 * somewhat before or after the day its true memory would set (0.4–1.4 times the interval),
 * recalled with its true chance; a forgotten card is relearned ten minutes later.
 */
export function simulateReviews(
  truth: SchedulerSettings,
  cardIds: string[],
  reviews: number,
  seed: number,
  start = Date.parse("2024-01-01T09:00:00Z"),
): SimulatedReviews {
  const random = seeded(seed);
  const rows: SimulatedReview[] = [];
  const strengths = new Map<string, { strength: Strength; lastAt: number }>();
  const due = new Map<string, number>(cardIds.map((id, i) => [id, start + Math.floor(i / 10) * dayMs]));
  let at = start;
  while (rows.length < reviews) {
    for (const [cardId, dueAt] of due) {
      if (dueAt > at || rows.length >= reviews) continue;
      const known = strengths.get(cardId);
      let strength: Strength;
      if (!known) {
        strength = nextStrength(nextStrength(null, 0, 3, truth), 0, 3, truth);
        rows.push(
          { cardId, at, grade: 3, stateBefore: 0 },
          { cardId, at: at + 10 * minuteMs, grade: 3, stateBefore: 1 },
        );
      } else {
        const elapsed = days(known.lastAt, at);
        const isRecalled = random() < recallAfter(elapsed, known.strength.stability, truth);
        strength = nextStrength(known.strength, elapsed, isRecalled ? 3 : 1, truth);
        rows.push({ cardId, at, grade: isRecalled ? 3 : 1, stateBefore: 2 });
        if (!isRecalled) {
          strength = nextStrength(strength, 0, 3, truth);
          rows.push({ cardId, at: at + 10 * minuteMs, grade: 3, stateBefore: 3 });
        }
      }
      strengths.set(cardId, { strength, lastAt: at });
      const interval = Math.max(1, Math.round(intervalFor(strength.stability, truth) * (0.4 + random())));
      due.set(cardId, at + interval * dayMs);
    }
    at += dayMs;
  }
  return { rows: rows.slice(0, reviews), strengths, end: at };
}

/** The log as the app's CSV export writes it. */
export const reviewsCsv = (rows: SimulatedReview[]) =>
  [
    "card_id,review_time,review_rating,review_state,review_duration",
    ...rows.map((row) => `${row.cardId},${row.at},${row.grade},${row.stateBefore},5000`),
  ].join("\n");
