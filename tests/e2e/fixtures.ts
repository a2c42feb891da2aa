import { type Browser, test as base, type Cookie, expect, type Page } from "@playwright/test";

export type Account = { name: string; email: string; password: string };

/** A new account for each test, so tests never share sign-in state or rate limits. */
export function newAccount(label = "user"): Account {
  const id = crypto.randomUUID().slice(0, 8);
  return { name: `Tester ${id}`, email: `${label}-${id}@example.com`, password: `correct horse ${id}` };
}

export async function signUp(page: Page, account: Account): Promise<void> {
  await page.goto("/sign-up");
  await page.getByLabel("Display name").fill(account.name);
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Hello, ${account.name}!`);
}

/** Submit the sign-in form and wait for the server's answer. */
export async function signIn(page: Page, account: Pick<Account, "email" | "password">): Promise<void> {
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  const answered = page.waitForResponse((response) => response.request().method() === "POST");
  await page.getByRole("button", { name: "Sign in" }).click();
  await answered;
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
}

/** A copy of a session's cookies, used in another browser, no longer opens a personal page. */
export async function expectCookiesRefused(browser: Browser, cookies: Cookie[]): Promise<void> {
  const replay = await browser.newContext();
  await replay.addCookies(cookies);
  const replayed = await replay.newPage();
  await replayed.goto("/home");
  await expect(replayed).toHaveURL(/\/sign-in/);
  await replay.close();
}

/**
 * Each test is a client of its own: the server trusts X-Forwarded-For (TRUST_PROXY=1 in
 * playwright.config.ts), so per-address limits count one test's requests, as they would
 * one person's. Fails the test on any Content-Security-Policy violation the page reports.
 */
export const test = base.extend<{ cspViolations: string[] }>({
  extraHTTPHeaders: async ({ extraHTTPHeaders }, use) => {
    // An address from the documentation range (2001:db8::/32), in a /64 of its own (limits
    // count an IPv6 client by its /64): only a label here.
    const hextet = () => crypto.randomUUID().slice(0, 4);
    const address = `2001:db8:${hextet()}:${hextet()}::1`;
    await use({ ...extraHTTPHeaders, "X-Forwarded-For": address });
  },
  cspViolations: [
    async ({ page }, use) => {
      const violations: string[] = [];
      page.on("console", (message) => {
        if (message.type() === "error" && /Content Security Policy/i.test(message.text()))
          violations.push(message.text());
      });
      await use(violations);
      expect(violations).toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
