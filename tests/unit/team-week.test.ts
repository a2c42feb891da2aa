import { describe, expect, it } from "vitest";
import { weekOf } from "@/app/_lib/team-week";

describe("a team's week", () => {
  it.each([
    // A Monday-first week in Tokyo: Sunday 23:30 UTC is already Monday there.
    ["2026-12-06T23:30:00Z", "Asia/Tokyo", 1, { start: "2026-12-07", end: "2026-12-14", today: "2026-12-07" }],
    ["2026-12-06T23:30:00Z", "UTC", 1, { start: "2026-11-30", end: "2026-12-07", today: "2026-12-06" }],
    // A Sunday-first week in New York, across the end of daylight saving time.
    ["2026-11-02T03:00:00Z", "America/New_York", 0, { start: "2026-11-01", end: "2026-11-08", today: "2026-11-01" }],
    ["2026-12-05T12:00:00Z", "Europe/Paris", 6, { start: "2026-12-05", end: "2026-12-12", today: "2026-12-05" }],
  ] as const)("at %s in %s, starting on day %i", (now, timeZone, weekStartsOn, expected) => {
    expect(weekOf(new Date(now), timeZone, weekStartsOn)).toEqual(expected);
  });
});
