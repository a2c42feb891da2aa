import { getFormatter, getTranslations } from "next-intl/server";
import type { ExamForecastDto } from "@/app/_server/exams";
import { cell } from "./data-table";

/** The plan day by day: due reviews, cards pulled forward, new cards and the minutes they take. */
export async function ExamPlanTable({ forecast, timeZone }: { forecast: ExamForecastDto; timeZone: string }) {
  const [t, format] = await Promise.all([getTranslations("exam"), getFormatter()]);
  const { pace } = forecast;
  const seconds = (n: number) => format.number(n, { maximumFractionDigits: 0 });
  return (
    <section className="space-y-3" aria-labelledby="plan-title">
      <h2 id="plan-title" className="text-xl font-semibold">
        {t("planTitle")}
      </h2>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("planExplain")}</p>
      <p className="text-sm" data-testid="pace">
        {pace.answers >= 20
          ? t("pace", {
              answers: pace.answers,
              review: seconds(pace.secondsPerReview),
              fresh: seconds(pace.secondsPerNew),
            })
          : t("paceAssumed")}
      </p>
      {forecast.unseenPlanned > 0 && (
        <p role="alert" className="text-sm text-amber-800 dark:text-amber-300">
          {t("planUnseen", { count: forecast.unseenPlanned, minutes: forecast.exam.dailyMinutes })}
        </p>
      )}
      <table className="text-sm" data-testid="plan-days">
        <thead>
          <tr>
            <th className={cell}>{t("day")}</th>
            <th className={cell}>{t("due")}</th>
            <th className={cell}>{t("pulled")}</th>
            <th className={cell}>{t("new")}</th>
            <th className={cell}>{t("minutes")}</th>
          </tr>
        </thead>
        <tbody>
          {forecast.days.map((day) => (
            <tr key={day.startsAt.toISOString()}>
              <td className={cell}>
                {format.dateTime(day.startsAt, { month: "short", day: "numeric", weekday: "short", timeZone })}
              </td>
              <td className={cell}>{day.due}</td>
              <td className={cell}>{day.pulled}</td>
              <td className={cell}>{day.newCards}</td>
              <td className={cell}>{format.number(day.seconds / 60, { maximumFractionDigits: 0 })}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
