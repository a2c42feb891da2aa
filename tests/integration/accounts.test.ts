import { describe, expect, it } from "vitest";
import {
  createAccount,
  endAllSessions,
  findSessionUser,
  revokeSession,
  signUp,
  verifyCredentials,
} from "@/app/_server/accounts";
import { getDb } from "@/app/_server/db";
import { refundSignIn, reserveSignIn, reserveSignUp, signInLimits } from "@/app/_server/sign-in-limits";
import { createUser } from "../support/users";

const address = () => `203.0.113.${Math.floor(Math.random() * 250)}-${crypto.randomUUID().slice(0, 4)}`;

describe("creating an account", () => {
  it("stores a normalized email, a scrypt hash and the settings in one go", async () => {
    const email = `new-${crypto.randomUUID().slice(0, 8)}@example.com`;
    const result = await createAccount({ name: "New", email, password: "a long passphrase", timeZone: "Asia/Tokyo" });
    expect("user" in result).toBe(true);
    const row = await getDb().user.findUniqueOrThrow({ where: { email }, include: { settings: true } });
    expect(row.passwordHash).toMatch(/^scrypt\$131072\$8\$1\$/);
    expect(row.settings?.timeZone).toBe("Asia/Tokyo");
  });

  it("keeps a time zone only if both Intl and the database know it, by its canonical name", async () => {
    const zoneOf = async (timeZone: string) => {
      const email = `tz-${crypto.randomUUID().slice(0, 8)}@example.com`;
      await createAccount({ name: "Zone", email, password: "a long passphrase", timeZone });
      return (await getDb().userSettings.findFirstOrThrow({ where: { user: { email } } })).timeZone;
    };
    expect(await zoneOf("US/Pacific")).toBe("America/Los_Angeles");
    expect(await zoneOf("SystemV/AST4")).toBe("UTC");
  });
});

describe("sign-up never says whether an email is registered", () => {
  it("a taken email with its own password signs in; with another, the answer names no account", async () => {
    const existing = await createUser("taken");
    const from = address();
    const before = await getDb().user.count();
    const input = { name: "X", email: existing.email, timeZone: "UTC" };
    expect(await signUp({ ...input, password: existing.password }, from)).toMatchObject({ user: { id: existing.id } });
    expect(await signUp({ ...input, password: "another passphrase" }, from)).toEqual({ error: "sign-up-refused" });
    expect(await getDb().user.count()).toBe(before);
    const fresh = await signUp({ ...input, email: `fresh-${existing.email}`, password: "another passphrase" }, from);
    expect(fresh).toMatchObject({ user: { email: `fresh-${existing.email}` } });
  });

  it("a wrong password for a taken email counts as a failed sign-in from that address", async () => {
    const existing = await createUser("guessed");
    const from = address();
    const input = { name: "X", email: existing.email, password: "not the password", timeZone: "UTC" };
    for (let attempt = 0; attempt < signInLimits.perAddressAndAccount.points; attempt++) {
      expect(await signUp(input, from)).toEqual({ error: "sign-up-refused" });
    }
    expect(await signUp({ ...input, password: existing.password }, from)).toMatchObject({ error: "rate-limited" });
  });

  it("refuses a common password before hashing anything", async () => {
    expect(await signUp({ name: "X", email: "c@example.com", password: "password1" }, address())).toEqual({
      error: "password-common",
    });
  });

  it("is limited per address, with the time left", async () => {
    const from = address();
    for (let attempt = 0; attempt < signInLimits.signUpsPerAddress.points; attempt++) {
      expect(await reserveSignUp(from)).toBeNull();
    }
    const limited = await signUp(
      { name: "X", email: `late-${crypto.randomUUID()}@example.com`, password: "a long one" },
      from,
    );
    expect(limited).toMatchObject({ error: "rate-limited" });
    expect((limited as { retryAfterMs: number }).retryAfterMs).toBeLessThanOrEqual(
      signInLimits.signUpsPerAddress.durationSeconds * 1000,
    );
    expect(await reserveSignUp(address())).toBeNull();
  });
});

