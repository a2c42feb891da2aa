import "server-only";
import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import { getDb } from "./db";

// Failed sign-ins, counted in PostgreSQL so every app instance shares the counts. A
// window ends on its own: there is no permanent lockout.
export const signInLimits = {
  perAccount: { points: 5, durationSeconds: 15 * 60 },
  perAddress: { points: 30, durationSeconds: 15 * 60 },
} as const;

let limiters: { account: RateLimiterPrisma; address: RateLimiterPrisma } | undefined;

function getLimiters() {
  limiters ??= {
    account: new RateLimiterPrisma({
      storeClient: getDb(),
      tableName: "rateLimit",
      keyPrefix: "sign-in:account",
      points: signInLimits.perAccount.points,
      duration: signInLimits.perAccount.durationSeconds,
      clearExpiredByTimeout: false,
    }),
    address: new RateLimiterPrisma({
      storeClient: getDb(),
      tableName: "rateLimit",
      keyPrefix: "sign-in:address",
      points: signInLimits.perAddress.points,
      duration: signInLimits.perAddress.durationSeconds,
      clearExpiredByTimeout: false,
    }),
  };
  return limiters;
}

export type SignInKeys = { email: string; address: string };

/** Milliseconds until sign-in may be tried again for this account or address, or 0. */
export async function getSignInBlockMs({ email, address }: SignInKeys): Promise<number> {
  const { account, address: byAddress } = getLimiters();
  const [a, b] = await Promise.all([account.get(email), byAddress.get(address)]);
  const blocked = [
    a && a.consumedPoints >= signInLimits.perAccount.points ? a.msBeforeNext : 0,
    b && b.consumedPoints >= signInLimits.perAddress.points ? b.msBeforeNext : 0,
  ];
  return Math.max(...blocked);
}

/** Count one failed attempt against the account and the address. */
export async function recordFailedSignIn({ email, address }: SignInKeys): Promise<void> {
  const { account, address: byAddress } = getLimiters();
  // consume() rejects with the counter state once the limit is passed: expected here.
  const ignoreLimit = (error: unknown) => {
    if (!(error instanceof RateLimiterRes)) throw error;
  };
  await Promise.all([account.consume(email).catch(ignoreLimit), byAddress.consume(address).catch(ignoreLimit)]);
}

/** A successful sign-in clears the account's count (not the address's). */
export async function clearFailedSignIns({ email }: Pick<SignInKeys, "email">): Promise<void> {
  await getLimiters().account.delete(email);
}
