import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { type ChartSpec, ProgressChart } from "@/app/_components/progress-chart";
import { now } from "@/app/_server/clock";
import { getProgress, matureDays, type Rate } from "@/app/_server/progress";
import { requireUser } from "@/app/_server/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("progress"))("title") };
}

const cell = "border-b border-zinc-200 px-2 py-1 text-left dark:border-zinc-800";

/** A collapsed table with a chart's figures: its text alternative for every reader. */
function DataTable({
  caption,
  rows,
  headers,
}: {
  caption: string;
  headers: [string, string];
  rows: [string, string][];
}) {
  return (
    <details className="text-sm">
      <summary className="cursor-pointer text-zinc-600 dark:text-zinc-400">{caption}</summary>
      <table className="mt-2">
        <thead>
          <tr>
            <th className={cell}>{headers[0]}</th>
            <th className={cell}>{headers[1]}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([a, b]) => (
            <tr key={a}>
              <td className={cell}>{a}</td>
              <td className={cell}>{b}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

export default async function ProgressPage() {
  const user = await requireUser();
  const [t, format, locale, progress] = await Promise.all([
    getTranslations("progress"),
    getFormatter(),
    getLocale(),
    getProgress(user, await now()),
  ]);
  const percent = (value: number) => format.number(value, { style: "percent", maximumFractionDigits: 1 });
  const rate = (r: Rate) =>
    r.total ? t("rate", { percent: percent(r.passed / r.total), passed: r.passed, total: r.total }) : t("noReviews");
  const { today, counts } = progress;

  const heatmapDays = progress.heatmap.map((d) => [d.date, d.reviews] as [string, number]);
  const heatmap: ChartSpec = {
    kind: "calendar",
    from: progress.forecast[0] ? shiftYear(progress.forecast[0].date) : "",
    to: progress.forecast[0]?.date ?? "",
    days: heatmapDays,
    seriesName: t("reviews"),
    locale,
  };
  const forecast: ChartSpec = {
    kind: "bars",
    labels: progress.forecast.map((d) =>
      format.dateTime(new Date(`${d.date}T12:00:00Z`), { month: "numeric", day: "numeric", timeZone: "UTC" }),
    ),
    values: progress.forecast.map((d) => d.reviews),
    seriesName: t("reviews"),
  };
  const stability: ChartSpec = {
    kind: "bars",
    labels: progress.stability.map((b) => b.bucket),
    values: progress.stability.map((b) => b.cards),
    seriesName: t("cardsSeries"),
  };
  const difficulty: ChartSpec = {
    kind: "bars",
    labels: progress.difficulty.map((b) => String(b.bucket)),
    values: progress.difficulty.map((b) => b.cards),
    seriesName: t("cardsSeries"),
  };
  const totalReviews = progress.heatmap.reduce((sum, d) => sum + d.reviews, 0);
  const forecastTotal = progress.forecast.reduce((sum, d) => sum + d.reviews, 0);

  return (
    <div className="space-y-10">
      <h1 className="text-3xl font-bold">{t("title")}</h1>

      <section aria-labelledby="today" className="space-y-3">
        <h2 id="today" className="text-xl font-semibold">
          {t("today")}
        </h2>
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4" data-testid="today">
          {(
            [
              ["dueNow", format.number(today.dueNow)],
              ["newLeft", format.number(today.newLeft)],
              ["learning", format.number(today.learning)],
              ["reviewedToday", format.number(today.reviewed)],
              ["timeToday", t("minutes", { minutes: today.minutes })],
              ["streak", t("days", { days: today.streak })],
              ["clearedStreak", t("days", { days: today.clearedStreak })],
            ] as const
          ).map(([key, value]) => (
            <div key={key} className="rounded-md border border-zinc-200 p-3 dark:border-zinc-800">
              <dt className="text-sm text-zinc-600 dark:text-zinc-400">{t(key)}</dt>
              <dd className="text-2xl font-semibold" data-testid={key}>
                {value}
              </dd>
            </div>
          ))}
        </dl>
        {today.dueNow + today.newLeft > 0 && (
          <Link
            href="/review"
            className="inline-block rounded-md bg-zinc-900 px-4 py-2 text-white dark:bg-zinc-100 dark:text-zinc-900"
          >
            {t("startReview")}
          </Link>
        )}
      </section>

      <section aria-labelledby="heatmap" className="space-y-2">
        <h2 id="heatmap" className="text-xl font-semibold">
          {t("heatmap")}
        </h2>
        <div className="overflow-x-auto">
          <div className="min-w-[640px]">
            <ProgressChart
              spec={heatmap}
              height={150}
              label={t("heatmapLabel", {
                reviews: totalReviews,
                days: progress.heatmap.length,
                max: Math.max(0, ...progress.heatmap.map((d) => d.reviews)),
              })}
            />
          </div>
        </div>
        <DataTable
          caption={t("heatmapTable")}
          headers={[t("date"), t("reviews")]}
          rows={progress.heatmap.map((d) => [d.date, String(d.reviews)])}
        />
      </section>

      <section aria-labelledby="retention" className="space-y-2">
        <h2 id="retention" className="text-xl font-semibold">
          {t("retention")}
        </h2>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          {t("retentionHint", { mature: matureDays, target: percent(progress.desiredRetention) })}
        </p>
        <table className="text-sm" data-testid="retention">
          <thead>
            <tr>
              <th className={cell}>{t("period")}</th>
              <th className={cell}>{t("young")}</th>
              <th className={cell}>{t("mature")}</th>
            </tr>
          </thead>
          <tbody>
            {progress.retention.map((row) => (
              <tr key={row.days}>
                <th className={cell}>{t("lastDays", { days: row.days })}</th>
                <td className={cell}>{rate(row.young)}</td>
                <td className={cell}>{rate(row.mature)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="forecast" className="space-y-2">
        <h2 id="forecast" className="text-xl font-semibold">
          {t("forecast")}
        </h2>
        <ProgressChart
          spec={forecast}
          label={t("forecastLabel", { total: forecastTotal, today: progress.forecast[0]?.reviews ?? 0 })}
        />
        <DataTable
          caption={t("forecastTable")}
          headers={[t("date"), t("reviews")]}
          rows={progress.forecast.map((d) => [d.date, String(d.reviews)])}
        />
      </section>

      <section aria-labelledby="counts" className="space-y-2">
        <h2 id="counts" className="text-xl font-semibold">
          {t("counts")}
        </h2>
        <dl className="grid grid-cols-3 gap-3 sm:grid-cols-6" data-testid="counts">
          {(
            [
              ["countNew", counts.new],
              ["countLearning", counts.learning],
              ["countYoung", counts.young],
              ["countMature", counts.mature],
              ["countSuspended", counts.suspended],
              ["countRetired", counts.retired],
            ] as const
          ).map(([key, value]) => (
            <div key={key} className="rounded-md border border-zinc-200 p-3 dark:border-zinc-800">
              <dt className="text-sm text-zinc-600 dark:text-zinc-400">{t(key)}</dt>
              <dd className="text-xl font-semibold">{format.number(value)}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section aria-labelledby="mastery" className="space-y-2">
        <h2 id="mastery" className="text-xl font-semibold">
          {t("mastery")}
        </h2>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("masteryHint")}</p>
        <div className="overflow-x-auto">
          <table className="text-sm" data-testid="mastery">
            <thead>
              <tr>
                <th className={cell}>{t("section")}</th>
                <th className={cell}>{t("cards")}</th>
                <th className={cell}>{t("recall")}</th>
                <th className={cell}>{t("aboveTarget")}</th>
                <th className={cell}>
                  <span className="sr-only">{t("reviewSection")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {progress.sections.map((s) => {
                const query = s.section.map((part) => `section=${encodeURIComponent(part)}`).join("&");
                return (
                  <tr key={`${s.deck}/${s.section.join("/")}`}>
                    <th className={cell} lang={s.language}>
                      {s.section.join(" › ")}
                    </th>
                    <td className={cell}>{format.number(s.cards)}</td>
                    <td className={cell}>
                      <span className="mr-2 inline-block h-2 w-16 rounded bg-zinc-200 align-middle dark:bg-zinc-800">
                        <span
                          className="block h-2 rounded bg-blue-600 dark:bg-blue-400"
                          style={{ width: `${Math.round(s.recall * 100)}%` }}
                        />
                      </span>
                      {percent(s.recall)}
                    </td>
                    <td className={cell}>{percent(s.aboveTarget)}</td>
                    <td className={cell}>
                      <Link className="underline" href={`/decks/${s.deck}/review?${query}`}>
                        {t("reviewSection")}
                      </Link>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="memory" className="grid gap-6 sm:grid-cols-2">
        <h2 id="memory" className="text-xl font-semibold sm:col-span-2">
          {t("memory")}
        </h2>
        <div className="space-y-2">
          <h3 className="font-medium">{t("stability")}</h3>
          <ProgressChart
            spec={stability}
            label={t("stabilityLabel", {
              summary: progress.stability.map((b) => `${b.bucket}: ${b.cards}`).join(", "),
            })}
          />
        </div>
        <div className="space-y-2">
          <h3 className="font-medium">{t("difficulty")}</h3>
          <ProgressChart
            spec={difficulty}
            label={t("difficultyLabel", {
              summary: progress.difficulty.map((b) => `${b.bucket}: ${b.cards}`).join(", "),
            })}
          />
        </div>
      </section>

      <section className="space-y-1">
        <a className="underline" href="/api/progress/reviews.csv" download>
          {t("export")}
        </a>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("exportHint")}</p>
      </section>
    </div>
  );
}

/** The same day a year earlier (YYYY-MM-DD), where the heatmap starts. */
function shiftYear(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCFullYear(day.getUTCFullYear() - 1);
  day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
}
