import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { TeamCreateForm } from "@/app/_components/team-forms";
import { listTestScopes } from "@/app/_server/practice-test-view";
import { getSettings } from "@/app/_server/preferences";
import { requireUser } from "@/app/_server/session";
import { listMyTeams } from "@/app/_server/teams";
import { listUsableTimeZones } from "@/app/_server/time-zones";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("teams"))("title") };
}

export default async function TeamsPage() {
  const user = await requireUser();
  const [t, teams, decks, settings, timeZones] = await Promise.all([
    getTranslations("teams"),
    listMyTeams(user),
    listTestScopes(user),
    getSettings(user),
    listUsableTimeZones(),
  ]);
  return (
    <div className="max-w-2xl space-y-8">
      <section className="space-y-3">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("intro")}</p>
        {teams.length === 0 ? (
          <p>{t("none")}</p>
        ) : (
          <ul className="space-y-1">
            {teams.map((team) => (
              <li key={team.id}>
                <Link href={`/teams/${team.id}`} className="underline">
                  {team.name}
                </Link>{" "}
                <span className="text-sm text-zinc-600 dark:text-zinc-400">
                  {t(`role-${team.role}`)} · {t("memberCount", { count: team.members })}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="space-y-3">
        <h2 className="text-xl font-semibold">{t("createTitle")}</h2>
        <TeamCreateForm decks={decks} timeZones={timeZones} timeZone={settings.timeZone} />
      </section>
    </div>
  );
}
