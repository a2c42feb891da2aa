import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { JoinForm } from "@/app/_components/team-forms";
import { now } from "@/app/_server/clock";
import { requireUser } from "@/app/_server/session";
import { checkInvite } from "@/app/_server/team-invites";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("teams"))("joinTitle") };
}

export default async function JoinPage({ params }: { params: Promise<{ token: string }> }) {
  const user = await requireUser();
  const { token } = await params;
  const [t, invite] = await Promise.all([getTranslations("teams"), checkInvite(user, token, await now())]);
  if (invite.status === "unknown") notFound();
  return (
    <div className="max-w-lg space-y-4">
      <h1 className="text-2xl font-bold">{t("joinTitle")}</h1>
      {invite.status !== "valid" ? (
        <p role="alert">{t(`invite-${invite.status}`)}</p>
      ) : invite.isMember ? (
        <p>
          <Link href={`/teams/${invite.teamId}`} className="underline">
            {t("alreadyMember", { team: invite.teamName })}
          </Link>
        </p>
      ) : (
        <>
          <p>{t("joinAsk", { team: invite.teamName, count: invite.members })}</p>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("joinPrivacy")}</p>
          <JoinForm token={token} teamName={invite.teamName} />
        </>
      )}
      <Link href="/teams" className="text-sm underline">
        {t("backToTeams")}
      </Link>
    </div>
  );
}
