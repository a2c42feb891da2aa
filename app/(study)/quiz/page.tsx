import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { QuizStartForm } from "@/app/_components/quiz-start-form";
import { listTestScopes } from "@/app/_server/practice-test-view";
import { requireUser } from "@/app/_server/session";
import { getTeam } from "@/app/_server/teams";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("quiz"))("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const one = (value: string | string[] | undefined) => (typeof value === "string" ? value : undefined);

export default async function QuizPage({ searchParams }: Props) {
  const user = await requireUser();
  const query = await searchParams;
  const teamId = one(query.team);
  const [t, scopes, team] = await Promise.all([
    getTranslations("quiz"),
    listTestScopes(user),
    teamId ? getTeam(user, teamId) : null,
  ]);
  const deck = scopes.find((scope) => scope.slug === one(query.deck));
  const section = one(query.section);
  return (
    <div className="max-w-lg space-y-6">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("intro")}</p>
      <QuizStartForm
        scopes={scopes}
        deck={deck?.slug}
        sections={section && deck?.sections.includes(section) ? [section] : undefined}
        team={team ? { id: team.id, name: team.name } : undefined}
      />
    </div>
  );
}
