import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { studyDaysBetween } from "@/app/_lib/scheduling";
import { fitFromReviews, type OptimizerModule, readItems } from "@/app/_server/memory-fit";
import { loadOptimizer } from "@/app/_server/memory-fit-worker";

const header = "card_id,review_time,review_rating,review_state,review_duration";
const dayMs = 86_400_000;
const start = Date.parse("2026-01-05T00:00:00Z");
const settings = { desiredRetention: 0.9, maximumIntervalDays: 36500, fuzz: false };

async function optimizer(): Promise<OptimizerModule> {
  const loaded = await loadOptimizer();
  if (!loaded) throw new Error("the optimizer did not load");
  return loaded;
}

const utc = { timeZone: "UTC", dayStartHour: 0 };

const itemsOf = async (rows: string[]) =>
  readItems(await optimizer(), [header, ...rows].join("\n"), utc).map((item) =>
    item.reviews.map((review) => `${review.rating}/${review.deltaT}`).join(" "),
  );

describe("the review log as the FSRS optimizer reads it", () => {
  it("gives items in the order of the answers they end with, however the rows come: the time-series splits slice it", async () => {
    const at = (day: number) => start + day * dayMs;
    const rows = [
      ["a", 0, 0],
      ["b", 0, 0],
      ["b", 5, 2],
      ["a", 10, 2],
      ["c", 1, 0],
      ["c", 12, 2],
      ["b", 15, 2],
      ["a", 20, 2],
    ].map(([card, day, state]) => `${card},${at(day as number)},3,${state},1000`);
    const inOrder = ["3/0 3/5", "3/0 3/10", "3/0 3/11", "3/0 3/5 3/10", "3/0 3/10 3/10"];
    expect(await itemsOf(rows)).toEqual(inOrder);
    expect(await itemsOf([...rows].reverse())).toEqual(inOrder);
  });

  it("counts the days between two answers as the scheduler does: in the person's study days", async () => {
    const loaded = await optimizer();
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 400 * dayMs }),
        fc.integer({ min: 1, max: 90 * dayMs }),
        fc.constantFrom("UTC", "Asia/Tokyo", "America/New_York", "Australia/Adelaide", "Asia/Kathmandu"),
        fc.integer({ min: 0, max: 23 }),
        async (first, gap, timeZone, dayStartHour) => {
          const [from, to] = [start + first, start + first + gap];
          const csv = [header, `x,${from},3,0,1000`, `x,${to},3,2,1000`].join("\n");
          const day = { timeZone, dayStartHour };
          const items = readItems(loaded, csv, day);
          const days = studyDaysBetween(new Date(from), new Date(to), { ...settings, day });
          // An answer on the same study day is no item to learn from.
          expect(items.map((item) => item.reviews.at(-1)?.deltaT)).toEqual(days > 0 ? [days] : []);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("counts an evening and the next early morning as one study day, as the scheduler does", () => {
    // 23:30 and 03:30 in Tokyo, the study day starting at 4:00: one day; in UTC (14:30 and
    // 18:30) one day too; 03:30 and 04:30 are two study days but one UTC day.
    const tokyo = (hour: number) => new Date(Date.parse("2026-01-05T00:30:00+09:00") + (hour - 0) * 3_600_000);
    const day = { timeZone: "Asia/Tokyo", dayStartHour: 4 };
    expect(studyDaysBetween(tokyo(23), tokyo(27), { ...settings, day })).toBe(0);
    expect(studyDaysBetween(tokyo(27), tokyo(28), { ...settings, day })).toBe(1);
    expect(studyDaysBetween(tokyo(27), tokyo(28), settings)).toBe(0);
  });

  it("declines a log with too few answers to learn from, saying about how many more", async () => {
    const rows = Array.from({ length: 20 }, (_, i) => `card${i % 5},${start + i * dayMs},3,${i < 5 ? 0 : 2},1000`);
    const result = await fitFromReviews(await optimizer(), {
      csv: [header, ...rows].join("\n"),
      day: utc,
      current: [],
    });
    expect(result).toMatchObject({ outcome: "too-few", reviews: 20, items: 15 });
    expect(result.outcome === "too-few" && result.needed).toBe(Math.ceil((400 - 15) * (20 / 15)));
  });

  it("judges a set fitted earlier only on answers it did not learn from", async () => {
    const rows = Array.from({ length: 900 }, (_, i) => `card${i % 30},${start + i * dayMs},3,${i < 30 ? 0 : 2},1000`);
    const csv = [header, ...rows].join("\n");
    const current = Array.from({ length: 21 }, () => 1);
    // Fitted after the 800th answer: 100 new ones, fewer than the judging needs.
    const recent = await fitFromReviews(await optimizer(), {
      csv,
      day: utc,
      current,
      currentFittedAt: start + 800 * dayMs,
    });
    expect(recent).toMatchObject({ outcome: "too-few", items: 100 });
  });
});
