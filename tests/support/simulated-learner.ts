import {
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
