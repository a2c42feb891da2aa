import "server-only";
import { getDb } from "./db";
import type { CurrentUser } from "./session";

type User = Pick<CurrentUser, "id">;
export type TeamRole = "owner" | "admin" | "member";
export type NotFound = { error: "not-found" };
const notFound: NotFound = { error: "not-found" };

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The user's role in the team, or null when they are not in it (or the id is not one):
 * every team read and write starts here, so a team not theirs is "not found".
 */
export async function roleIn(user: User, teamId: string): Promise<TeamRole | null> {
  if (!uuid.test(teamId)) return null;
  const member = await getDb().teamMember.findUnique({
    where: { teamId_userId: { teamId, userId: user.id } },
    select: { role: true },
  });
  return member?.role ?? null;
}

export const canManage = (role: TeamRole | null): role is "owner" | "admin" => role === "owner" || role === "admin";

export type TeamInput = { name: string; decks: string[]; timeZone: string; weekStartsOn: number };

/** A new team studying these decks (by slug), its creator its owner. */
export async function createTeam(user: User, input: TeamInput): Promise<{ id: string } | { error: "deck-not-found" }> {
  const db = getDb();
  const decks = await db.deck.findMany({ where: { slug: { in: input.decks } }, select: { id: true } });
  if (decks.length !== new Set(input.decks).size || decks.length === 0) return { error: "deck-not-found" };
  return db.team.create({
    data: {
      name: input.name,
      timeZone: input.timeZone,
      weekStartsOn: input.weekStartsOn,
      decks: { create: decks.map((deck) => ({ deckId: deck.id })) },
      members: { create: { userId: user.id, role: "owner", isOnBoard: true } },
    },
    select: { id: true },
  });
}

export type TeamSummaryDto = { id: string; name: string; role: TeamRole; members: number };

/** The user's teams. */
export async function listMyTeams(user: User): Promise<TeamSummaryDto[]> {
  const rows = await getDb().teamMember.findMany({
    where: { userId: user.id },
    orderBy: { joinedAt: "asc" },
    select: { role: true, team: { select: { id: true, name: true, _count: { select: { members: true } } } } },
  });
  return rows.map(({ role, team }) => ({ id: team.id, name: team.name, role, members: team._count.members }));
}

export type TeamDto = {
  id: string;
  name: string;
  timeZone: string;
  weekStartsOn: number;
  decks: { slug: string; title: string }[];
  role: TeamRole;
  isOnBoard: boolean;
  /** Names and roles: for those who manage the team only (display names, never emails). */
  members: { userId: string; name: string; role: TeamRole; isOnBoard: boolean }[] | null;
  memberCount: number;
  exam: { deck: string; sections: string[]; examAt: Date } | null;
};

/** A team the user is in, or null. */
export async function getTeam(user: User, teamId: string): Promise<TeamDto | null> {
  const role = await roleIn(user, teamId);
  if (!role) return null;
  const team = await getDb().team.findUniqueOrThrow({
    where: { id: teamId },
    select: {
      id: true,
      name: true,
      timeZone: true,
      weekStartsOn: true,
      decks: { select: { deck: { select: { slug: true, title: true } } } },
      members: {
        orderBy: { joinedAt: "asc" },
        select: { userId: true, role: true, isOnBoard: true, user: { select: { name: true } } },
      },
      exam: { select: { examAt: true, sections: true, deck: { select: { slug: true } } } },
    },
  });
  const me = team.members.find((member) => member.userId === user.id);
  return {
    id: team.id,
    name: team.name,
    timeZone: team.timeZone,
    weekStartsOn: team.weekStartsOn,
    decks: team.decks.map(({ deck }) => deck),
    role,
    isOnBoard: me?.isOnBoard ?? false,
    members: canManage(role)
      ? team.members.map((member) => ({
          userId: member.userId,
          name: member.user.name,
          role: member.role,
          isOnBoard: member.isOnBoard,
        }))
      : null,
    memberCount: team.members.length,
    exam: team.exam
      ? { deck: team.exam.deck.slug, sections: (team.exam.sections as string[]) ?? [], examAt: team.exam.examAt }
      : null,
  };
}

