import {
  forgettingCurve,
  type Memory,
  nextStrength,
  recallAfter,
  type SchedulerSettings,
  studyDaysBetween,
} from "./scheduling";

// Team points: memory gained. A card's worth is its expected recall over the next 30
// days, the mean of the FSRS forgetting curve R(t) = (1 + factor · t / S)^decay over
// them (closed form: the integral of (1 + a·t)^d is (1 + a·t)^(d+1) / (a·(d+1))). A
// review at `at` earns 100 × (expected worth after − worth before), the worth after
// weighed over its two outcomes by the chance of recall at that moment, p: p × worth if
// recalled (as Good) + (1 − p) × worth if forgotten (as Again). So points do not depend on
// the button pressed (pressing Again or Easy earns nothing more), recovering a card that
// was fading earns much, reviewing a solid card or one just seen almost nothing, and a
// review never earns less than zero. A new card's first answer earns the worth of
// having learned it.

const dayMs = 86_400_000;
export const horizonDays = 30;

/** Mean recall over the `horizonDays` days from `elapsedDays` after the last review, for stability `stability` (the person's curve). */
export function meanRecallAhead(stability: number, elapsedDays: number, weights?: readonly number[]): number {
  if (!(stability > 0)) return 0;
  const { decay, factor } = forgettingCurve(weights);
  const a = factor / stability;
  const integral = (t: number) => (1 + a * t) ** (decay + 1) / (a * (decay + 1));
  return (integral(elapsedDays + horizonDays) - integral(elapsedDays)) / horizonDays;
}

/** Points for reviewing, at `at`, a card with memory `before` (null for a card never seen). */
export function pointsFor(before: Memory | null, at: Date, settings: SchedulerSettings): number {
  if (!before || before.state === 0 || !before.lastReviewAt) {
    return 100 * meanRecallAhead(nextStrength(null, 0, 3, settings).stability, 0, settings.weights);
  }
  const elapsed = Math.max(0, (at.getTime() - before.lastReviewAt.getTime()) / dayMs);
  // The next memory as the scheduler computes it, from the study days since the last review.
  const days = studyDaysBetween(before.lastReviewAt, at, settings);
  const strength = { stability: before.stability, difficulty: before.difficulty };
  const recall = recallAfter(Math.floor(elapsed), before.stability, settings);
  const after = (grade: 1 | 3) =>
    meanRecallAhead(nextStrength(strength, days, grade, settings).stability, 0, settings.weights);
  const expected = recall * after(3) + (1 - recall) * after(1);
  return Math.max(0, 100 * (expected - meanRecallAhead(before.stability, elapsed, settings.weights)));
}

/** An answer no person could give: shown under a second, or a twentieth answer within twenty seconds. */
export const tooFast = { minDurationMs: 1000, burstAnswers: 20, burstSeconds: 20 };
