import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Section, StatGrid } from "@/app/_components/stats";
import { getAccountSummary } from "@/app/_server/accounts";
import { now } from "@/app/_server/clock";
import { getToday } from "@/app/_server/progress";
import { requireUser } from "@/app/_server/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("header"))("home") };
}

export default async function HomePage() {
  const user = await requireUser();
  const [t, p, format, summary, progress] = await Promise.all([
    getTranslations("home"),
    getTranslations("progress"),
    getFormatter(),
    getAccountSummary(user),
    getToday(user, await now()),
  ]);
  const { today } = progress;
  return (
    <div className="space-y-6">
      <div className="space-y-4">
        <h1 className="text-3xl font-bold">{t("greeting", { name: user.name })}</h1>
        <p className="text-zinc-700 dark:text-zinc-300">{t("lead")}</p>
        {summary.expiresAt && (
          <p role="note" className="rounded-md border border-amber-400 p-3 text-sm">
            {t("demoExpires", { date: format.dateTime(summary.expiresAt, { dateStyle: "long" }) })}
          </p>
        )}
      </div>
      <Section id="today" title={p("today")} className="space-y-3">
        <StatGrid
          items={(
            [
              ["dueNow", format.number(today.dueNow)],
              ["newLeft", format.number(today.newLeft)],
              ["reviewedToday", format.number(today.reviewed)],
              ["streak", p("days", { days: today.streak })],
            ] as const
          ).map(([key, value]) => ({ key, label: p(key), value }))}
        />
        <div className="flex gap-4">
          {today.dueNow + today.newLeft > 0 && (
            <Link
              href="/review"
              className="rounded-md bg-zinc-900 px-4 py-2 text-white dark:bg-zinc-100 dark:text-zinc-900"
            >
              {p("startReview")}
            </Link>
          )}
          <Link href="/progress" className="self-center underline">
            {p("homeLink")}
          </Link>
        </div>
      </Section>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        {t("memberSince", { date: format.dateTime(summary.createdAt, { dateStyle: "long" }) })}
      </p>
    </div>
  );
}
