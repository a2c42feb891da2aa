import { TZDate } from "@date-fns/tz";
import { addDays, set } from "date-fns";

export type DayBoundary = { timeZone: string; dayStartHour: number };

/**
 * When the study day that contains `now` began: like Anki's "next day starts at", a
 * day runs from `dayStartHour` o'clock in the user's time zone to the same hour the
 * next day (so a review at 1:00 still counts for the evening before).
 */
export function studyDayStart(now: Date, { timeZone, dayStartHour }: DayBoundary): Date {
  const local = new TZDate(now.getTime(), timeZone);
  const todayStart = set(local, { hours: dayStartHour, minutes: 0, seconds: 0, milliseconds: 0 });
  const start = todayStart.getTime() > now.getTime() ? addDays(todayStart, -1) : todayStart;
  return new Date(start.getTime());
}

/** When the next study day begins (daylight-saving changes included). */
export function nextStudyDayStart(now: Date, boundary: DayBoundary): Date {
  const start = new TZDate(studyDayStart(now, boundary).getTime(), boundary.timeZone);
  return new Date(set(addDays(start, 1), { hours: boundary.dayStartHour }).getTime());
}

/** The calendar date (YYYY-MM-DD) a moment belongs to in study days. */
export function studyDate(at: Date, boundary: DayBoundary): string {
  const start = new TZDate(studyDayStart(at, boundary).getTime(), boundary.timeZone);
  return `${start.getFullYear()}-${String(start.getMonth() + 1).padStart(2, "0")}-${String(start.getDate()).padStart(2, "0")}`;
}
