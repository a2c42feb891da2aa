import { getTranslations } from "next-intl/server";

export default async function LandingPage() {
  const t = await getTranslations("landing");
  return (
    <article className="space-y-8">
      <section className="space-y-4">
        <h1 className="text-4xl font-bold tracking-tight">{t("title")}</h1>
        <p className="text-lg text-zinc-700 dark:text-zinc-300">{t("lead")}</p>
      </section>
      <section className="space-y-3">
        <h2 className="text-xl font-semibold">{t("featuresTitle")}</h2>
        <ul className="list-disc space-y-2 pl-6">
          <li>{t("featureReview")}</li>
          <li>{t("featureQuiz")}</li>
          <li>{t("featureTeams")}</li>
        </ul>
        <p className="text-zinc-600 dark:text-zinc-400">{t("firstDeck")}</p>
      </section>
    </article>
  );
}
