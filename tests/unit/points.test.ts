import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { meanRecallAhead, pointsFor } from "@/app/_lib/points";
import {
  applyGrade,
  type GradeValue,
  type Memory,
  newMemory,
  recallAfter,
  type SchedulerSettings,
} from "@/app/_lib/scheduling";

const settings: SchedulerSettings = { desiredRetention: 0.9, maximumIntervalDays: 36500, fuzz: false };
const dayMs = 86_400_000;
const start = new Date("2026-01-01T09:00:00Z");
const at = (days: number) => new Date(start.getTime() + days * dayMs);

/** A memory from answers (grade, day) in order, from a new card. */
function studied(answers: [GradeValue, number][]): Memory {
  return answers.reduce((memory, [grade, day]) => applyGrade(memory, grade, at(day), settings), newMemory(start));
}

describe("team points", () => {
  it("average the FSRS forgetting curve over the next 30 days", () => {
    for (const [stability, elapsed] of [
      [1, 0],
      [5, 3],
      [40, 10],
      [300, 100],
    ] as const) {
      // The mean by the midpoint rule over ts-fsrs's own curve.
      const steps = 30_000;
      let sum = 0;
      for (let i = 0; i < steps; i++) sum += recallAfter(elapsed + ((i + 0.5) * 30) / steps, stability, settings);
      expect(meanRecallAhead(stability, elapsed)).toBeCloseTo(sum / steps, 6);
    }
  });

  it("are never negative, whatever the memory and the moment", () => {
    const grade = fc.constantFrom<GradeValue>(1, 2, 3, 4);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(grade, fc.integer({ min: 0, max: 3 })), { maxLength: 12 }),
        fc.integer({ min: 0, max: 400 }),
        (history, gap) => {
          let day = 0;
          const days = history.map(([g, d]) => {
            day += d;
            return [g, day] as [GradeValue, number];
          });
          const before = studied(days);
          const when = at(day + gap);
          expect(pointsFor(history.length ? before : null, when, settings)).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });

  it("pay for recovering lapsed cards, not for grinding solid ones or cramming ahead", () => {
    // A solid card (reviewed well for months), reviewed a day after its last review: the grinder.
    const solid = studied([
      [3, 0],
      [3, 3],
      [3, 12],
      [3, 40],
      [3, 120],
    ]);
    const grind = pointsFor(solid, at(121), settings);
    // The same card, reviewed an hour after its last review: cramming ahead.
    const cram = pointsFor(solid, new Date(at(120).getTime() + 3_600_000), settings);
    // A card learned once and left for two months: fading, then reviewed.
    const lapsed = studied([
      [3, 0],
      [3, 3],
    ]);
    const recover = pointsFor(lapsed, at(63), settings);
    // A new card's first answer: the worth of having learned it.
    const learn = pointsFor(null, at(0), settings);
    expect(cram).toBeLessThan(0.5);
    expect(grind).toBeLessThan(2);
    expect(recover).toBeGreaterThan(10 * grind);
    expect(learn).toBeGreaterThan(recover);
  });

  it("rank a learner who recovers lapsed cards above a grinder with the same number of reviews", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 20, max: 200 }), (reviews, lapseDays) => {
        let grinder = 0;
        let learner = 0;
        for (let i = 0; i < reviews; i++) {
          const solid = studied([
            [3, 0],
            [3, 4],
            [3, 15],
            [4, 50],
            [3, 150 + i],
          ]);
          const when = at(151 + i);
          grinder += pointsFor(solid, when, settings);
          const lapsed = studied([
            [3, 0],
            [2, 2 + (i % 3)],
          ]);
          const later = at(2 + (i % 3) + lapseDays);
          learner += pointsFor(lapsed, later, settings);
        }
        expect(learner).toBeGreaterThan(grinder);
      }),
    );
  });
});
