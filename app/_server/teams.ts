import "server-only";
import { Prisma } from "@/prisma/generated/client";
import { getDb } from "./db";
import { visibleDecks } from "./deck-access";
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
  const decks = await db.deck.findMany({
    where: { slug: { in: input.decks }, ...visibleDecks(user.id) },
    select: { id: true },
  });
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
  const team = await getDb().team.findUnique({
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
  // Deleted since the role was read.
  if (!team) return null;
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

// Each write below names the roles it may change in its own WHERE, so a membership that
// changed since the role was read is simply not found, never an error.
const done = (count: number): { status: "done" } | NotFound => (count > 0 ? { status: "done" } : notFound);
const key = (teamId: string, userId: string) => ({ teamId, userId });

/** Show or hide oneself on the team's boards. */
export async function setOnBoard(
  user: User,
  teamId: string,
  isOnBoard: boolean,
): Promise<{ status: "done" } | NotFound> {
  if (!(await roleIn(user, teamId))) return notFound;
  return done((await getDb().teamMember.updateMany({ where: key(teamId, user.id), data: { isOnBoard } })).count);
}

/** Leave a team; its owner hands it to someone first (or deletes it). */
export async function leaveTeam(
  user: User,
  teamId: string,
): Promise<{ status: "done" } | NotFound | { error: "owner" }> {
  const role = await roleIn(user, teamId);
  if (!role) return notFound;
  if (role === "owner") return { error: "owner" };
  const left = await getDb().teamMember.deleteMany({ where: { ...key(teamId, user.id), role: { not: "owner" } } });
  return done(left.count);
}

/**
 * Remove a member: the owner removes anyone else, an admin only members. Their own
 * progress stays theirs: only the membership goes. They cannot come back by an invite,
 * and the invites they made stop working.
 */
export async function removeMember(
  user: User,
  teamId: string,
  memberId: string,
): Promise<{ status: "done" } | NotFound> {
  const role = await roleIn(user, teamId);
  if (!canManage(role) || memberId === user.id || !uuid.test(memberId)) return notFound;
  const removable = role === "owner" ? (["admin", "member"] as const) : (["member"] as const);
  return getDb().$transaction(async (tx) => {
    const removed = await tx.teamMember.deleteMany({
      where: { ...key(teamId, memberId), role: { in: [...removable] } },
    });
    if (removed.count === 0) return notFound;
    await tx.teamRemoval.upsert({
      where: { teamId_userId: key(teamId, memberId) },
      create: key(teamId, memberId),
      update: {},
    });
    await tx.teamInvite.updateMany({
      where: { teamId, createdById: memberId, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    return { status: "done" as const };
  });
}

/** The owner makes a member an admin, or an admin a member. */
export async function setRole(
  user: User,
  teamId: string,
  memberId: string,
  newRole: "admin" | "member",
): Promise<{ status: "done" } | NotFound> {
  if ((await roleIn(user, teamId)) !== "owner" || !uuid.test(memberId)) return notFound;
  const changed = await getDb().teamMember.updateMany({
    where: { ...key(teamId, memberId), role: { not: "owner" } },
    data: { role: newRole },
  });
  return done(changed.count);
}

/** The owner hands the team to another member and stays on as an admin: both in one transaction, or neither. */
export async function transferOwnership(
  user: User,
  teamId: string,
  memberId: string,
): Promise<{ status: "done" } | NotFound> {
  if ((await roleIn(user, teamId)) !== "owner" || memberId === user.id || !uuid.test(memberId)) return notFound;
  return getDb()
    .$transaction(async (tx) => {
      const stepped = await tx.teamMember.updateMany({
        where: { ...key(teamId, user.id), role: "owner" },
        data: { role: "admin" },
      });
      if (stepped.count === 0) return notFound;
      const promoted = await tx.teamMember.updateMany({ where: key(teamId, memberId), data: { role: "owner" } });
      // No such member: nothing changes.
      if (promoted.count === 0) throw new NoSuchMember();
      return { status: "done" as const };
    })
    .catch((error: unknown) => {
      if (error instanceof NoSuchMember) return notFound;
      throw error;
    });
}

class NoSuchMember extends Error {}

/** The owner deletes the team: memberships, invites and boards go; everyone's own study stays. */
export async function deleteTeam(user: User, teamId: string): Promise<{ status: "done" } | NotFound> {
  if ((await roleIn(user, teamId)) !== "owner") return notFound;
  return done(
    (await getDb().team.deleteMany({ where: { id: teamId, members: { some: { userId: user.id, role: "owner" } } } }))
      .count,
  );
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
  try {
    await getDb().teamExam.upsert({ where: { teamId }, create: { teamId, ...data }, update: data });
  } catch (error) {
    // The team was deleted meanwhile.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2003") return notFound;
    throw error;
  }
  return { status: "done" };
}

/**
 * Before accounts that expire are deleted (demo accounts): a team they own passes to its
 * longest-standing admin, else member, who stays; a team with nobody left goes.
 */
export async function handOverTeamsOfExpired(now: Date): Promise<void> {
  const db = getDb();
  await db.$executeRaw`
    UPDATE "TeamMember" heir SET "role" = 'owner'
    FROM (
      SELECT DISTINCT ON (m."teamId") m."teamId", m."userId"
      FROM "TeamMember" m JOIN "User" u ON u."id" = m."userId"
      WHERE (u."expiresAt" IS NULL OR u."expiresAt" >= ${now}::timestamp)
        AND m."teamId" IN (SELECT o."teamId" FROM "TeamMember" o JOIN "User" ou ON ou."id" = o."userId"
          WHERE o."role" = 'owner' AND ou."expiresAt" < ${now}::timestamp)
      ORDER BY m."teamId", (m."role" = 'admin') DESC, m."joinedAt"
    ) AS next
    WHERE heir."teamId" = next."teamId" AND heir."userId" = next."userId"`;
  await db.$executeRaw`
    DELETE FROM "Team" t
    WHERE EXISTS (SELECT 1 FROM "TeamMember" m JOIN "User" u ON u."id" = m."userId"
        WHERE m."teamId" = t."id" AND u."expiresAt" < ${now}::timestamp)
      AND NOT EXISTS (SELECT 1 FROM "TeamMember" m JOIN "User" u ON u."id" = m."userId"
        WHERE m."teamId" = t."id" AND (u."expiresAt" IS NULL OR u."expiresAt" >= ${now}::timestamp))`;
}
