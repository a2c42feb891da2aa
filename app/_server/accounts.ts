import "server-only";
import type { SignInInput, SignUpInput } from "@/app/_lib/credentials";
import { getDecoyHash, hashPassword, isCommonPassword, verifyPassword } from "@/app/_lib/passwords";
import { isTimeZone } from "@/app/_lib/time-zones";
import { Prisma } from "@/prisma/generated/client";
import { getDb } from "./db";
import { clearFailedSignIns, getSignInBlockMs, recordFailedSignIn } from "./sign-in-limits";

/** What a session knows about its user. */
export type SessionUser = { id: string; name: string; email: string; sessionVersion: number };

const sessionUserSelect = { id: true, name: true, email: true, sessionVersion: true } as const;

export type CreateAccountResult = { user: SessionUser } | { error: "email-taken" | "password-common" };

/** A new account with its settings, in one transaction. */
export async function createAccount(input: SignUpInput): Promise<CreateAccountResult> {
  if (isCommonPassword(input.password)) return { error: "password-common" };
  const passwordHash = await hashPassword(input.password);
  const timeZone = input.timeZone && isTimeZone(input.timeZone) ? input.timeZone : "UTC";
  try {
    const user = await getDb().user.create({
      data: { name: input.name, email: input.email, passwordHash, settings: { create: { timeZone } } },
      select: sessionUserSelect,
    });
    return { user };
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
      return { error: "email-taken" };
    throw error;
  }
}

export type VerifyResult =
  | { user: SessionUser }
  | { error: "invalid-credentials" }
  | { error: "rate-limited"; retryAfterMs: number };

/**
 * Check an email and password. The answer is the same whether the account exists or
 * not, and takes as long; failures count against the account and the client address.
 */
export async function verifyCredentials({ email, password }: SignInInput, address: string): Promise<VerifyResult> {
  const keys = { email, address };
  const blockedMs = await getSignInBlockMs(keys);
  if (blockedMs > 0) return { error: "rate-limited", retryAfterMs: blockedMs };
  const found = await getDb().user.findUnique({
    where: { email },
    select: { ...sessionUserSelect, passwordHash: true },
  });
  const isValid = await verifyPassword(password, found?.passwordHash ?? (await getDecoyHash()));
  if (!found?.passwordHash || !isValid) {
    await recordFailedSignIn(keys);
    return { error: "invalid-credentials" };
  }
  await clearFailedSignIns(keys);
  const { passwordHash: _, ...user } = found;
  return { user };
}

/**
 * The user behind a session token, or null when the session was ended: by "sign out"
 * (its id is revoked) or by "sign out everywhere" (the user's version moved on).
 */
export async function findSessionUser(
  userId: string,
  sessionVersion: number,
  sessionId: string,
): Promise<SessionUser | null> {
  const user = await getDb().user.findUnique({
    where: { id: userId },
    select: { ...sessionUserSelect, revokedSessions: { where: { id: sessionId }, select: { id: true } } },
  });
  if (!user || user.sessionVersion !== sessionVersion || user.revokedSessions.length > 0) return null;
  const { revokedSessions: _, ...sessionUser } = user;
  return sessionUser;
}

/** End one session: its token is refused from now until it would have expired. */
export async function revokeSession(
  userId: string,
  sessionId: string,
  expiresAt: Date,
  now = new Date(),
): Promise<void> {
  const db = getDb();
  await db.$transaction([
    db.revokedSession.upsert({ where: { id: sessionId }, create: { id: sessionId, userId, expiresAt }, update: {} }),
    // Expired tokens are refused anyway: their revocations can go.
    db.revokedSession.deleteMany({ where: { expiresAt: { lt: now } } }),
  ]);
}

/** End every session of the user, on every device. */
export async function endAllSessions(userId: string): Promise<void> {
  await getDb().user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
}

/** What the home page shows about the signed-in user's account. */
export async function getAccountSummary(user: Pick<SessionUser, "id">): Promise<{ createdAt: Date }> {
  return getDb().user.findUniqueOrThrow({ where: { id: user.id }, select: { createdAt: true } });
}
