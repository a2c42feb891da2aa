import "server-only";
import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import { limitKey } from "@/app/_lib/client-address";
import { getDb } from "./db";

// Counted in PostgreSQL so every app instance shares the counts. A window ends on its
// own: there is no permanent lockout. Guessing is limited per (address, account), so a
// classroom behind one address is not locked out by its own typos; the per-address
// ceiling stops one address from spraying passwords over many accounts, and the
// per-account ceiling a guesser with many addresses. That ceiling does not apply from an
// address the account signed in from before (remembered 90 days), so whoever trips it
// cannot lock the owner out of their usual places.
export const signInLimits = {
  perAddressAndAccount: { points: 5, durationSeconds: 15 * 60 },
  perAccount: { points: 100, durationSeconds: 60 * 60 },
  perAddress: { points: 1000, durationSeconds: 60 * 60 },
  // A class of 200 signing up together behind one address gets in within the hour.
  signUpsPerAddress: { points: 200, durationSeconds: 60 * 60 },
  knownAddresses: { points: 1, durationSeconds: 90 * 24 * 60 * 60 },
} as const;

type LimitName = keyof typeof signInLimits;

const limiters = new Map<LimitName, RateLimiterPrisma>();

function getLimiter(name: LimitName): RateLimiterPrisma {
  let limiter = limiters.get(name);
  if (!limiter) {
    limiter = new RateLimiterPrisma({
      storeClient: getDb(),
      tableName: "rateLimit",
      keyPrefix: `sign-in:${name}`,
      points: signInLimits[name].points,
      duration: signInLimits[name].durationSeconds,
      clearExpiredByTimeout: false,
    });
    limiters.set(name, limiter);
  }
  return limiter;
}

type Reservation = { name: LimitName; key: string };

export type SignInKeys = { email: string; address: string };

// JSON keeps the two parts apart whatever characters they hold.
const pairKey = ({ email, address }: SignInKeys) => JSON.stringify([limitKey(address), email]);

const signInReservations = (keys: SignInKeys, isKnownAddress: boolean): Reservation[] => [
  { name: "perAddressAndAccount", key: pairKey(keys) },
  ...(isKnownAddress ? [] : [{ name: "perAccount" as const, key: keys.email }]),
  { name: "perAddress", key: limitKey(keys.address) },
];

const isKnownAddress = async (keys: SignInKeys) => (await getLimiter("knownAddresses").get(pairKey(keys))) !== null;

/**
 * Take one point from each limit at once, before any work is done, so parallel
 * requests cannot all pass a check made before the first is counted (each store update
 * is one atomic increment). Returns null when every limit had room, else the time until
 * the fullest one frees up; a refused attempt gives its points back.
 */
async function reserve(reservations: Reservation[]): Promise<{ retryAfterMs: number } | null> {
  const results = await Promise.allSettled(reservations.map(({ name, key }) => getLimiter(name).consume(key)));
  const refused = results.flatMap((result) =>
    result.status === "rejected" && result.reason instanceof RateLimiterRes ? [result.reason] : [],
  );
  const failed = results.find((result) => result.status === "rejected" && !(result.reason instanceof RateLimiterRes));
  if (failed?.status === "rejected") throw new Error("rate limit store failed", { cause: failed.reason });
  if (refused.length === 0) return null;
  await Promise.all(
    reservations.map(({ name, key }, index) =>
      results[index]?.status === "fulfilled" ? getLimiter(name).reward(key) : undefined,
    ),
  );
  return { retryAfterMs: Math.max(1000, ...refused.map((res) => res.msBeforeNext)) };
}

/** Reserve a sign-in attempt for this account from this address, or say how long to wait. */
export const reserveSignIn = async (keys: SignInKeys) => reserve(signInReservations(keys, await isKnownAddress(keys)));

/**
 * A right password: the reserved attempt is given back, this address's failures for the
 * account are forgotten, and the address is remembered as one the account uses.
 */
export async function refundSignIn(keys: SignInKeys): Promise<void> {
  const known = await isKnownAddress(keys);
  const [pair, ...rest] = signInReservations(keys, known);
  const { durationSeconds } = signInLimits.knownAddresses;
  await Promise.all([
    pair && getLimiter(pair.name).delete(pair.key),
    ...rest.map(({ name, key }) => getLimiter(name).reward(key)),
    getLimiter("knownAddresses").set(pairKey(keys), 1, durationSeconds),
  ]);
}

/** Reserve one account creation from this address (each costs a password hash). */
export const reserveSignUp = (address: string) => reserve([{ name: "signUpsPerAddress", key: limitKey(address) }]);
