import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { QuizStartForm } from "@/app/_components/quiz-start-form";
import { listTestScopes } from "@/app/_server/practice-test-view";
import { requireUser } from "@/app/_server/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("quiz"))("title") };
}

export default async function QuizPage() {
  await requireUser();
  const [t, scopes] = await Promise.all([getTranslations("quiz"), listTestScopes()]);
  return (
    <div className="max-w-lg space-y-6">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("intro")}</p>
      <QuizStartForm scopes={scopes} />
    </div>
  );
}