describe("failed sign-ins are limited", () => {
  it("a burst of 50 parallel guesses: 5 are checked, the rest refused as limited", async () => {
    const user = await createUser("burst");
    const from = address();
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => verifyCredentials({ email: user.email, password: `guess ${i}` }, from)),
    );
    const checked = results.filter((r) => "error" in r && r.error === "invalid-credentials");
    expect(checked).toHaveLength(signInLimits.perAddressAndAccount.points);
    expect(results.filter((r) => "error" in r && r.error === "rate-limited")).toHaveLength(45);
    // The right password waits too, from that address.
    expect(await verifyCredentials({ email: user.email, password: user.password }, from)).toMatchObject({
      error: "rate-limited",
    });
  });

  it("per address and account: 5 failures block that pair only, for at most 15 minutes", async () => {
    const user = await createUser("limited");
    const other = await createUser("neighbour");
    const from = address();
    for (let attempt = 0; attempt < signInLimits.perAddressAndAccount.points; attempt++) {
      expect(await verifyCredentials({ email: user.email, password: `wrong ${attempt}` }, from)).toEqual({
        error: "invalid-credentials",
      });
    }
    const blocked = await verifyCredentials({ email: user.email, password: user.password }, from);
    expect(blocked).toMatchObject({ error: "rate-limited" });
    const retryAfterMs = (blocked as { retryAfterMs: number }).retryAfterMs;
    expect(retryAfterMs).toBeGreaterThan(0);
    expect(retryAfterMs).toBeLessThanOrEqual(signInLimits.perAddressAndAccount.durationSeconds * 1000);
    // The account from elsewhere, and another account from the same address, still work.
    expect(await verifyCredentials({ email: user.email, password: user.password }, address())).toMatchObject({
      user: { id: user.id },
    });
    expect(await verifyCredentials({ email: other.email, password: other.password }, from)).toMatchObject({
      user: { id: other.id },
    });
  });

  it("the window ends: once it has passed, the right password works again", async () => {
    const user = await createUser("window");
    const from = address();
    for (let attempt = 0; attempt < signInLimits.perAddressAndAccount.points; attempt++) {
      await verifyCredentials({ email: user.email, password: "wrong" }, from);
    }
    // Move the stored window into the past, as the clock would.
    await getDb().rateLimit.updateMany({
      where: { key: { contains: user.email } },
      data: { expire: new Date(Date.now() - 1000) },
    });
    expect(await verifyCredentials({ email: user.email, password: user.password }, from)).toMatchObject({
      user: { id: user.id },
    });
  });

  it("a success forgets that address's failures for the account", async () => {
    const user = await createUser("recovers");
    const from = address();
    for (let round = 0; round < 2; round++) {
      for (let attempt = 0; attempt < signInLimits.perAddressAndAccount.points - 1; attempt++) {
        await verifyCredentials({ email: user.email, password: "wrong" }, from);
      }
      expect(await verifyCredentials({ email: user.email, password: user.password }, from)).toMatchObject({
        user: { id: user.id },
      });
    }
  });

  // The limits' own bookkeeping, without a password hash per attempt (200 accounts).
  it("a classroom behind one address: 200 people with a few typos each, nobody locked out", async () => {
    const from = address();
    for (let person = 0; person < 200; person++) {
      const keys = { email: `pupil-${person}-${from}@example.com`, address: from };
      for (let typo = 0; typo < 1 + (person % 3); typo++) expect(await reserveSignIn(keys)).toBeNull();
      expect(await reserveSignIn(keys)).toBeNull();
      await refundSignIn(keys);
    }
  });

  it("one address spraying passwords over many accounts reaches a ceiling", async () => {
    const from = address();
    const failures = signInLimits.perAddress.points;
    await getDb().rateLimit.create({
      data: {
        key: `sign-in:perAddress:${from}`,
        points: failures - 1,
        expire: new Date(Date.now() + 60_000),
      },
    });
    expect(await reserveSignIn({ email: "one@example.com", address: from })).toBeNull();
    expect(await reserveSignIn({ email: "two@example.com", address: from })).toMatchObject({
      retryAfterMs: expect.any(Number),
    });
    expect(await reserveSignIn({ email: "two@example.com", address: address() })).toBeNull();
  });

  it("one account guessed from many addresses reaches a ceiling, which spares the owner's own addresses", async () => {
    const user = await createUser("target");
    const home = address();
    expect(await verifyCredentials({ email: user.email, password: user.password }, home)).toMatchObject({
      user: { id: user.id },
    });
    for (let attempt = 0; attempt < signInLimits.perAccount.points; attempt++) {
      expect(await reserveSignIn({ email: user.email, address: address() })).toBeNull();
    }
    expect(await reserveSignIn({ email: user.email, address: address() })).toMatchObject({
      retryAfterMs: expect.any(Number),
    });
    expect(await verifyCredentials({ email: user.email, password: user.password }, home)).toMatchObject({
      user: { id: user.id },
    });
  });

  it("counts an IPv6 client by its /64, so changing the last 64 bits does not reset its count", async () => {
    const user = await createUser("ipv6");
    const prefix = `2001:db8:${crypto.randomUUID().slice(0, 4)}:${crypto.randomUUID().slice(0, 4)}`;
    for (let attempt = 0; attempt < signInLimits.perAddressAndAccount.points; attempt++) {
      expect(await reserveSignIn({ email: user.email, address: `${prefix}::${attempt + 1}` })).toBeNull();
    }
    expect(await reserveSignIn({ email: user.email, address: `${prefix}:aaaa:bbbb:cccc:dddd` })).toMatchObject({
      retryAfterMs: expect.any(Number),
    });
  });
});

