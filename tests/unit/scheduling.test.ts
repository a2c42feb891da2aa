import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  applyGrade,
  type GradeValue,
  grades,
  newMemory,
  previewGrades,
  recallProbability,
  replayAnswers,
} from "@/app/_lib/scheduling";

const settings = { desiredRetention: 0.9, maximumIntervalDays: 36500, fuzz: false };
const start = new Date("2026-11-29T09:00:00Z");
const hours = (n: number) => n * 3_600_000;

describe("scheduling with FSRS (fixed clock, no fuzz)", () => {
  it("starts a card new and due", () => {
    expect(newMemory(start)).toMatchObject({ state: 0, dueAt: start, reps: 0 });
  });

  it("previews exactly the due date each grade then gives", () => {
    const memory = applyGrade(newMemory(start), 3, start, settings);
    const later = new Date(memory.dueAt.getTime() + hours(1));
    const preview = previewGrades(memory, later, settings);
    for (const grade of grades) expect(preview[grade]).toEqual(applyGrade(memory, grade, later, settings).dueAt);
  });

  it("brings an Again back within the session and a Good later", () => {
    const again = applyGrade(newMemory(start), 1, start, settings);
    const good = applyGrade(newMemory(start), 3, start, settings);
    expect(again.dueAt.getTime() - start.getTime()).toBeLessThanOrEqual(hours(1));
    expect(good.dueAt.getTime()).toBeGreaterThan(again.dueAt.getTime());
  });

  it("asks less often at a lower desired retention", () => {
    const reviewed = (retention: number) => {
      const s = { ...settings, desiredRetention: retention };
      const first = applyGrade(applyGrade(newMemory(start), 3, start, s), 3, new Date(start.getTime() + hours(24)), s);
      return applyGrade(first, 3, first.dueAt, s).dueAt.getTime();
    };
    expect(reviewed(0.8)).toBeGreaterThan(reviewed(0.95));
  });

  it("gives a new card no recall probability, and a reviewed one less over time", () => {
    expect(recallProbability(newMemory(start), start, settings)).toBe(0);
    const memory = applyGrade(newMemory(start), 3, start, settings);
    const soon = recallProbability(memory, new Date(start.getTime() + hours(24)), settings);
    const late = recallProbability(memory, new Date(start.getTime() + hours(24 * 60)), settings);
    expect(soon).toBeGreaterThan(late);
    expect(soon).toBeLessThanOrEqual(1);
  });

  const answers = fc.array(
    fc.record({ grade: fc.constantFrom<GradeValue>(1, 2, 3, 4), afterHours: fc.integer({ min: 0, max: 24 * 90 }) }),
    { minLength: 1, maxLength: 30 },
  );

  it("keeps stability positive, difficulty within 1–10, and Again ≤ Hard ≤ Good ≤ Easy, for any history", () => {
    fc.assert(
      fc.property(answers, (history) => {
        let at = start;
        let memory = newMemory(start);
        for (const { grade, afterHours } of history) {
          at = new Date(at.getTime() + hours(afterHours));
          const preview = previewGrades(memory, at, settings);
          expect(preview[1].getTime()).toBeLessThanOrEqual(preview[2].getTime());
          expect(preview[2].getTime()).toBeLessThanOrEqual(preview[3].getTime());
          expect(preview[3].getTime()).toBeLessThanOrEqual(preview[4].getTime());
          memory = applyGrade(memory, grade, at, settings);
          expect(memory.stability).toBeGreaterThan(0);
          expect(memory.difficulty).toBeGreaterThanOrEqual(1);
          expect(memory.difficulty).toBeLessThanOrEqual(10);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("rebuilds the same memory by replaying the answers", () => {
    fc.assert(
      fc.property(answers, (history) => {
        let at = start;
        let memory = newMemory(start);
        const log: { grade: GradeValue; at: Date }[] = [];
        for (const { grade, afterHours } of history) {
          at = new Date(at.getTime() + hours(afterHours));
          memory = applyGrade(memory, grade, at, settings);
          log.push({ grade, at });
        }
        expect(replayAnswers(log, settings, start)).toEqual(memory);
      }),
      { numRuns: 100 },
    );
  });
});

describe("days counted in the person's study days", () => {
  const zones = ["America/New_York", "Australia/Lord_Howe", "Europe/London", "Asia/Kathmandu", "Asia/Tokyo"];
  // Moments of 2026, daylight-saving changes included (New York: March 8 and November 1).
  const moment = fc.oneof(
    fc.integer({ min: Date.parse("2026-01-01T00:00:00Z"), max: Date.parse("2026-12-31T00:00:00Z") }),
    fc.constantFrom("2026-03-08T06:55:00Z", "2026-11-01T05:55:00Z", "2026-11-01T06:10:00Z").map(Date.parse),
  );

  it("keeps a step of minutes exactly that long after the answer, and days at or after it, across daylight saving", () => {
    fc.assert(
      fc.property(moment, fc.constantFrom(...zones), fc.integer({ min: 0, max: 23 }), (at, timeZone, dayStartHour) => {
        const now = new Date(at);
        const day = { timeZone, dayStartHour };
        for (const grade of grades) {
          // A new card's learning steps: the same minutes as on a plain clock.
          const plain = applyGrade(newMemory(now), grade, now, settings);
          const studied = applyGrade(newMemory(now), grade, now, { ...settings, day });
          if (plain.scheduledDays === 0) expect(studied.dueAt.getTime() - at).toBe(plain.dueAt.getTime() - at);
          expect(studied.dueAt.getTime()).toBeGreaterThanOrEqual(at);
          expect(studied.lastReviewAt).toEqual(now);
          const previews = previewGrades(newMemory(now), now, { ...settings, day });
          expect(previews[grade]).toEqual(studied.dueAt);
        }
        // A card in review, answered Good: due some whole days later, give or take the hour
        // a daylight-saving change moves.
        const learned = applyGrade(applyGrade(newMemory(now), 3, now, { ...settings, day }), 3, now, {
          ...settings,
          day,
        });
        const later = new Date(at + 30 * 86_400_000);
        const reviewed = applyGrade(learned, 3, later, { ...settings, day });
        const days = (reviewed.dueAt.getTime() - later.getTime()) / 86_400_000;
        expect(Math.abs(days - reviewed.scheduledDays)).toBeLessThanOrEqual(1 / 24 + 1e-9);
      }),
      { numRuns: 300 },
    );
  });
});
