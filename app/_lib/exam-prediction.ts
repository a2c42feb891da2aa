// How a person would score on a test: each question is right with its own probability
// (recalled, or guessed), the questions independent, so the number right follows the
// Poisson-binomial distribution, computed exactly (not sampled).

/** P(X = k) for k = 0…n, X the number right out of questions right with these probabilities. */
export function poissonBinomial(chances: number[]): number[] {
  let pmf = [1];
  for (const p of chances) {
    if (!(p >= 0 && p <= 1)) throw new RangeError(`a probability must be in [0, 1], not ${p}`);
    const next = new Array<number>(pmf.length + 1).fill(0);
    pmf.forEach((mass, k) => {
      next[k] = (next[k] ?? 0) + mass * (1 - p);
      next[k + 1] = (next[k + 1] ?? 0) + mass * p;
    });
    pmf = next;
  }
  return pmf;
}

/**
 * The central interval of a distribution over 0…n holding about `mass` of it: from the
 * lowest k with P(X ≤ k) above (1 − mass) / 2 to the lowest k with P(X ≤ k) at least
 * (1 + mass) / 2 (the two quantiles).
 */
export function centralInterval(pmf: number[], mass = 0.8): { low: number; high: number } {
  const tail = (1 - mass) / 2;
  let cumulative = 0;
  let low = -1;
  let high = pmf.length - 1;
  for (const [k, p] of pmf.entries()) {
    cumulative += p;
    if (low === -1 && cumulative > tail + 1e-12) low = k;
    if (cumulative >= 1 - tail - 1e-12) {
      high = k;
      break;
    }
  }
  return { low: Math.max(low, 0), high };
}

/** Chance of a right answer: recalled, or else guessed among `options` (none for typed or recalled answers). */
export function chanceRight(recall: number, options?: number): number {
  return options && options > 1 ? recall + (1 - recall) / options : recall;
}

export type ScoreForecast = {
  questions: number;
  /** Expected number right. */
  expected: number;
  /** The number right in the central interval holding `mass` of the distribution. */
  low: number;
  high: number;
  mass: number;
  /** P(exactly k right), k = 0…questions. */
  pmf: number[];
};

/** The score forecast for questions right with these chances. */
export function forecastScore(chances: number[], mass = 0.8): ScoreForecast {
  const pmf = poissonBinomial(chances);
  const { low, high } = centralInterval(pmf, mass);
  const expected = chances.reduce((sum, p) => sum + p, 0);
  return { questions: chances.length, expected, low, high, mass, pmf };
}