/** Show or hide oneself on the team's boards. */
export async function setOnBoard(
  user: User,
  teamId: string,
  isOnBoard: boolean,
): Promise<{ status: "done" } | NotFound> {
  if (!(await roleIn(user, teamId))) return notFound;
  await getDb().teamMember.update({ where: { teamId_userId: { teamId, userId: user.id } }, data: { isOnBoard } });
  return { status: "done" };
}

/** Leave a team; its owner hands it to someone first (or deletes it). */
export async function leaveTeam(
  user: User,
  teamId: string,
): Promise<{ status: "done" } | NotFound | { error: "owner" }> {
  const role = await roleIn(user, teamId);
  if (!role) return notFound;
  if (role === "owner") return { error: "owner" };
  await getDb().teamMember.delete({ where: { teamId_userId: { teamId, userId: user.id } } });
  return { status: "done" };
}

/**
 * Remove a member: the owner removes anyone else, an admin only members. Their own
 * progress stays theirs: only the membership goes.
 */
export async function removeMember(
  user: User,
  teamId: string,
  memberId: string,
): Promise<{ status: "done" } | NotFound> {
  const role = await roleIn(user, teamId);
  const target = canManage(role) && memberId !== user.id ? await roleIn({ id: memberId }, teamId) : null;
  if (!target || target === "owner" || (role === "admin" && target !== "member")) return notFound;
  await getDb().teamMember.delete({ where: { teamId_userId: { teamId, userId: memberId } } });
  return { status: "done" };
}

/** The owner makes a member an admin, or an admin a member. */
export async function setRole(
  user: User,
  teamId: string,
  memberId: string,
  newRole: "admin" | "member",
): Promise<{ status: "done" } | NotFound> {
  const target = (await roleIn(user, teamId)) === "owner" ? await roleIn({ id: memberId }, teamId) : null;
  if (!target || target === "owner") return notFound;
  await getDb().teamMember.update({ where: { teamId_userId: { teamId, userId: memberId } }, data: { role: newRole } });
  return { status: "done" };
}

/** The owner hands the team to another member and stays on as an admin. */
export async function transferOwnership(
  user: User,
  teamId: string,
  memberId: string,
): Promise<{ status: "done" } | NotFound> {
  const target = (await roleIn(user, teamId)) === "owner" ? await roleIn({ id: memberId }, teamId) : null;
  if (!target || target === "owner") return notFound;
  await getDb().$transaction([
    getDb().teamMember.update({ where: { teamId_userId: { teamId, userId: user.id } }, data: { role: "admin" } }),
    getDb().teamMember.update({ where: { teamId_userId: { teamId, userId: memberId } }, data: { role: "owner" } }),
  ]);
  return { status: "done" };
}

/** The owner deletes the team: memberships, invites and boards go; everyone's own study stays. */
export async function deleteTeam(user: User, teamId: string): Promise<{ status: "done" } | NotFound> {
  if ((await roleIn(user, teamId)) !== "owner") return notFound;
  await getDb().team.delete({ where: { id: teamId } });
  return { status: "done" };
}

/** Set the exam the team studies for (one per team), on one of its decks; admins only. */
export async function saveTeamExam(
  user: User,
  teamId: string,
  input: { deck: string; sections: string[]; examAt: Date },
): Promise<{ status: "done" } | NotFound | { error: "deck-not-found" }> {
  if (!canManage(await roleIn(user, teamId))) return notFound;
  const deck = await getDb().teamDeck.findFirst({
    where: { teamId, deck: { slug: input.deck } },
    select: { deckId: true },
  });
  if (!deck) return { error: "deck-not-found" };
  const data = { deckId: deck.deckId, sections: input.sections, examAt: input.examAt };
  await getDb().teamExam.upsert({ where: { teamId }, create: { teamId, ...data }, update: data });
  return { status: "done" };
}
