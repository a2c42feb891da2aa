import { describe, expect, it } from "vitest";
import { fitFromReviews, loadOptimizer, type OptimizerModule } from "@/app/_server/memory-fit";

const header = "card_id,review_time,review_rating,review_state,review_duration";
const dayMs = 86_400_000;
const start = Date.parse("2026-01-05T00:00:00Z");

async function optimizer(): Promise<OptimizerModule> {
  const loaded = await loadOptimizer();
  if (!loaded) throw new Error("the optimizer did not load");
  return loaded;
}

const itemsOf = async (rows: string[], timeZone = "UTC", dayStartHour = 4) => {
  const { convertCsvToFsrsItems } = await optimizer();
  const { tzOffset } = await import("@date-fns/tz");
  return convertCsvToFsrsItems(
    new TextEncoder().encode([header, ...rows].join("\n")),
    dayStartHour,
    timeZone,
    (ms, zone) => tzOffset(zone, new Date(ms)),
  ).map((item) => item.reviews.map((review) => `${review.rating}/${review.deltaT}`).join(" "));
};

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

  it("counts days from the person's day start in their time zone", async () => {
    // Tokyo is UTC+9: 23:30 and 03:30 the next morning are one study day when it starts at
    // 4:00; 03:30 and 04:30 are two.
    const tokyo = (hour: number, minute = 30) =>
      Date.parse("2026-01-05T00:00:00+09:00") + (hour * 60 + minute) * 60_000;
    const pair = (first: number, second: number) => [`x,${first},3,0,1000`, `x,${second},3,2,1000`];
    expect(await itemsOf(pair(tokyo(23), tokyo(27)), "Asia/Tokyo")).toEqual([]);
    expect(await itemsOf(pair(tokyo(27), tokyo(28)), "Asia/Tokyo")).toEqual(["3/0 3/1"]);
    // In UTC the same moments fall otherwise: 14:30 and 18:30, one day.
    expect(await itemsOf(pair(tokyo(23), tokyo(27)), "UTC")).toEqual([]);
    expect(await itemsOf(pair(tokyo(27), tokyo(28)), "UTC")).toEqual([]);
  });

  it("declines a log with too few answers to learn from, saying about how many more", async () => {
    const rows = Array.from({ length: 20 }, (_, i) => `card${i % 5},${start + i * dayMs},3,${i < 5 ? 0 : 2},1000`);
    const result = await fitFromReviews(await optimizer(), {
      csv: [header, ...rows].join("\n"),
      timeZone: "UTC",
      dayStartHour: 4,
      current: [],
    });
    expect(result).toMatchObject({ outcome: "too-few", reviews: 20, items: 15 });
    expect(result.outcome === "too-few" && result.needed).toBe(Math.ceil((400 - 15) * (20 / 15)));
  });
});