describe("sessions end for real", () => {
  it("sign-out revokes that session only", async () => {
    const user = await createUser("session");
    const [first, second] = [crypto.randomUUID(), crypto.randomUUID()];
    expect(await findSessionUser(user.id, 0, first)).toMatchObject({ id: user.id });
    await revokeSession(user.id, first);
    expect(await findSessionUser(user.id, 0, first)).toBeNull();
    expect(await findSessionUser(user.id, 0, second)).toMatchObject({ id: user.id });
  });

  it("a revoked session stays refused for a whole session lifetime after the sign-out", async () => {
    const user = await createUser("lifetime");
    const revoked = crypto.randomUUID();
    const signedOutAt = new Date();
    await revokeSession(user.id, revoked, signedOutAt);
    // Later sign-outs clear old revocations, but not one a refreshed copy could still use.
    const later = (days: number) => new Date(signedOutAt.getTime() + days * 86_400_000);
    await revokeSession(user.id, crypto.randomUUID(), later(29));
    expect(await getDb().revokedSession.findUnique({ where: { id: revoked } })).not.toBeNull();
    expect(await findSessionUser(user.id, 0, revoked)).toBeNull();
    await revokeSession(user.id, crypto.randomUUID(), later(31));
    expect(await getDb().revokedSession.findUnique({ where: { id: revoked } })).toBeNull();
  });

  it("sign out everywhere ends every session issued before it", async () => {
    const user = await createUser("everywhere");
    await endAllSessions(user.id);
    expect(await findSessionUser(user.id, 0, crypto.randomUUID())).toBeNull();
    // A sign-in afterwards carries the new version.
    expect(await findSessionUser(user.id, 1, crypto.randomUUID())).toMatchObject({ id: user.id });
  });

  it("a session of a deleted user is over", async () => {
    const user = await createUser("deleted");
    await getDb().user.delete({ where: { id: user.id } });
    expect(await findSessionUser(user.id, 0, crypto.randomUUID())).toBeNull();
  });
});
