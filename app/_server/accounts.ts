import "server-only";
import type { SignInInput, SignUpInput } from "@/app/_lib/credentials";
import { getDecoyHash, hashPassword, isCommonPassword, verifyPassword } from "@/app/_lib/passwords";
import { demoAccount, demoLifetimeDays } from "@/prisma/demo-account";
import { Prisma } from "@/prisma/generated/client";
import { getDb } from "./db";
import { refundSignIn, reserveSignIn, reserveSignUp } from "./sign-in-limits";
import { handOverTeamsOfExpired } from "./teams";
import { resolveTimeZone } from "./time-zones";

const isUuid = (value: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);

/** What a session knows about its user. */
export type SessionUser = { id: string; name: string; email: string; sessionVersion: number };

const sessionUserSelect = { id: true, name: true, email: true, sessionVersion: true } as const;

export type CreateAccountResult = { user: SessionUser } | { error: "email-taken" | "password-common" };

/** A new account with its settings, in one transaction. */
export async function createAccount(input: SignUpInput): Promise<CreateAccountResult> {
  if (isCommonPassword(input.password)) return { error: "password-common" };
  const passwordHash = await hashPassword(input.password);
  const timeZone = (input.timeZone && (await resolveTimeZone(input.timeZone))) || "UTC";
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
 * not, and takes as long. The attempt is counted before the password is hashed (so a
 * burst of parallel guesses is limited like a sequence) and given back when it succeeds.
 */
export async function verifyCredentials({ email, password }: SignInInput, address: string): Promise<VerifyResult> {
  const keys = { email, address };
  const limited = await reserveSignIn(keys);
  if (limited) return { error: "rate-limited", ...limited };
  const found = await getDb().user.findUnique({
    where: { email },
    select: { ...sessionUserSelect, passwordHash: true },
  });
  const isValid = await verifyPassword(password, found?.passwordHash ?? (await getDecoyHash()));
  if (!found?.passwordHash || !isValid) return { error: "invalid-credentials" };
  await refundSignIn(keys);
  const { passwordHash: _, ...user } = found;
  return { user };
}

export type SignUpResult =
  | { user: SessionUser }
  | { error: "password-common" | "sign-up-refused" }
  | { error: "rate-limited"; retryAfterMs: number };

/**
 * Sign up, limited per address. Whether an email is registered is never said: for a
 * taken email the right password signs the person in (as sign-in would), and any other
 * is a failed sign-in, counted as one.
 */
export async function signUp(input: SignUpInput, address: string): Promise<SignUpResult> {
  if (isCommonPassword(input.password)) return { error: "password-common" };
  const limited = await reserveSignUp(address);
  if (limited) return { error: "rate-limited", ...limited };
  const taken = await getDb().user.findUnique({ where: { email: input.email }, select: { id: true } });
  // The demo account's email is never anyone's own (see prisma/demo-account.ts).
  const created = taken || input.email === demoAccount.email ? null : await createAccount(input);
  if (created && "user" in created) return created;
  const signedIn = await verifyCredentials({ email: input.email, password: input.password }, address);
  return "user" in signedIn || signedIn.error === "rate-limited" ? signedIn : { error: "sign-up-refused" };
}

/** Whether a sign-in uses the demo account's published email and password. */
export const isDemoSignIn = ({ email, password }: SignInInput) =>
  email === demoAccount.email && password === demoAccount.password;

/**
 * A new throwaway demo account for one visitor (KIOKU_DEMO=personal): nobody else can sign
 * in to it, and it is deleted, with everything it did, after demoLifetimeDays. Counted
 * like a sign-up; expired ones are cleared on the way.
 */
export async function openPersonalDemo(
  address: string,
  now = new Date(),
): Promise<{ user: SessionUser } | { error: "rate-limited"; retryAfterMs: number }> {
  const limited = await reserveSignUp(address);
  if (limited) return { error: "rate-limited", ...limited };
  const db = getDb();
  await handOverTeamsOfExpired(now);
  await db.user.deleteMany({ where: { expiresAt: { lt: now } } });
  const user = await db.user.create({
    data: {
      name: demoAccount.name,
      // .invalid: a name that can never be anyone's address.
      email: `demo-${crypto.randomUUID()}@demo.invalid`,
      expiresAt: new Date(now.getTime() + demoLifetimeDays * 86_400_000),
      settings: { create: { timeZone: "Asia/Tokyo" } },
    },
    select: sessionUserSelect,
  });
  return { user };
}

/** What a session token claims: whose session it is, at which version, and its id. */
export type SessionClaims = { userId: string; sessionVersion: number; sessionId: string };

/**
 * SQL that is true while the claimed session is current: its user exists at that session
 * version ("sign out everywhere" raises it) and the session was not revoked ("sign out").
 * A route on the hot path puts it in its own first statement; the rest use findSessionUser.
 */
export function sessionIsCurrent({ userId, sessionVersion, sessionId }: SessionClaims): Prisma.Sql {
  if (!isUuid(userId) || !isUuid(sessionId) || !Number.isInteger(sessionVersion)) return Prisma.sql`false`;
  return Prisma.sql`EXISTS (SELECT 1 FROM "User" WHERE "id" = ${userId}::uuid AND "sessionVersion" = ${sessionVersion}::int
    AND ("expiresAt" IS NULL OR "expiresAt" > now())
    AND NOT EXISTS (SELECT 1 FROM "RevokedSession" WHERE "id" = ${sessionId}::uuid AND "userId" = ${userId}::uuid))`;
}

/** The user behind a session token, or null when the session was ended. */
export async function findSessionUser(
  userId: string,
  sessionVersion: number,
  sessionId: string,
): Promise<SessionUser | null> {
  const claims = { userId, sessionVersion, sessionId };
  if (!isUuid(userId)) return null;
  // One statement: it runs on every signed-in request.
  const [user] = await getDb().$queryRaw<SessionUser[]>`
    SELECT "id", "name", "email", "sessionVersion" FROM "User"
    WHERE "id" = ${userId}::uuid AND ${sessionIsCurrent(claims)}`;
  return user ?? null;
}

/** How long a session lasts without use; each request that uses it extends it. */
export const sessionMaxAgeSeconds = 30 * 24 * 60 * 60;

/**
 * End one session: its token is refused from now on. A copy of the cookie may have been
 * refreshed up to now, so the refusal is kept for a whole session lifetime from now.
 */
export async function revokeSession(userId: string, sessionId: string, now = new Date()): Promise<void> {
  const db = getDb();
  const expiresAt = new Date(now.getTime() + sessionMaxAgeSeconds * 1000);
  await db.$transaction([
    db.revokedSession.upsert({
      where: { id: sessionId },
      create: { id: sessionId, userId, expiresAt },
      update: { expiresAt },
    }),
    // Tokens older than a lifetime are refused anyway: their revocations can go.
    db.revokedSession.deleteMany({ where: { expiresAt: { lt: now } } }),
  ]);
}

/** End every session of the user, on every device. */
export async function endAllSessions(userId: string): Promise<void> {
  await getDb().user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
}

/** What the home page shows about the signed-in user's account. */
export async function getAccountSummary(
  user: Pick<SessionUser, "id">,
): Promise<{ createdAt: Date; expiresAt: Date | null }> {
  return getDb().user.findUniqueOrThrow({ where: { id: user.id }, select: { createdAt: true, expiresAt: true } });
}
