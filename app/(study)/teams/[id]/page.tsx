import { TZDate } from "@date-fns/tz";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { DeleteTeam, TeamInvites, TeamLeadView, TeamMembers } from "@/app/_components/team-admin";
import { QuizBoard, TeamBoard } from "@/app/_components/team-board";
import { InviteForm, TeamExamForm } from "@/app/_components/team-forms";
import { Button } from "@/app/_components/ui/button";
import { now } from "@/app/_server/clock";
import { listTestScopes } from "@/app/_server/practice-test-view";
import { requireUser } from "@/app/_server/session";
import { getQuizBoard, getTeamBoard, listFlagged } from "@/app/_server/team-boards";
import { listInvites } from "@/app/_server/team-invites";
import { getLeadView } from "@/app/_server/team-lead";
import { canManage, getTeam } from "@/app/_server/teams";
import { leaveTeamAction, setOnBoardAction } from "@/app/(study)/teams/actions";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ board?: string | string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const user = await requireUser();
  const team = await getTeam(user, (await params).id);
  return { title: team?.name ?? (await getTranslations("teams"))("title") };
}

export default async function TeamPage({ params, searchParams }: Props) {
  const user = await requireUser();
  const [{ id }, query, at] = await Promise.all([params, searchParams, now()]);
  const team = await getTeam(user, id);
  if (!team) notFound();
  const manages = canManage(team.role);
  const [t, format, board, quizBoard, scopes, invites, lead, flagged] = await Promise.all([
    getTranslations("teams"),
    getFormatter(),
    getTeamBoard(user, id, query.board === "all" ? "all" : "week", at),
    getQuizBoard(user, id, at),
    listTestScopes(user),
    manages ? listInvites(user, id, at) : null,
    manages ? getLeadView(user, id, at) : null,
    manages ? listFlagged(user, id, at) : null,
  ]);
  if (!board) notFound();
  const teamScopes = scopes.filter((scope) => team.decks.some((deck) => deck.slug === scope.slug));
  return (
    <div className="max-w-3xl space-y-8">
      <section className="space-y-2">
        <h1 className="text-2xl font-bold">{team.name}</h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          {t("summary", {
            decks: team.decks.map((deck) => deck.title).join(", "),
            count: team.memberCount,
            timeZone: team.timeZone,
            role: t(`role-${team.role}`),
          })}
        </p>
        {team.exam && (
          <p className="text-sm">
            {t("teamExam", {
              date: format.dateTime(team.exam.examAt, {
                dateStyle: "long",
                timeStyle: "short",
                timeZone: team.timeZone,
              }),
            })}
          </p>
        )}
        <form action={setOnBoardAction} className="flex flex-wrap items-center gap-3 text-sm">
          <input type="hidden" name="team" value={team.id} />
          <label className="flex items-center gap-2">
            <input type="checkbox" name="onBoard" defaultChecked={team.isOnBoard} />
            {t("showMe")}
          </label>
          <Button type="submit" variant="secondary">
            {t("saveVisibility")}
          </Button>
        </form>
        <p className="text-sm">
          <Link
            className="underline"
            href={`/quiz?${new URLSearchParams({ team: team.id, deck: team.decks[0]?.slug ?? "" })}`}
          >
            {t("teamQuiz")}
          </Link>
        </p>
      </section>
      <TeamBoard teamId={team.id} board={board} />
      {quizBoard && <QuizBoard board={quizBoard} />}
      {manages && (
        <>
          <section className="space-y-3" aria-labelledby="invite-title">
            <h2 id="invite-title" className="text-xl font-semibold">
              {t("invites")}
            </h2>
            <InviteForm team={team.id} />
            <TeamInvites teamId={team.id} invites={invites ?? []} />
          </section>
          <TeamMembers team={team} viewerId={user.id} />
          {lead && <TeamLeadView teamId={team.id} lead={lead} flagged={flagged ?? []} />}
          <section className="space-y-3" aria-labelledby="team-exam-title">
            <h2 id="team-exam-title" className="text-xl font-semibold">
              {t("examTitle")}
            </h2>
            <TeamExamForm
              team={team.id}
              scopes={teamScopes}
              timeZone={team.timeZone}
              saved={
                team.exam
                  ? {
                      deck: team.exam.deck,
                      sections: team.exam.sections,
                      examAt: new TZDate(team.exam.examAt.getTime(), team.timeZone).toISOString().slice(0, 16),
                    }
                  : undefined
              }
            />
          </section>
        </>
      )}
      {team.role === "owner" ? (
        <DeleteTeam teamId={team.id} />
      ) : (
        <form action={leaveTeamAction}>
          <input type="hidden" name="team" value={team.id} />
          <Button type="submit" variant="secondary">
            {t("leave")}
          </Button>
        </form>
      )}
    </div>
  );
}
