import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { type ChartSpec, ProgressChart } from "@/app/_components/progress-chart";
import { Section, StatGrid } from "@/app/_components/stats";
import { now } from "@/app/_server/clock";
import { getProgress, matureDays, type Rate, type SectionMastery } from "@/app/_server/progress";
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

type Translate = Awaited<ReturnType<typeof getTranslations<"progress">>>;

/** One section: its name, card count, recall now (with a bar), share above target, and its review. */
function SectionLine({
  mastery,
  t,
  percent,
  cardsLabel,
}: {
  mastery: SectionMastery;
  t: Translate;
  percent: (value: number) => string;
  cardsLabel: string;
}) {
  return (
    <span className="inline-flex w-[calc(100%-1.5rem)] flex-wrap items-center gap-x-4 gap-y-1">
      <span className="min-w-48 flex-1 font-medium" lang={mastery.language}>
        {mastery.section.at(-1)}
      </span>
      <span className="whitespace-nowrap text-zinc-600 dark:text-zinc-400">
        {t("cards")} {cardsLabel}
      </span>
      <span className="whitespace-nowrap" title={t("recall")}>
        <span className="mr-2 inline-block h-2 w-16 rounded bg-zinc-200 align-middle dark:bg-zinc-800">
          <span
            className="block h-2 rounded bg-blue-600 dark:bg-blue-400"
            style={{ width: `${Math.round(mastery.recall * 100)}%` }}
          />
        </span>
        {t("recall")} {percent(mastery.recall)}
      </span>
      <span className="whitespace-nowrap">
        {t("aboveTarget")} {percent(mastery.aboveTarget)}
      </span>
    </span>
  );
}

/** A review of just this section's cards. */
function ReviewLink({ mastery, t }: { mastery: SectionMastery; t: Translate }) {
  const query = mastery.section.map((part) => `section=${encodeURIComponent(part)}`).join("&");
  return (
    <Link className="whitespace-nowrap text-sm underline" href={`/decks/${mastery.deck}/review?${query}`}>
      {t("reviewSection")}
    </Link>
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
  // The heading tree, two levels, weakest first at each (the rows come sorted by recall).
  const tops = progress.sections.filter((s) => s.depth === 1);
  const children = (top: SectionMastery) =>
    progress.sections.filter(
      (s) => s.depth === 2 && s.deck === top.deck && s.section.length === 2 && s.section[0] === top.section[0],
    );
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
        <ul className="divide-y divide-zinc-200 text-sm dark:divide-zinc-800" data-testid="mastery">
          {tops.map((top) => (
            <li key={`${top.deck}/${top.section.join("/")}`} className="flex items-start gap-4 py-2">
              {/* The link stays outside the summary: a control inside another is not allowed. */}
              <details className="flex-1">
                <summary className="cursor-pointer">
                  <SectionLine mastery={top} t={t} percent={percent} cardsLabel={format.number(top.cards)} />
                </summary>
                <ul className="mt-2 space-y-2 border-l border-zinc-200 pl-4 dark:border-zinc-800">
                  {children(top).map((child) => (
                    <li key={child.section.join("/")}>
                      <SectionLine mastery={child} t={t} percent={percent} cardsLabel={format.number(child.cards)} />{" "}
                      <ReviewLink mastery={child} t={t} />
                    </li>
                  ))}
                </ul>
              </details>
              <ReviewLink mastery={top} t={t} />
            </li>
          ))}
        </ul>
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
