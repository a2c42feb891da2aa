import AxeBuilder from "@axe-core/playwright";
import { expect, newAccount, signUp, test } from "./fixtures";

test("a keyboard-only review: reveal, grade, undo, reload and continue", async ({ page }) => {
  await signUp(page, newAccount("reviewer"));
  await page.goto("/review");
  const progress = page.getByText(/^New \d+ · Learning \d+ · Review \d+$/);
  await expect(progress).toHaveText("New 20 · Learning 0 · Review 0");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("ホスト型仮想化とは？");
  await page.keyboard.press("Space");
  await expect(page.getByText("From cards/notes/docker-notes.md, line 3", { exact: true })).toBeVisible();

  const grades = ["3", "1", "4", "3", "2", "3", "1", "3", "4", "3"];
  for (const grade of grades) {
    const prompt = await page.getByRole("heading", { level: 1 }).textContent();
    await page.keyboard.press("Space");
    await expect(page.getByTestId("answer")).toBeVisible();
    await page.keyboard.press(grade);
    await expect(page.getByRole("heading", { level: 1 })).not.toHaveText(prompt ?? "");
  }
  // Two Agains are in learning, eight cards left the new pile.
  await expect(progress).toHaveText(/^New 10 · Learning [0-2] · Review 0$/);

  const before = await page.getByRole("heading", { level: 1 }).textContent();
  await page.keyboard.press("z");
  await expect(page.getByText("The last answer was undone.")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).not.toHaveText(before ?? "");

  await page.reload();
  await expect(progress).toHaveText(/^New 11 · Learning [0-2] · Review 0$/);
  await page.keyboard.press("Space");
  await page.keyboard.press("3");
  await expect(progress).toHaveText(/^New 10 · /);
});

test("the production server has no test clock, even with KIOKU_TEST_CLOCK set", async ({ page, context }) => {
  await signUp(page, newAccount("no-clock"));
  const week = 7 * 24 * 3_600_000;
  await context.addCookies([{ name: "kioku-test-clock", value: String(week), url: page.url() }]);
  const queue = await (await page.request.get("/api/review/queue")).json();
  expect(Math.abs(new Date(queue.now).getTime() - Date.now())).toBeLessThan(60_000);
});

test("the review page asks visitors to sign in first", async ({ page }) => {
  await page.goto("/review");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Freview$/);
});

test("S suspends and B buries the card on screen; the page has no serious accessibility violation", async ({
  page,
}) => {
  await signUp(page, newAccount("keys"));
  await page.goto("/review");
  const heading = page.getByRole("heading", { level: 1 });
  const first = await heading.textContent();
  await page.keyboard.press("s");
  await expect(page.getByText("The card is suspended.")).toBeVisible();
  await expect(heading).not.toHaveText(first ?? "");
  const second = await heading.textContent();
  await page.keyboard.press("b");
  await expect(page.getByText("The card is buried until tomorrow.")).toBeVisible();
  await expect(heading).not.toHaveText(second ?? "");

  await page.keyboard.press("Space");
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
});

test("keys pressed before the page is interactive are not lost", async ({ page }) => {
  await signUp(page, newAccount("early"));
  // Hold the page's scripts back, so the keys below surely come before hydration.
  let release = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route("**/_next/static/**", async (route) => {
    if (route.request().resourceType() === "script") await held;
    await route.continue();
  });
  // The server's HTML arrives and is shown; the scripts that make it interactive do not.
  await page.goto("/review", { waitUntil: "commit" });
  const progress = page.getByText(/^New \d+ · Learning \d+ · Review \d+$/);
  await expect(progress).toHaveText("New 20 · Learning 0 · Review 0");
  await expect(page.getByRole("button", { name: "Show answer" })).toBeVisible();
  await page.keyboard.press("Space");
  await page.keyboard.press("3");
  release();
  await expect(progress).toHaveText(/^New 19 · /);
});

test("an answer whose response is lost waits in the browser, is sent again, and is saved once", async ({ page }) => {
  await signUp(page, newAccount("offline"));
  await page.goto("/review");
  const progress = page.getByText(/^New \d+ · Learning \d+ · Review \d+$/);
  await expect(progress).toHaveText("New 20 · Learning 0 · Review 0");
  // The answer reaches the server, but its response is lost on the way back.
  let lost = 0;
  await page.route("**/api/review/answers", async (route) => {
    await route.fetch();
    lost++;
    await route.abort("connectionreset");
  });
  const heading = page.getByRole("heading", { level: 1 });
  const first = await heading.textContent();
  await page.keyboard.press("Space");
  await page.keyboard.press("3");
  // The next card is there at once; the answer is said to wait.
  await expect(progress).toHaveText(/^New 19 · /);
  await expect(heading).not.toHaveText(first ?? "");
  await expect(page.getByTestId("waiting")).toContainText("1 answer waiting to be saved.");
  await expect(page.getByTestId("waiting")).toContainText("Offline");
  expect(lost).toBeGreaterThan(0);
  await page.unroute("**/api/review/answers");
  await expect(page.getByTestId("waiting")).toHaveCount(0);
  const csv = await (await page.request.get("/api/progress/reviews.csv")).text();
  expect(csv.trim().split("\n")).toHaveLength(2);
});

test("a multiple-choice card: options picked by their number, a wrong pick said as such", async ({ page }) => {
  await signUp(page, newAccount("chooser"));
  await page.goto("/review");
  const heading = page.getByRole("heading", { level: 1 });
  await expect(heading).toHaveText("ホスト型仮想化とは？");
  await page.keyboard.press("Space");
  await page.keyboard.press("4");
  await expect(heading).toHaveText(
    "「ホスト OS にインストールされゲスト OS を管理する」のは、仮想化の種類のうちどれ？",
  );

  // The options are shuffled: pick a wrong one by its number.
  const options = page.getByRole("button", { name: /型仮想化$/ });
  await expect(options).toHaveCount(3);
  const labels = await options.allTextContents();
  const wrong = labels.findIndex((label) => !label.endsWith("ホスト型仮想化"));
  await page.keyboard.press(String(wrong + 1));
  await expect(page.getByTestId("answer")).toHaveText("ホスト型仮想化");
  // (Beside it, the previous answer may still be said to wait for the server.)
  await expect(page.getByRole("status").filter({ hasText: "Wrong." })).toHaveText(
    `Wrong. You picked: ${labels[wrong]?.slice(1)}`,
  );
  await expect(page.getByRole("button", { name: /^Again/ })).toContainText("Suggested");
  await page.keyboard.press("1");
  await expect(heading).not.toHaveText(/仮想化の種類のうちどれ/);
});
