import type { BrowserContext, Page } from "@playwright/test";
import { expect, newAccount, signUp, test } from "./fixtures";

// Runs against the development server started with KIOKU_TEST_CLOCK=1 (the "clock"
// project in playwright.config.ts): a cookie moves that server's clock forward. A
// production build has no such clock (tests/unit/clock.test.ts).
const minute = 60_000;
const day = 24 * 60 * minute;

/** Move the server's clock to `at` and reload the page. */
async function setClock(context: BrowserContext, page: Page, at: number) {
  const offset = Math.max(0, Math.round(at - Date.now()));
  await context.addCookies([{ name: "kioku-test-clock", value: String(offset), url: page.url() }]);
  await page.reload();
}

/**
 * Grade the revealed card Good, and return when FSRS said it would come back: the
 * interval the Good button shows, as the queue gives it (fuzz is off, so it is exact).
 */
async function answerGood(page: Page): Promise<number> {
  const queue = await (await page.request.get("/api/review/queue")).json();
  const due = new Date(queue.cards[0].intervals[3]).getTime();
  const answered = page.waitForResponse(
    (response) => response.url().endsWith("/api/review/answers") && response.request().method() === "POST",
  );
  await page.keyboard.press("3");
  expect((await answered).status()).toBe(200);
  return due;
}

// The development server tells an open page to reload whenever its build moved on since
// the page subscribed to hot reload (Next.js compares the two builds' hashes), which
// can happen over and over while it compiles pages for the first time. This test needs no
// reload it did not ask for: the page's hot-reload socket passes on every message but those.
const typeOf = (message: string) => {
  try {
    return (JSON.parse(message) as { type?: unknown }).type;
  } catch {
    return undefined;
  }
};
test.beforeEach(async ({ page }) => {
  await page.routeWebSocket(/\/_next\/hmr/, (socket) => {
    const server = socket.connectToServer();
    server.onMessage((message) => {
      if (typeof message !== "string" || typeOf(message) !== "reloadPage") socket.send(message);
    });
  });
});

test("cards come back on the days FSRS said", async ({ page, context }) => {
  test.setTimeout(240_000);
  await signUp(page, newAccount("clock"));

  // One new card a day, no fuzz (due dates exactly as the buttons say), and a day that
  // starts twelve hours from now, so moving by whole days never lands near a boundary.
  await page.goto("/settings");
  await page.getByLabel("Time zone").selectOption("UTC");
  await page.getByLabel("New cards per day").fill("1");
  await page.getByLabel("Spread due dates (fuzz)").uncheck();
  await page.getByLabel("The next day starts at (hour)").fill(String((new Date().getUTCHours() + 12) % 24));
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();

  await page.goto("/review");
  const heading = page.getByRole("heading", { level: 1 });
  const progress = page.getByText(/^New \d+ · Learning \d+ · Review \d+$/);
  await expect(progress).toHaveText("New 1 · Learning 0 · Review 0");
  const prompt = (await heading.textContent()) ?? "";

  // Good on a new card: its first learning step, ten minutes, as the button says.
  const start = Date.now();
  await page.keyboard.press("Space");
  await expect(page.getByRole("button", { name: /^Good/ })).toContainText("in 10 minutes");
  const learningDue = await answerGood(page);
  expect(Math.round((learningDue - start) / minute)).toBe(10);
  await expect(page.getByRole("heading", { name: "All done for now" })).toBeVisible();
  await expect(page.getByText(/^The next card in learning is due at/)).toBeVisible();

  // A minute before that it is still waiting; at that time it is back.
  await setClock(context, page, learningDue - minute);
  await expect(page.getByRole("heading", { name: "All done for now" })).toBeVisible();
  await setClock(context, page, learningDue + 5_000);
  await expect(heading).toHaveText(prompt);
  await expect(progress).toHaveText("New 0 · Learning 1 · Review 0");

  // Good again graduates it, due again in whole days.
  await page.keyboard.press("Space");
  const firstDue = await answerGood(page);
  const firstDays = Math.round((firstDue - learningDue) / day);
  expect(firstDays).toBeGreaterThanOrEqual(1);
  await expect(page.getByTestId("next-due")).toBeVisible();

  // No new cards from here on, so only this card can come back.
  await page.goto("/settings");
  await page.getByLabel("New cards per day").fill("0");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();
  await page.goto("/review");

  // The study day before its due date: not yet. Its due date: back, as a review.
  await setClock(context, page, firstDue - day);
  await expect(page.getByRole("heading", { name: "All done for now" })).toBeVisible();
  await setClock(context, page, firstDue);
  await expect(heading).toHaveText(prompt);
  await expect(progress).toHaveText("New 0 · Learning 0 · Review 1");

  // Once more: Good on the review, a longer interval, and the same days around it.
  await page.keyboard.press("Space");
  const secondDue = await answerGood(page);
  expect(secondDue - firstDue).toBeGreaterThan(firstDue - learningDue);
  await setClock(context, page, secondDue - day);
  await expect(page.getByRole("heading", { name: "All done for now" })).toBeVisible();
  await setClock(context, page, secondDue);
  await expect(heading).toHaveText(prompt);
});
