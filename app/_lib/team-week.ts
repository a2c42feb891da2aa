import { TZDate } from "@date-fns/tz";
import { addDays, format } from "date-fns";

/**
 * The team's week holding `now`: from its first day (0 Sunday … 6 Saturday) in the team's
 * time zone, seven calendar days, as dates (YYYY-MM-DD, the end not included). Members'
 * study days are counted in the week that holds their date.
 */
export function weekOf(
  now: Date,
  timeZone: string,
  weekStartsOn: number,
): { start: string; end: string; today: string } {
  const local = new TZDate(now.getTime(), timeZone);
  const back = (local.getDay() - weekStartsOn + 7) % 7;
  const start = addDays(local, -back);
  return {
    start: format(start, "yyyy-MM-dd"),
    end: format(addDays(start, 7), "yyyy-MM-dd"),
    today: format(local, "yyyy-MM-dd"),
  };
}
