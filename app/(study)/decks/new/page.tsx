import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { CsvImportForm } from "@/app/_components/csv-import-form";
import { DeckUpload } from "@/app/_components/deck-upload";
import { readyDraftBuilder } from "@/app/_server/draft-builder";
import { requireUser } from "@/app/_server/session";
import { listMyTeams } from "@/app/_server/teams";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("decks"))("newTitle") };
}

export default async function NewDeckPage() {
  const user = await requireUser();
  void readyDraftBuilder();
  const [t, teams] = await Promise.all([getTranslations("decks"), listMyTeams(user)]);
  return (
    <div className="max-w-3xl space-y-4">
      <h1 className="text-2xl font-bold">{t("newTitle")}</h1>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("newIntro")}</p>
      <DeckUpload teams={teams.filter((team) => team.role !== "member").map(({ id, name }) => ({ id, name }))} />
      <section className="space-y-3 border-t border-zinc-200 pt-6 dark:border-zinc-800" aria-labelledby="csv-heading">
        <h2 id="csv-heading" className="text-xl font-semibold">
          {t("csvHeading")}
        </h2>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("csvIntro")}</p>
        <CsvImportForm />
      </section>
    </div>
  );
}
