import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { cell, DataTable } from "@/app/_components/data-table";
import { MasteryTree } from "@/app/_components/mastery-tree";
import { type ChartSpec, ProgressChart } from "@/app/_components/progress-chart";
import { Section, StatGrid } from "@/app/_components/stats";
import { now } from "@/app/_server/clock";
import { getProgress, type Rate } from "@/app/_server/progress";
import { matureDays } from "@/app/_server/progress-queries";
import { requireUser } from "@/app/_server/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("progress"))("title") };
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

      <Section id="today" title={t("today")} className="space-y-3">
        <StatGrid
          items={(
            [
              ["dueNow", format.number(today.dueNow)],
              ["newLeft", format.number(today.newLeft)],
              ["learning", format.number(today.learning)],
              ["reviewedToday", format.number(today.reviewed)],
              ["timeToday", t("minutes", { minutes: today.minutes })],
              ["streak", t("days", { days: today.streak })],
              ["clearedStreak", t("days", { days: today.clearedStreak })],
            ] as const
          ).map(([key, value]) => ({ key, label: t(key), value }))}
        />
        {today.dueNow + today.newLeft > 0 && (
          <Link
            href="/review"
            className="inline-block rounded-md bg-zinc-900 px-4 py-2 text-white dark:bg-zinc-100 dark:text-zinc-900"
          >
            {t("startReview")}
          </Link>
        )}
      </Section>

      <Section id="heatmap" title={t("heatmap")}>
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
      </Section>

      <Section id="retention" title={t("retention")}>
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
      </Section>

      <Section id="forecast" title={t("forecast")}>
        <ProgressChart
          spec={forecast}
          label={t("forecastLabel", { total: forecastTotal, today: progress.forecast[0]?.reviews ?? 0 })}
        />
        <DataTable
          caption={t("forecastTable")}
          headers={[t("date"), t("reviews")]}
          rows={progress.forecast.map((d) => [d.date, String(d.reviews)])}
        />
      </Section>

      <Section id="counts" title={t("counts")}>
        <StatGrid
          className="grid grid-cols-3 gap-3 sm:grid-cols-6"
          items={(
            [
              ["countNew", counts.new],
              ["countLearning", counts.learning],
              ["countYoung", counts.young],
              ["countMature", counts.mature],
              ["countSuspended", counts.suspended],
              ["countRetired", counts.retired],
            ] as const
          ).map(([key, value]) => ({ key, label: t(key), value: format.number(value) }))}
        />
      </Section>

      <Section id="mastery" title={t("mastery")}>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("masteryHint")}</p>
        <MasteryTree sections={progress.sections} />
      </Section>

      <Section id="memory" title={t("memory")}>
        <div className="grid gap-6 sm:grid-cols-2">
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
        </div>
      </Section>

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
