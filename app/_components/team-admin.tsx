import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { InviteDto } from "@/app/_server/team-invites";
import type { LeadViewDto } from "@/app/_server/team-lead";
import type { TeamDto } from "@/app/_server/teams";
import {
  deleteTeamAction,
  removeMemberAction,
  revokeInviteAction,
  setRoleAction,
  transferOwnershipAction,
} from "@/app/(study)/teams/actions";
import { cell } from "./data-table";
import { Button } from "./ui/button";

const small =
  "rounded-md border border-zinc-300 px-2 py-1 text-xs hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800";

/** One button that posts the team, a member and perhaps a role to an action. */
function MemberButton({
  action,
  team,
  member,
  role,
  label,
}: {
  action: (formData: FormData) => Promise<void>;
  team: string;
  member: string;
  role?: string;
  label: string;
}) {
  return (
    <form action={action}>
      <input type="hidden" name="team" value={team} />
      <input type="hidden" name="member" value={member} />
      {role && <input type="hidden" name="role" value={role} />}
      <button type="submit" className={small}>
        {label}
      </button>
    </form>
  );
}

/** Members with what the viewer may do to each: the owner everything, an admin remove members. */
export async function TeamMembers({ team, viewerId }: { team: TeamDto; viewerId: string }) {
  const t = await getTranslations("teams");
  const isOwner = team.role === "owner";
  return (
    <section className="space-y-2" aria-labelledby="members-title">
      <h2 id="members-title" className="text-xl font-semibold">
        {t("members")}
      </h2>
      <ul className="space-y-2 text-sm">
        {(team.members ?? []).map((member) => (
          <li key={member.userId} className="flex flex-wrap items-center gap-2">
            <span>
              {member.name} · {t(`role-${member.role}`)}
              {member.isOnBoard ? "" : ` · ${t("hiddenMark")}`}
            </span>
            {member.userId !== viewerId && member.role !== "owner" && (
              <>
                {(isOwner || member.role === "member") && (
                  <MemberButton
                    action={removeMemberAction}
                    team={team.id}
                    member={member.userId}
                    label={t("remove", { name: member.name })}
                  />
                )}
                {isOwner && (
                  <MemberButton
                    action={setRoleAction}
                    team={team.id}
                    member={member.userId}
                    role={member.role === "admin" ? "member" : "admin"}
                    label={t(member.role === "admin" ? "makeMember" : "makeAdmin", { name: member.name })}
                  />
                )}
                {isOwner && (
                  <MemberButton
                    action={transferOwnershipAction}
                    team={team.id}
                    member={member.userId}
                    label={t("makeOwner", { name: member.name })}
                  />
                )}
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The team's invites: when each expires, its uses, and a way to revoke it. */
export async function TeamInvites({ teamId, invites }: { teamId: string; invites: InviteDto[] }) {
  const [t, format] = await Promise.all([getTranslations("teams"), getFormatter()]);
  if (invites.length === 0) return null;
  return (
    <table className="text-sm">
      <thead>
        <tr>
          <th className={cell}>{t("expires")}</th>
          <th className={cell}>{t("uses")}</th>
          <th className={cell}>{t("state")}</th>
          <th className={cell} />
        </tr>
      </thead>
      <tbody>
        {invites.map((invite) => (
          <tr key={invite.id}>
            <td className={cell}>{format.dateTime(invite.expiresAt, { dateStyle: "medium", timeStyle: "short" })}</td>
            <td className={cell}>
              {invite.uses} / {invite.maxUses}
            </td>
            <td className={cell}>{t(invite.isActive ? "active" : "inactive")}</td>
            <td className={cell}>
              {invite.isActive && (
                <form action={revokeInviteAction}>
                  <input type="hidden" name="team" value={teamId} />
                  <input type="hidden" name="invite" value={invite.id} />
                  <button type="submit" className={small}>
                    {t("revoke")}
                  </button>
                </form>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** For the team's lead: sections weakest first, the predicted score bands, answers too fast to read. */
export async function TeamLeadView({
  teamId,
  lead,
  flagged,
}: {
  teamId: string;
  lead: LeadViewDto;
  flagged: { name: string; flagged: number }[];
}) {
  const [t, format] = await Promise.all([getTranslations("teams"), getFormatter()]);
  const percent = (n: number) => format.number(n, { style: "percent" });
  return (
    <section className="space-y-3" aria-labelledby="lead-title">
      <h2 id="lead-title" className="text-xl font-semibold">
        {t("lead")}
      </h2>
      {lead.sections === null ? (
        <p className="text-sm">{t("leadTooFew", { count: lead.members })}</p>
      ) : (
        <>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("leadExplain")}</p>
          <table className="text-sm" data-testid="lead-sections">
            <thead>
              <tr>
                <th className={cell}>{t("section")}</th>
                <th className={cell}>{t("aboveRetention")}</th>
                <th className={cell} />
              </tr>
            </thead>
            <tbody>
              {lead.sections.map((row) => (
                <tr key={`${row.deck}/${row.section}`}>
                  <td className={cell}>{row.section}</td>
                  <td className={cell}>{percent(row.share)}</td>
                  <td className={cell}>
                    <Link
                      className="underline"
                      href={`/quiz?${new URLSearchParams({ team: teamId, deck: row.deck, section: row.section })}`}
                    >
                      {t("teamQuizOn")}
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {lead.exam && (
            <>
              <h3 className="font-semibold">{t("examBands")}</h3>
              <ul className="text-sm">
                {lead.exam.bands.map((band) => (
                  <li key={band.from}>
                    {percent(band.from)}–{percent(band.to)}: {t("memberCount", { count: band.members })}
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
      {flagged.length > 0 && (
        <>
          <h3 className="font-semibold">{t("flagged")}</h3>
          <ul className="text-sm">
            {flagged.map((row, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: display names may repeat; the list is not reordered.
              <li key={i}>{t("flaggedRow", { name: row.name, count: row.flagged })}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** The owner's way to delete the team. */
export async function DeleteTeam({ teamId }: { teamId: string }) {
  const t = await getTranslations("teams");
  return (
    <form action={deleteTeamAction} className="space-y-2">
      <input type="hidden" name="team" value={teamId} />
      <p className="text-sm">{t("deleteExplain")}</p>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="confirm" required />
        {t("deleteConfirm")}
      </label>
      <Button type="submit" variant="danger">
        {t("delete")}
      </Button>
    </form>
  );
}
