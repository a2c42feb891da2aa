import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import { Prisma } from "@/prisma/generated/client";
import { getDb } from "./db";
import type { CurrentUser } from "./session";
import { canManage, type NotFound, roleIn } from "./teams";

type User = Pick<CurrentUser, "id">;

// An invite is a 128-bit random token, given once as a link; only its SHA-256 is kept,
// so the table does not hold working links.
const hashOf = (token: string) => createHash("sha256").update(token).digest("hex");
const tokenShape = /^[A-Za-z0-9_-]{22}$/;

/** A team's size: its boards and lead view are made for a class, not a crowd. */
export const maxMembers = 500;

/** Join attempts per user: 10 in 10 minutes, counted in PostgreSQL for every instance. */
export const joinLimit = { points: 10, durationSeconds: 10 * 60 };
let limiter: RateLimiterPrisma | null = null;
const joinLimiter = () => {
  limiter ??= new RateLimiterPrisma({
    storeClient: getDb(),
    tableName: "rateLimit",
    keyPrefix: "team-join",
    points: joinLimit.points,
    duration: joinLimit.durationSeconds,
    clearExpiredByTimeout: false,
  });
  return limiter;
};

export type InviteInput = { expiresInHours: number; maxUses: number };

/** A new invite link's token (shown once), by an owner or admin. */
export async function createInvite(
  user: User,
  teamId: string,
  input: InviteInput,
  now: Date,
): Promise<{ token: string; id: string } | NotFound> {
  if (!canManage(await roleIn(user, teamId))) return { error: "not-found" };
  const token = randomBytes(16).toString("base64url");
  const invite = await getDb().teamInvite.create({
    data: {
      teamId,
      tokenHash: hashOf(token),
      createdById: user.id,
      expiresAt: new Date(now.getTime() + input.expiresInHours * 3_600_000),
      maxUses: input.maxUses,
    },
    select: { id: true },
  });
  return { token, id: invite.id };
}

export type InviteDto = { id: string; expiresAt: Date; maxUses: number; uses: number; isActive: boolean };

/** The team's invites, for those who manage it; null otherwise. */
export async function listInvites(user: User, teamId: string, now: Date): Promise<InviteDto[] | null> {
  if (!canManage(await roleIn(user, teamId))) return null;
  const invites = await getDb().teamInvite.findMany({
    where: { teamId },
    orderBy: { createdAt: "desc" },
    select: { id: true, expiresAt: true, maxUses: true, uses: true, revokedAt: true },
  });
  return invites.map(({ revokedAt, ...invite }) => ({
    ...invite,
    isActive: !revokedAt && invite.expiresAt > now && invite.uses < invite.maxUses,
  }));
}

/** Revoke an invite of a team the user manages. */
export async function revokeInvite(
  user: User,
  teamId: string,
  inviteId: string,
  now: Date,
): Promise<{ status: "done" } | NotFound> {
  if (!canManage(await roleIn(user, teamId))) return { error: "not-found" };
  const revoked = await getDb().teamInvite.updateMany({
    where: { id: inviteId, teamId, revokedAt: null },
    data: { revokedAt: now },
  });
  return revoked.count === 1 ? { status: "done" } : { error: "not-found" };
}

export type InviteCheck =
  | { status: "valid"; teamId: string; teamName: string; members: number; isMember: boolean }
  | { status: "expired" | "used-up" | "revoked" | "removed" | "unknown" };

/** What an invite link leads to, for the page that asks to confirm. */
export async function checkInvite(user: User, token: string, now: Date): Promise<InviteCheck> {
  if (!tokenShape.test(token)) return { status: "unknown" };
  const invite = await getDb().teamInvite.findUnique({
    where: { tokenHash: hashOf(token) },
    select: {
      teamId: true,
      expiresAt: true,
      maxUses: true,
      uses: true,
      revokedAt: true,
      team: { select: { name: true, _count: { select: { members: true } } } },
    },
  });
  if (!invite) return { status: "unknown" };
  if (invite.revokedAt) return { status: "revoked" };
  if (invite.expiresAt <= now) return { status: "expired" };
  const isMember = (await roleIn(user, invite.teamId)) !== null;
  const wasRemoved = await getDb().teamRemoval.count({ where: { teamId: invite.teamId, userId: user.id } });
  if (wasRemoved > 0) return { status: "removed" };
  if (invite.uses >= invite.maxUses && !isMember) return { status: "used-up" };
  return {
    status: "valid",
    teamId: invite.teamId,
    teamName: invite.team.name,
    members: invite.team._count.members,
    isMember,
  };
}

export type JoinResult =
  | { teamId: string }
  | { error: "invalid-invite" | "team-full" }
  | { error: "rate-limited"; retryAfterMs: number };

/**
 * Join the team of a valid invite, using one of its uses (in one statement, so two
 * people racing for the last use cannot both get it). Already a member: nothing used.
 */
export async function joinTeam(user: User, token: string, now: Date): Promise<JoinResult> {
  try {
    await joinLimiter().consume(user.id);
  } catch (error) {
    if (error instanceof RateLimiterRes) return { error: "rate-limited", retryAfterMs: error.msBeforeNext };
    throw new Error("rate limit store failed", { cause: error });
  }
  if (!tokenShape.test(token)) return { error: "invalid-invite" };
  const db = getDb();
  const invite = await db.teamInvite.findUnique({
    where: { tokenHash: hashOf(token) },
    select: { id: true, teamId: true },
  });
  if (!invite) return { error: "invalid-invite" };
  if (await roleIn(user, invite.teamId)) return { teamId: invite.teamId };
  const removed = await db.teamRemoval.count({ where: { teamId: invite.teamId, userId: user.id } });
  if (removed > 0) return { error: "invalid-invite" };
  if ((await db.teamMember.count({ where: { teamId: invite.teamId } })) >= maxMembers) return { error: "team-full" };
  try {
    return await db.$transaction(async (tx) => {
      const used = await tx.teamInvite.updateMany({
        where: { id: invite.id, revokedAt: null, expiresAt: { gt: now }, uses: { lt: db.teamInvite.fields.maxUses } },
        data: { uses: { increment: 1 } },
      });
      if (used.count === 0) return { error: "invalid-invite" as const };
      await tx.teamMember.create({ data: { teamId: invite.teamId, userId: user.id } });
      return { teamId: invite.teamId };
    });
  } catch (error) {
    // The same person joining twice at once: the second finds the membership, its use given back.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
      return { teamId: invite.teamId };
    // The team was deleted meanwhile.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2003")
      return { error: "invalid-invite" };
    throw error;
  }
}
