import { getFormatter, getTranslations } from "next-intl/server";
import type { ExamForecastDto } from "@/app/_server/exams";
import { cell } from "./data-table";

/** The exam-day score as planned and if the person stops now, overall and by section. */
export async function ExamForecast({ forecast, timeZone }: { forecast: ExamForecastDto; timeZone: string }) {
  const [t, format] = await Promise.all([getTranslations("exam"), getFormatter()]);
  const one = (n: number) => format.number(n, { maximumFractionDigits: 1 });
  const score = (key: "planned" | "stop", testId: string) => {
    const figures = forecast[key];
    return (
      <div className="rounded border border-zinc-200 p-3 dark:border-zinc-800" data-testid={testId}>
        <p className="text-lg font-semibold">
          {t(key, { expected: one(figures.expected), questions: forecast.questions })}
        </p>
        <p className="text-sm">{t("interval", { low: figures.low, high: figures.high })}</p>
      </div>
    );
  };
  const date = format.dateTime(forecast.exam.examAt, { dateStyle: "long", timeStyle: "short", timeZone });
  return (
    <section className="space-y-3" aria-labelledby="forecast-title">
      <h2 id="forecast-title" className="text-xl font-semibold">
        {t("forecastTitle", { date })}
      </h2>
      <div className="grid gap-3 sm:grid-cols-2">
        {score("planned", "planned-score")}
        {score("stop", "stop-score")}
      </div>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        {t("explain", { unseen: forecast.unseen, rate: format.number(forecast.firstTryRate, { style: "percent" }) })}
      </p>
      <h3 className="font-semibold">{t("bySection")}</h3>
      <table className="text-sm">
        <thead>
          <tr>
            <th className={cell}>{t("section")}</th>
            <th className={cell}>{t("questions")}</th>
            <th className={cell}>{t("plannedHead")}</th>
            <th className={cell}>{t("stopHead")}</th>
          </tr>
        </thead>
        <tbody>
          {forecast.bySection.map((section) => (
            <tr key={section.section}>
              <td className={cell}>{section.section}</td>
              <td className={cell}>{section.questions}</td>
              {[section.planned, section.stop].map((figures, i) => (
                <td key={i === 0 ? "planned" : "stop"} className={cell}>
                  {t("sectionCell", { expected: one(figures.expected), low: figures.low, high: figures.high })}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
