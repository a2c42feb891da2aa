import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { MemoryModel } from "@/app/_components/memory-model";
import { SettingsForm } from "@/app/_components/settings-form";
import { Button } from "@/app/_components/ui/button";
import { automaticFitEvery, getMemoryModel } from "@/app/_server/memory-model";
import { getSettings } from "@/app/_server/preferences";
import { requireUser } from "@/app/_server/session";
import { listUsableTimeZones } from "@/app/_server/time-zones";
import { signOutEverywhereAction } from "@/app/actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("settings"))("title") };
}

export default async function SettingsPage() {
  const user = await requireUser();
  const [t, settings, timeZones, model] = await Promise.all([
    getTranslations("settings"),
    getSettings(user),
    listUsableTimeZones(),
    getMemoryModel(user),
  ]);
  return (
    <div className="max-w-lg space-y-10">
      <section className="space-y-4">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <SettingsForm {...settings} timeZones={timeZones} />
      </section>
      <MemoryModel model={model} automaticEvery={automaticFitEvery} timeZone={settings.timeZone} />
      <section className="space-y-3">
        <h2 className="text-xl font-semibold">{t("account")}</h2>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("signOutEverywhereHint")}</p>
        <form action={signOutEverywhereAction}>
          <Button type="submit" variant="danger">
            {t("signOutEverywhere")}
          </Button>
        </form>
      </section>
    </div>
  );
}
