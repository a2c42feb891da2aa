import { describe, expect, it } from "vitest";
import { nextStudyDayStart, studyDate, studyDayStart } from "@/app/_lib/study-day";

const tokyo4 = { timeZone: "Asia/Tokyo", dayStartHour: 4 };

describe("study days", () => {
  it.each([
    ["2026-11-29T10:00:00+09:00", "2026-11-29T04:00:00+09:00", "2026-11-29", "after the day began"],
    [
      "2026-11-30T01:30:00+09:00",
      "2026-11-29T04:00:00+09:00",
      "2026-11-29",
      "past midnight still belongs to the evening before",
    ],
    ["2026-11-30T04:00:00+09:00", "2026-11-30T04:00:00+09:00", "2026-11-30", "the start hour begins the new day"],
  ])("%s is in the day that began at %s (%s)", (now, start, date) => {
    expect(studyDayStart(new Date(now), tokyo4).toISOString()).toBe(new Date(start).toISOString());
    expect(studyDate(new Date(now), tokyo4)).toBe(date);
  });

  it("the next day starts 24 hours later in a zone without daylight saving", () => {
    expect(nextStudyDayStart(new Date("2026-11-29T10:00:00+09:00"), tokyo4).toISOString()).toBe(
      "2026-11-29T19:00:00.000Z",
    );
  });

  it("follows daylight-saving changes: 23 and 25 hour days", () => {
    const berlin = { timeZone: "Europe/Berlin", dayStartHour: 4 };
    // Summer time starts on 2026-03-29: the day from 04:00 CET to 04:00 CEST is 23 hours.
    const spring = nextStudyDayStart(new Date("2026-03-28T12:00:00+01:00"), berlin);
    expect(spring.toISOString()).toBe("2026-03-29T02:00:00.000Z");
    // It ends on 2026-10-25: that day is 25 hours.
    const autumn = nextStudyDayStart(new Date("2026-10-24T12:00:00+02:00"), berlin);
    expect(autumn.toISOString()).toBe("2026-10-25T03:00:00.000Z");
  });
});

describe("a local date and time in a time zone", () => {
  it("is the moment it names there, daylight saving included, and nothing for a day that does not exist", async () => {
    const { zonedDateTime } = await import("@/app/_lib/study-day");
    expect(zonedDateTime("2026-12-20T09:00", "Asia/Tokyo")).toEqual(new Date("2026-12-20T00:00:00Z"));
    expect(zonedDateTime("2026-07-01T09:00", "America/New_York")).toEqual(new Date("2026-07-01T13:00:00Z"));
    expect(zonedDateTime("2026-02-30T09:00", "UTC")).toBeNull();
    expect(zonedDateTime("tomorrow", "UTC")).toBeNull();
  });
});
