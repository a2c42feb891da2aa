import {
  applyGrade,
  forgettingCurve,
  type Memory,
  newMemory,
  recallProbability,
  type SchedulerSettings,
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

/** Mean recall over the `horizonDays` days from `elapsedDays` after the last review, for stability `stability`. */
export function meanRecallAhead(stability: number, elapsedDays: number): number {
  if (!(stability > 0)) return 0;
  const { decay, factor } = forgettingCurve;
  const a = factor / stability;
  const integral = (t: number) => (1 + a * t) ** (decay + 1) / (a * (decay + 1));
  return (integral(elapsedDays + horizonDays) - integral(elapsedDays)) / horizonDays;
}

/** What a memory is worth at `at`: its mean recall over the next 30 days (0 for a card never learned). */
export function memoryWorth(memory: Memory | null, at: Date): number {
  if (!memory || memory.state === 0 || !memory.lastReviewAt) return 0;
  return meanRecallAhead(memory.stability, Math.max(0, (at.getTime() - memory.lastReviewAt.getTime()) / dayMs));
}

/** Points for reviewing, at `at`, a card with memory `before` (null for a card never seen). */
export function pointsFor(before: Memory | null, at: Date, settings: SchedulerSettings): number {
  const start = before && before.state !== 0 ? before : newMemory(at);
  const recall = start.state === 0 ? 1 : recallProbability(start, at, settings);
  const recalled = memoryWorth(applyGrade(start, 3, at, settings), at);
  const forgotten = recall < 1 ? memoryWorth(applyGrade(start, 1, at, settings), at) : 0;
  const expected = recall * recalled + (1 - recall) * forgotten;
  return Math.max(0, 100 * (expected - memoryWorth(before, at)));
}

/** An answer no person could give: shown under a second, or a twentieth answer within twenty seconds. */
export const tooFast = { minDurationMs: 1000, burstAnswers: 20, burstSeconds: 20 };
