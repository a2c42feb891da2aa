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

/** A local date and time (`2026-12-20T09:00`, as a datetime-local field gives it) in a time zone; null if malformed. */
export function zonedDateTime(local: string, timeZone: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [number, number, number, number, number];
  const date = new TZDate(year, month - 1, day, hour, minute, timeZone);
  // 2026-02-30 would roll over to March: not a date.
  return date.getDate() === day && date.getMonth() === month - 1 ? new Date(date.getTime()) : null;
}
