import { expect, expectCookiesRefused, newAccount, signIn, signOut, signUp, test } from "./fixtures";

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

  await expectCookiesRefused(browser, copied);
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

  // A taken email is never named: another password creates nothing and says so, the
  // account's own password signs in, as it would on the sign-in page.
  await page.getByLabel("Password").fill("a long and unusual passphrase");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "No account was created" })).toBeVisible();
  await expect(page.getByText(/already exists|taken/i)).toHaveCount(0);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Hello, ${account.name}!`);
});

test("the demo sign-in gives each visitor a throwaway account of their own", async ({ page, browser }) => {
  const demo = { email: "demo@kioku.local", password: "kioku-demo-password" };
  await page.goto("/sign-in");
  await signIn(page, demo);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Hello, Demo!");
  await expect(page.getByRole("note")).toContainText("deleted with its progress on");
  await page.goto("/review");
  await page.getByRole("button", { name: "Show answer" }).click();
  await page.getByRole("button", { name: /^Good/ }).click();
  await page.goto("/settings");
  await page.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(page).toHaveURL(/\/sign-in/);

  // Another visitor: untouched by the first one's review, and still signed in after it
  // signed out "everywhere".
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await otherPage.goto("/sign-in");
  await signIn(otherPage, demo);
  await expect(otherPage.getByRole("heading", { level: 1 })).toHaveText("Hello, Demo!");
  const queue = await (await otherPage.request.get("/api/review/queue")).json();
  expect(queue.left).toMatchObject({ new: 20, learning: 0 });
  await other.close();
});

test("a signed-in visitor sent to a hostile callbackUrl stays on this site", async ({ page }) => {
  await signUp(page, newAccount());
  for (const hostile of [
    "/%09/evil.example",
    "//evil.example",
    "/%5Cevil.example",
    "https:evil.example",
    "/%0A/evil.example",
  ]) {
    const response = await page.request.get(`/sign-in?callbackUrl=${hostile}`, { maxRedirects: 0 });
    expect(response.status(), hostile).toBe(307);
    expect(response.headers().location, hostile).toBe("/home");
  }
});

test("Auth.js's own sign-out endpoint ends the session for good", async ({ page, browser }) => {
  await signUp(page, newAccount());
  const copied = await page.context().cookies();
  const { csrfToken } = await (await page.request.get("/api/auth/csrf")).json();
  const signedOut = await page.request.post("/api/auth/signout", {
    form: { csrfToken, callbackUrl: "/" },
    maxRedirects: 0,
  });
  expect(signedOut.status()).toBeLessThan(400);

  await expectCookiesRefused(browser, copied);
});

test("production responses ask for HTTPS, and API answers carry a policy of their own", async ({ page }) => {
  const response = await page.goto("/sign-in");
  expect(response?.headers()["strict-transport-security"]).toMatch(/max-age=\d{8}/);
  await signUp(page, newAccount());
  const api = await page.request.get("/api/review/queue");
  expect(api.status()).toBe(200);
  expect(api.headers()["content-security-policy"]).toContain("default-src 'none'");
  expect(api.headers()["strict-transport-security"]).toMatch(/max-age=/);
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
