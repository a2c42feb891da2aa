import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import { findSessionUser, isDemoSignIn, openPersonalDemo, signUp } from "@/app/_server/accounts";
import { getDb } from "@/app/_server/db";
import { getSettings } from "@/app/_server/preferences";
import { getProgress } from "@/app/_server/progress";
import { runPrisma } from "@/prisma/commands";
import { demoAccount, demoMode } from "@/prisma/demo-account";
import { createTestDatabase } from "../support/database";
import { createUser } from "../support/users";

const address = () => `2001:db8::${crypto.randomUUID().slice(0, 4)}`;

describe("the demo account", () => {
  it("is shared only off production, unless asked for", () => {
    expect(demoMode({})).toBe("shared");
    expect(demoMode({ NODE_ENV: "production" })).toBe("off");
    expect(demoMode({ NODE_ENV: "production", KIOKU_DEMO: "personal" })).toBe("personal");
    expect(demoMode({ KIOKU_DEMO: "off" })).toBe("off");
  });

  it("is seeded only when shared, and a left-over one is closed when not", async () => {
    const database = await createTestDatabase(inject("serverDatabaseUrl"), "demo");
    const demoHash = async () => {
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      try {
        const { rows } = await client.query(`SELECT "passwordHash" FROM "User" WHERE email = $1`, [demoAccount.email]);
        return rows.length === 0 ? "no account" : rows[0].passwordHash ? "open" : "closed";
      } finally {
        await client.end();
      }
    };
    const seed = (env: Record<string, string>) => runPrisma(["db", "seed"], database.url, { quiet: true, env });
    try {
      await runPrisma(["migrate", "deploy"], database.url, { quiet: true });
      await seed({ NODE_ENV: "production" });
      expect(await demoHash()).toBe("no account");
      await seed({ NODE_ENV: "production", KIOKU_DEMO: "shared" });
      expect(await demoHash()).toBe("open");
      await seed({ NODE_ENV: "production", KIOKU_DEMO: "personal" });
      expect(await demoHash()).toBe("closed");
      await seed({ NODE_ENV: "development" });
      expect(await demoHash()).toBe("open");
    } finally {
      await database.drop();
    }
  });

  it("cannot be signed up for, whatever the password", async () => {
    const before = await getDb().user.count();
    for (const password of [demoAccount.password, "another passphrase"]) {
      expect(await signUp({ name: "Me", email: demoAccount.email, password }, address())).toEqual({
        error: "sign-up-refused",
      });
    }
    expect(await getDb().user.count()).toBe(before);
  });

  it("personal: each sign-in opens a new account of its own, which ends when it expires", async () => {
    expect(isDemoSignIn({ email: demoAccount.email, password: demoAccount.password })).toBe(true);
    expect(isDemoSignIn({ email: demoAccount.email, password: "guess" })).toBe(false);
    const [first, second] = [await openPersonalDemo(address()), await openPersonalDemo(address())];
    if (!("user" in first) || !("user" in second)) throw new Error("no demo account");
    expect(first.user.id).not.toBe(second.user.id);
    const sessionId = crypto.randomUUID();
    expect(await findSessionUser(first.user.id, 0, sessionId)).toMatchObject({ id: first.user.id });
    await getDb().user.update({ where: { id: first.user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await findSessionUser(first.user.id, 0, sessionId)).toBeNull();
    // The next demo clears expired ones, with everything they did.
    await openPersonalDemo(address());
    expect(await getDb().user.findUnique({ where: { id: first.user.id } })).toBeNull();
  });
});

describe("a time zone the database does not know", () => {
  it("reads as UTC, so the pages that count days still work", async () => {
    const user = await createUser("zone");
    await getDb().userSettings.update({ where: { userId: user.id }, data: { timeZone: "SystemV/AST4" } });
    expect((await getSettings(user)).timeZone).toBe("UTC");
    await expect(getProgress(user, new Date())).resolves.toMatchObject({ today: expect.any(Object) });
  });
});
