import { TZDate } from "@date-fns/tz";
import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { ExamForecast } from "@/app/_components/exam-forecast";
import { ExamForm } from "@/app/_components/exam-form";
import { ExamPlanTable } from "@/app/_components/exam-plan-table";
import { now } from "@/app/_server/clock";
import { getExamForecast } from "@/app/_server/exams";
import { listTestScopes } from "@/app/_server/practice-test-view";
import { getSettings } from "@/app/_server/preferences";
import { requireUser } from "@/app/_server/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("exam"))("title") };
}

// A moment as a datetime-local field shows it, in the person's time zone.
const localValue = (at: Date, timeZone: string) => new TZDate(at.getTime(), timeZone).toISOString().slice(0, 16);

export default async function ExamPage() {
  const user = await requireUser();
  const [t, format, scopes, settings, forecast] = await Promise.all([
    getTranslations("exam"),
    getFormatter(),
    listTestScopes(user),
    getSettings(user),
    getExamForecast(user, await now()),
  ]);
  const calibration = forecast?.calibration;
  return (
    <div className="max-w-2xl space-y-8">
      <section className="space-y-3">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("intro")}</p>
        <ExamForm
          scopes={scopes}
          timeZone={settings.timeZone}
          deck={forecast?.exam.deckSlug}
          examAt={forecast ? localValue(forecast.exam.examAt, settings.timeZone) : undefined}
          dailyMinutes={forecast?.exam.dailyMinutes}
          sections={forecast?.exam.sections}
        />
      </section>
      {forecast ? (
        <>
          <ExamForecast forecast={forecast} timeZone={settings.timeZone} />
          <ExamPlanTable forecast={forecast} timeZone={settings.timeZone} />
        </>
      ) : (
        <p>{t("none")}</p>
      )}
      {calibration && (
        <section className="space-y-2">
          <h2 className="text-xl font-semibold">{t("calibration")}</h2>
          {calibration.answers === 0 ? (
            <p className="text-sm">{t("calibrationNone")}</p>
          ) : (
            <>
              <p className="text-sm">{t("calibrationExplain")}</p>
              <p className="text-sm">
                {t("calibrationStats", {
                  brier: format.number(calibration.brier, { maximumFractionDigits: 3 }),
                  logLoss: format.number(calibration.logLoss, { maximumFractionDigits: 3 }),
                  answers: calibration.answers,
                  tests: calibration.testAnswers,
                  reviews: calibration.firstReviews,
                })}
              </p>
              {calibration.isOverconfident && (
                <p role="alert" className="text-sm text-red-700 dark:text-red-400">
                  {t("overconfident")}
                </p>
              )}
              <table className="text-sm">
                <thead>
                  <tr>
                    <th className="pr-4 text-left">{t("binRange")}</th>
                    <th className="pr-4 text-left">{t("binPredicted")}</th>
                    <th className="pr-4 text-left">{t("binObserved")}</th>
                    <th className="text-left">{t("binAnswers")}</th>
                  </tr>
                </thead>
                <tbody>
                  {calibration.bins.map((bin) => (
                    <tr key={bin.from}>
                      <td className="pr-4">
                        {format.number(bin.from, { style: "percent" })}–{format.number(bin.to, { style: "percent" })}
                      </td>
                      <td className="pr-4">{format.number(bin.predicted, { style: "percent" })}</td>
                      <td className="pr-4">{format.number(bin.observed, { style: "percent" })}</td>
                      <td>{bin.answers}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
        </section>
      )}
    </div>
  );
}
