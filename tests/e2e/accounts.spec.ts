import { expect, newAccount, signIn, signOut, signUp, test } from "./fixtures";

test("sign up, sign out, and sign in again", async ({ page }) => {
  const account = newAccount();
  await signUp(page, account);
  const session = (await page.context().cookies()).find((cookie) => cookie.name.endsWith("authjs.session-token"));
  expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax", secure: true });
  await signOut(page);

  await page.getByRole("link", { name: "Sign in" }).click();
  await signIn(page, account);
  await expect(page).toHaveURL(/\/home$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Hello, ${account.name}!`);
});

test("a wrong password and an unknown email get the same message", async ({ page }) => {
  const account = newAccount();
  await signUp(page, account);
  await signOut(page);

  await page.goto("/sign-in");
  // GitHub is not configured in the tests: no button for it.
  await expect(page.getByRole("button", { name: "Sign in with GitHub" })).toHaveCount(0);
  await signIn(page, { email: account.email, password: "not the password" });
  await expect(page.getByRole("alert").filter({ hasText: "Wrong" })).toHaveText("Wrong email or password.");
  await signIn(page, { email: `nobody-${account.email}`, password: account.password });
  await expect(page.getByRole("alert").filter({ hasText: "Wrong" })).toHaveText("Wrong email or password.");
});

test("a personal page sends a visitor to sign in, then back to that page", async ({ page }) => {
  const account = newAccount();
  await signUp(page, account);
  await signOut(page);

  await page.goto("/settings");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fsettings$/);
  await signIn(page, account);
  await expect(page).toHaveURL(/\/settings$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Settings");
});

test("a session cookie copied before sign-out is refused after it", async ({ page, browser }) => {
  await signUp(page, newAccount());
  const copied = await page.context().cookies();
  await signOut(page);

  const replay = await browser.newContext();
  await replay.addCookies(copied);
  const replayed = await replay.newPage();
  await replayed.goto("/home");
  await expect(replayed).toHaveURL(/\/sign-in/);
  await replay.close();
});

test("sign out everywhere ends the sessions of other browsers", async ({ page, browser }) => {
  const account = newAccount();
  await signUp(page, account);

  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await otherPage.goto("/sign-in");
  await signIn(otherPage, account);
  await expect(otherPage.getByRole("heading", { level: 1 })).toHaveText(`Hello, ${account.name}!`);

  await page.goto("/settings");
  await page.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(page).toHaveURL(/\/sign-in/);

  await otherPage.goto("/home");
  await expect(otherPage).toHaveURL(/\/sign-in/);
  await other.close();
});

test("repeated failures lock sign-in for a while, with the time left", async ({ page }) => {
  // Six scrypt verifications on two cores.
  test.setTimeout(90_000);
  const account = newAccount("limited");
  await signUp(page, account);
  await signOut(page);
  await page.goto("/sign-in");
  for (let attempt = 0; attempt < 5; attempt++) {
    await signIn(page, { email: account.email, password: `wrong ${attempt}` });
    await expect(page.getByRole("alert").filter({ hasText: "Wrong" })).toBeVisible();
    // React resets the form once the action is done: type the next attempt after that.
    await expect(page.getByLabel("Password")).toHaveValue("");
  }
  // Even the right password waits until the window ends.
  await signIn(page, account);
  await expect(page.getByRole("alert").filter({ hasText: "Too many" })).toHaveText(
    "Too many attempts. Try again in 15 minutes.",
  );
});

test("sign-up explains what is wrong, field by field", async ({ page }) => {
  const account = newAccount();
  await signUp(page, account);
  await signOut(page);

  await page.goto("/sign-up");
  await page.getByLabel("Display name").fill("Someone");
  await page.getByLabel("Email").fill(account.email.toUpperCase());
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("The password must be at least 8 characters.")).toBeVisible();

  await page.getByLabel("Password").fill("password123");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("This password is one of the most common ones")).toBeVisible();

  await page.getByLabel("Password").fill("a long and unusual passphrase");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("An account with this email already exists.")).toBeVisible();
});

test("the demo account signs in", async ({ page }) => {
  await page.goto("/sign-in");
  await signIn(page, { email: "demo@kioku.local", password: "kioku-demo-password" });
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Hello, Demo!");
});

test("every page carries a Content-Security-Policy and runs under it", async ({ page }) => {
  const response = await page.goto("/sign-in");
  const csp = response?.headers()["content-security-policy"] ?? "";
  expect(csp).toContain("script-src 'self' 'nonce-");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(response?.headers()["x-content-type-options"]).toBe("nosniff");
  expect(response?.headers()["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  // The sign-up form fills in the browser's time zone once React has hydrated: proof
  // that Next's scripts ran under the policy.
  await page.goto("/sign-up");
  await expect(page.locator('input[name="timeZone"]')).toHaveValue(/\w+/);
});

test("a state-changing request from another site is refused", async ({ request }) => {
  const response = await request.post("/sign-in", {
    headers: { Origin: "https://evil.example", "Content-Type": "application/x-www-form-urlencoded" },
    data: "email=a%40b.c&password=x",
  });
  expect(response.status()).toBe(403);
});

test.describe("in Japanese", () => {
  test.use({ locale: "ja-JP" });

  test("sign-in errors are in Japanese", async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByLabel("メールアドレス").fill(`nobody-${crypto.randomUUID()}@example.com`);
    await page.getByLabel("パスワード").fill("not a password");
    await page.getByRole("button", { name: "ログイン" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "違います" })).toHaveText(
      "メールアドレスまたはパスワードが違います。",
    );
  });
});
