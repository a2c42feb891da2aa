import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { getAccountSummary } from "@/app/_server/accounts";
import { requireUser } from "@/app/_server/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("header"))("home") };
}

export default async function HomePage() {
  const user = await requireUser();
  const [t, format, summary] = await Promise.all([getTranslations("home"), getFormatter(), getAccountSummary(user)]);
  return (
    <div className="space-y-4">
      <h1 className="text-3xl font-bold">{t("greeting", { name: user.name })}</h1>
      <p className="text-zinc-700 dark:text-zinc-300">{t("lead")}</p>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        {t("memberSince", { date: format.dateTime(summary.createdAt, { dateStyle: "long" }) })}
      </p>
    </div>
  );
}
