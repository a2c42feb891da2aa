import fc from "fast-check";
import { createEmptyCard, fsrs, generatorParameters, Rating } from "ts-fsrs";
import { describe, expect, it } from "vitest";
import { calibrate, centralInterval, chanceRight, forecastScore, poissonBinomial } from "@/app/_lib/exam-prediction";
import { applyGrade, newMemory, recallProbability } from "@/app/_lib/scheduling";

/** P(X = k) by summing over all 2^n outcomes. */
function enumerate(chances: number[]): number[] {
  const pmf = new Array<number>(chances.length + 1).fill(0);
  for (let outcome = 0; outcome < 2 ** chances.length; outcome++) {
    let probability = 1;
    let right = 0;
    chances.forEach((p, i) => {
      const isRight = (outcome >> i) & 1;
      probability *= isRight ? p : 1 - p;
      right += isRight;
    });
    pmf[right] = (pmf[right] ?? 0) + probability;
  }
  return pmf;
}

describe("the Poisson-binomial distribution", () => {
  it("equals enumerating every outcome, for up to 12 questions", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 0, maxLength: 12 }), (chances) => {
        const exact = poissonBinomial(chances);
        const brute = enumerate(chances);
        expect(exact).toHaveLength(brute.length);
        for (const [k, p] of exact.entries()) expect(p).toBeCloseTo(brute[k] ?? Number.NaN, 12);
      }),
    );
  });

  it("sums to one, and is the binomial when every chance is the same", () => {
    const pmf = poissonBinomial(new Array(5).fill(0.5));
    expect(pmf.map((p) => p * 32)).toEqual([1, 5, 10, 10, 5, 1].map((c) => expect.closeTo(c, 10)));
    expect(poissonBinomial([0.2, 0.9, 0.4]).reduce((a, b) => a + b)).toBeCloseTo(1, 12);
  });

  it("refuses a chance outside [0, 1]", () => {
    expect(() => poissonBinomial([0.5, 1.2])).toThrow(RangeError);
    expect(() => poissonBinomial([Number.NaN])).toThrow(RangeError);
  });
});

describe("the 80% interval", () => {
  it("holds as near 80% of the distribution as whole scores allow, about its middle", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 40 }), (chances) => {
        const pmf = poissonBinomial(chances);
        const { low, high } = centralInterval(pmf, 0.8);
        const held = pmf.slice(low, high + 1).reduce((a, b) => a + b, 0);
        expect(low).toBeLessThanOrEqual(high);
        expect(Math.abs(held - 0.8)).toBeLessThanOrEqual(Math.max(...pmf) + 1e-9);
        // Neither tail holds much more than its tenth.
        expect(pmf.slice(0, low).reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(0.1 + Math.max(...pmf) + 1e-9);
        expect(pmf.slice(high + 1).reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(0.1 + Math.max(...pmf) + 1e-9);
      }),
    );
  });

  it("is a single score when the outcome is certain", () => {
    expect(centralInterval(poissonBinomial([1, 1, 0]))).toEqual({ low: 2, high: 2 });
  });
});

describe("a right answer's chance", () => {
  it("is the recall probability, plus a guess among the options when not recalled", () => {
    expect(chanceRight(0, 4)).toBe(0.25);
    expect(chanceRight(0.6, 2)).toBeCloseTo(0.8, 12);
    expect(chanceRight(0.6)).toBe(0.6);
    expect(chanceRight(1, 4)).toBe(1);
  });

  it("adds up, per question, to the expected score", () => {
    const forecast = forecastScore([chanceRight(0.9), chanceRight(0.5, 4), chanceRight(0)]);
    expect(forecast).toMatchObject({ questions: 3, expected: expect.closeTo(0.9 + 0.625, 12), mass: 0.8 });
  });
});

describe("recall on the exam date", () => {
  it("is ts-fsrs's own forgetting curve at the exam time, not today's", () => {
    const settings = { desiredRetention: 0.9, maximumIntervalDays: 36500, fuzz: false };
    const start = new Date("2026-12-01T09:00:00Z");
    const memory = applyGrade(
      applyGrade(newMemory(start), 3, start, settings),
      3,
      new Date("2026-12-02T09:00:00Z"),
      settings,
    );
    const exam = new Date("2026-12-20T09:00:00Z");

    const scheduler = fsrs(generatorParameters({ maximum_interval: 36500, enable_fuzz: false }));
    let card = createEmptyCard(start);
    card = scheduler.next(card, start, Rating.Good).card;
    card = scheduler.next(card, new Date("2026-12-02T09:00:00Z"), Rating.Good).card;
    expect(recallProbability(memory, exam, settings)).toBeCloseTo(scheduler.get_retrievability(card, exam, false), 12);
    const dayAfter = new Date("2026-12-03T09:00:00Z");
    expect(recallProbability(memory, exam, settings)).toBeLessThan(recallProbability(memory, dayAfter, settings));
  });
});

describe("calibration against a simulated learner whose true memory is known", () => {
  // A fixed sequence instead of Math.random: the same learner every run.
  function seeded(seed: number): () => number {
    let state = seed;
    return () => {
      state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
      return state / 2 ** 31;
    };
  }

  it("holds for honest predictions: Brier as the truth's, the 80% interval holding 75–85% of tests", () => {
    const random = seeded(42);
    let inside = 0;
    const outcomes: { chance: number; isRight: boolean }[] = [];
    const tests = 400;
    for (let test = 0; test < tests; test++) {
      // 40 questions, each with the learner's true chance; the model predicts it.
      const chances = Array.from({ length: 40 }, () => chanceRight(random(), random() < 0.3 ? 4 : undefined));
      const right = chances.filter((p) => {
        const isRight = random() < p;
        outcomes.push({ chance: p, isRight });
        return isRight;
      }).length;
      const { low, high } = forecastScore(chances);
      if (low <= right && right <= high) inside++;
    }
    expect(inside / tests).toBeGreaterThanOrEqual(0.75);
    expect(inside / tests).toBeLessThanOrEqual(0.85);
    const calibration = calibrate(outcomes);
    expect(calibration.isOverconfident).toBe(false);
    for (const bin of calibration.bins) expect(Math.abs(bin.observed - bin.predicted)).toBeLessThan(0.05);
  });

  it("says so when the model is over-confident for a person", () => {
    const random = seeded(7);
    const outcomes = Array.from({ length: 300 }, () => {
      const chance = 0.5 + random() / 2;
      return { chance, isRight: random() < chance - 0.2 };
    });
    const calibration = calibrate(outcomes);
    expect(calibration.isOverconfident).toBe(true);
    expect(calibration.answers).toBe(300);
  });

  it("scores a perfect prediction 0 and a coin 0.25 (Brier)", () => {
    expect(
      calibrate([
        { chance: 1, isRight: true },
        { chance: 0, isRight: false },
      ]).brier,
    ).toBe(0);
    expect(
      calibrate([
        { chance: 0.5, isRight: true },
        { chance: 0.5, isRight: false },
      ]).brier,
    ).toBe(0.25);
  });
});
