import { describe, expect, it } from "vitest";
import {
  createAccount,
  endAllSessions,
  findSessionUser,
  revokeSession,
  verifyCredentials,
} from "@/app/_server/accounts";
import { getDb } from "@/app/_server/db";
import { signInLimits } from "@/app/_server/sign-in-limits";
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

  it("refuses a taken email and a common password, writing nothing", async () => {
    const existing = await createUser("taken");
    const before = await getDb().user.count();
    expect(await createAccount({ name: "X", email: existing.email, password: "another passphrase" })).toEqual({
      error: "email-taken",
    });
    expect(await createAccount({ name: "X", email: `c-${existing.email}`, password: "password1" })).toEqual({
      error: "password-common",
    });
    expect(await getDb().user.count()).toBe(before);
  });
});

describe("failed sign-ins are limited", () => {
  it("per account: after 5 failures even the right password waits, for at most 15 minutes", async () => {
    const user = await createUser("limited");
    const from = address();
    for (let attempt = 0; attempt < signInLimits.perAccount.points; attempt++) {
      expect(await verifyCredentials({ email: user.email, password: `wrong ${attempt}` }, from)).toEqual({
        error: "invalid-credentials",
      });
    }
    const blocked = await verifyCredentials({ email: user.email, password: user.password }, address());
    expect(blocked).toMatchObject({ error: "rate-limited" });
    const retryAfterMs = (blocked as { retryAfterMs: number }).retryAfterMs;
    expect(retryAfterMs).toBeGreaterThan(0);
    expect(retryAfterMs).toBeLessThanOrEqual(signInLimits.perAccount.durationSeconds * 1000);
  });

  it("the window ends: once it has passed, the right password works again", async () => {
    const user = await createUser("window");
    for (let attempt = 0; attempt < signInLimits.perAccount.points; attempt++) {
      await verifyCredentials({ email: user.email, password: "wrong" }, address());
    }
    // Move the stored window into the past, as the clock would.
    await getDb().rateLimit.updateMany({
      where: { key: { contains: user.email } },
      data: { expire: new Date(Date.now() - 1000) },
    });
    expect(await verifyCredentials({ email: user.email, password: user.password }, address())).toMatchObject({
      user: { id: user.id },
    });
  });

  it("per address: 30 failures across accounts block that address, even for an unknown email", async () => {
    const from = address();
    for (let attempt = 0; attempt < signInLimits.perAddress.points; attempt++) {
      await verifyCredentials({ email: `nobody-${attempt}-${from}@example.com`, password: "wrong" }, from);
    }
    const user = await createUser("other");
    expect(await verifyCredentials({ email: user.email, password: user.password }, from)).toMatchObject({
      error: "rate-limited",
    });
    expect(await verifyCredentials({ email: user.email, password: user.password }, address())).toMatchObject({
      user: { id: user.id },
    });
  });

  it("a success clears the account's count", async () => {
    const user = await createUser("recovers");
    for (let attempt = 0; attempt < signInLimits.perAccount.points - 1; attempt++) {
      await verifyCredentials({ email: user.email, password: "wrong" }, address());
    }
    await verifyCredentials({ email: user.email, password: user.password }, address());
    for (let attempt = 0; attempt < signInLimits.perAccount.points - 1; attempt++) {
      await verifyCredentials({ email: user.email, password: "wrong" }, address());
    }
    expect(await verifyCredentials({ email: user.email, password: user.password }, address())).toMatchObject({
      user: { id: user.id },
    });
  });
});

describe("sessions end for real", () => {
  it("sign-out revokes that session only", async () => {
    const user = await createUser("session");
    const [first, second] = [crypto.randomUUID(), crypto.randomUUID()];
    expect(await findSessionUser(user.id, 0, first)).toMatchObject({ id: user.id });
    await revokeSession(user.id, first, new Date(Date.now() + 60_000));
    expect(await findSessionUser(user.id, 0, first)).toBeNull();
    expect(await findSessionUser(user.id, 0, second)).toMatchObject({ id: user.id });
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
