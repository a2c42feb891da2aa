// How a person would score on a test: each question is right with its own probability
// (recalled, or guessed), the questions independent, so the number right follows the
// Poisson-binomial distribution, computed exactly (not sampled).

/** P(X = k) for k = 0…n, X the number right out of questions right with these probabilities. */
export function poissonBinomial(chances: number[]): number[] {
  // One array, updated in place from the top down: after question i it holds P(k right of the first i).
  const pmf = new Float64Array(chances.length + 1);
  pmf[0] = 1;
  chances.forEach((p, i) => {
    if (!(p >= 0 && p <= 1)) throw new RangeError(`a probability must be in [0, 1], not ${p}`);
    for (let k = i + 1; k > 0; k--) pmf[k] = (pmf[k] as number) * (1 - p) + (pmf[k - 1] as number) * p;
    pmf[0] = (pmf[0] as number) * (1 - p);
  });
  return Array.from(pmf);
}

/**
 * The central interval of a distribution over 0…n holding as near `mass` of it as whole
 * scores allow: from the (1 − mass) / 2 and (1 + mass) / 2 quantiles, an end dropped while
 * that brings the mass held nearer `mass` (whole scores would otherwise hold more, and
 * the scores observed would fall inside more often than said).
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
  low = Math.max(low, 0);
  let held = pmf.slice(low, high + 1).reduce((sum, p) => sum + p, 0);
  while (low < high) {
    const [edge, p] =
      (pmf[low] ?? 0) <= (pmf[high] ?? 0) ? (["low", pmf[low] ?? 0] as const) : (["high", pmf[high] ?? 0] as const);
    if (Math.abs(held - p - mass) >= Math.abs(held - mass)) break;
    held -= p;
    if (edge === "low") low++;
    else high--;
  }
  return { low, high };
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

export type Calibration = {
  /** How many answers it rests on. */
  answers: number;
  /** Mean squared gap between chance and outcome (0 best), and the mean log loss. */
  brier: number;
  logLoss: number;
  /** By predicted chance, in bins of a tenth: how many, what was predicted, what happened. */
  bins: { from: number; to: number; answers: number; predicted: number; observed: number }[];
  /** Fewer right than predicted by more than two standard deviations. */
  isOverconfident: boolean;
};

/** How well predicted chances held on what happened. */
export function calibrate(outcomes: { chance: number; isRight: boolean }[]): Calibration {
  const clamp = (p: number) => Math.min(1 - 1e-6, Math.max(1e-6, p));
  const bins = Array.from({ length: 10 }, (_, i) => ({
    from: i / 10,
    to: (i + 1) / 10,
    answers: 0,
    predicted: 0,
    observed: 0,
  }));
  let brier = 0;
  let logLoss = 0;
  let expected = 0;
  let variance = 0;
  let right = 0;
  for (const { chance, isRight } of outcomes) {
    const bin = bins[Math.min(9, Math.floor(chance * 10))];
    if (bin) {
      bin.answers += 1;
      bin.predicted += chance;
      bin.observed += isRight ? 1 : 0;
    }
    brier += (chance - (isRight ? 1 : 0)) ** 2;
    logLoss -= Math.log(isRight ? clamp(chance) : 1 - clamp(chance));
    expected += chance;
    variance += chance * (1 - chance);
    right += isRight ? 1 : 0;
  }
  const n = outcomes.length;
  return {
    answers: n,
    brier: n ? brier / n : 0,
    logLoss: n ? logLoss / n : 0,
    bins: bins
      .filter((bin) => bin.answers > 0)
      .map((bin) => ({ ...bin, predicted: bin.predicted / bin.answers, observed: bin.observed / bin.answers })),
    isOverconfident: n > 0 && expected - right > 2 * Math.sqrt(variance),
  };
}
