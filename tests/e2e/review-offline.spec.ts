import type { Page } from "@playwright/test";
import { setLatency } from "../support/network";
import { expect, newAccount, signIn, signOut, signUp, test } from "./fixtures";

// The review page never waits for the server: the next card is shown from what the page
// holds, and answers wait in the browser (IndexedDB) until the server has them.

/** The queue's card ids in order, as the server has it now. */
async function queueIds(page: Page): Promise<string[]> {
  const queue = (await (await page.request.get("/api/review/queue")).json()) as { cards: { id: string }[] };
  return queue.cards.map((card) => card.id);
}

/** The server's review log: card ids in time order. */
async function loggedIds(page: Page): Promise<string[]> {
  const csv = await (await page.request.get("/api/progress/reviews.csv")).text();
  return csv
    .trim()
    .split("\n")
    .slice(1)
    .map((row) => row.split(",")[0] as string);
}

const shown = (page: Page) => page.locator("[data-card]");

/** Show the answer and grade it Good, checking first that the card on screen is `id`. */
async function answer(page: Page, id: string) {
  await expect(shown(page)).toHaveAttribute("data-card", id);
  await page.keyboard.press("Enter");
  await page.keyboard.press("3");
}

async function openReview(page: Page, name: string, account = newAccount(name)): Promise<string[]> {
  await signUp(page, account);
  const ids = await queueIds(page);
  expect(ids.length).toBeGreaterThanOrEqual(20);
  await page.goto("/review");
  await expect(shown(page)).toHaveAttribute("data-ready", "true");
  return ids.slice(0, 20);
}

const waiting = (page: Page) => page.getByTestId("waiting");

test("at 300 ms latency, 20 cards go by as fast as the keys, each the next in the queue, saved once and in order", async ({
  page,
}) => {
  const ids = await openReview(page, "fast");
  await setLatency(page, 300);
  for (const id of ids) await answer(page, id);
  await expect(page.getByRole("heading", { name: "All done for now" })).toBeVisible();
  await expect(waiting(page)).toHaveCount(0);
  expect(await loggedIds(page)).toEqual(ids);
});

test("offline from card 5 to card 15: the session goes on and every answer is saved when the connection is back", async ({
  page,
  context,
}) => {
  const ids = await openReview(page, "train");
  for (const id of ids.slice(0, 5)) await answer(page, id);
  await expect(waiting(page)).toHaveCount(0);
  await context.setOffline(true);
  for (const id of ids.slice(5, 15)) await answer(page, id);
  await expect(waiting(page)).toContainText("10 answers waiting to be saved.");
  await expect(waiting(page)).toContainText("Offline");
  await context.setOffline(false);
  for (const id of ids.slice(15)) await answer(page, id);
  await expect(waiting(page)).toHaveCount(0);
  expect(await loggedIds(page)).toEqual(ids);
});

test("a reload at card 10 loses no answer and doubles none; the next card is the eleventh", async ({
  page,
  context,
}) => {
  const ids = await openReview(page, "reload");
  await context.setOffline(true);
  for (const id of ids.slice(0, 10)) await answer(page, id);
  await expect(waiting(page)).toContainText("10 answers waiting to be saved.");
  // Back online and reloaded at once: what was not sent yet is sent by the new page.
  await context.setOffline(false);
  await page.reload();
  await expect(shown(page)).toHaveAttribute("data-ready", "true");
  // The counts leave out the answers waiting, whether the server has them yet or not.
  await expect(page.getByText(/^New \d+ · Learning \d+ · Review \d+$/)).toHaveText("New 10 · Learning 0 · Review 0");
  for (const id of ids.slice(10)) await answer(page, id);
  await expect(waiting(page)).toHaveCount(0);
  expect(await loggedIds(page)).toEqual(ids);
});

test("undo takes back an answer still waiting, which never reaches the server", async ({ page, context }) => {
  const ids = await openReview(page, "undo-waiting");
  const [first, second] = ids as [string, string];
  await context.setOffline(true);
  await answer(page, first);
  await expect(waiting(page)).toContainText("1 answer waiting to be saved.");
  await page.keyboard.press("z");
  await expect(page.getByText("The last answer was undone.")).toBeVisible();
  await expect(waiting(page)).toHaveCount(0);
  await expect(shown(page)).toHaveAttribute("data-card", first);
  await context.setOffline(false);
  await page.keyboard.press("Enter");
  await page.keyboard.press("1");
  await answer(page, second);
  await expect(waiting(page)).toHaveCount(0);
  expect(await loggedIds(page)).toEqual([first, second]);
  const csv = await (await page.request.get("/api/progress/reviews.csv")).text();
  expect(csv.trim().split("\n")[1]?.split(",")[2]).toBe("1");
});

test("a card answered elsewhere meanwhile is left out with a notice; the session goes on", async ({ page }) => {
  const ids = await openReview(page, "elsewhere");
  const [first, second, third, fourth] = ids as [string, string, string, string];
  // Another device answers the third card while this page holds it.
  const elsewhere = await page.request.post("/api/review/answers", {
    data: { cardId: third, grade: 3, answerId: crypto.randomUUID(), version: 0, durationMs: 5000 },
  });
  expect(elsewhere.status()).toBe(200);
  // The page fetches no fresh queue meanwhile (which would leave that card out before it
  // is reached): it holds the card, answers it, and hears it moved on.
  await page.route("**/api/review/queue**", (route) => route.abort("internetdisconnected"));
  for (const id of [first, second, third]) await answer(page, id);
  await expect(shown(page)).toHaveAttribute("data-card", fourth);
  await expect(
    page.getByText("A card you answered had been answered elsewhere first: that answer was left out."),
  ).toBeVisible();
  await answer(page, fourth);
  await expect(waiting(page)).toHaveCount(0);
  expect(await loggedIds(page)).toEqual([third, first, second, fourth]);
});

test("answers waiting in a shared browser are saved for the person who gave them, never for the next one", async ({
  page,
  context,
}) => {
  const first = newAccount("shared-first");
  const next = newAccount("shared-next");
  const ids = await openReview(page, first.email.split("@")[0] as string, first);
  // No answer reaches the server from this browser for now (any tab).
  await context.route("**/api/review/answers", (route) => route.abort("internetdisconnected"));
  await answer(page, ids[0] as string);
  await answer(page, ids[1] as string);
  await expect(waiting(page)).toContainText("2 answers waiting to be saved.");
  // In another tab, the first person signs out and the next one signs in.
  const other = await context.newPage();
  await other.goto("/home");
  await signOut(other);
  await signUp(other, next);
  // The review tab tries again, now with the next person's cookie: refused, and kept.
  await context.unroute("**/api/review/answers");
  await page.evaluate(() => dispatchEvent(new Event("online")));
  await expect(
    page.getByText("You were signed out: your answers wait in this browser until you sign in again."),
  ).toBeVisible();
  expect(await loggedIds(other)).toEqual([]);
  // The first person signs in again: any page of theirs saves them.
  await signOut(other);
  await other.goto("/sign-in");
  await signIn(other, first);
  await expect(other.getByRole("heading", { level: 1 })).toHaveText(`Hello, ${first.name}!`);
  await expect.poll(() => loggedIds(other)).toEqual(ids.slice(0, 2));
});

test.describe("with the service worker", () => {
  test.use({ serviceWorkers: "allow" });

  test("installable, and the review page opens offline from the service worker; answers given offline are saved later", async ({
    page,
    context,
  }) => {
    const ids = await openReview(page, "installed");
    const manifest = await (await page.request.get("/manifest.webmanifest")).json();
    expect(manifest).toMatchObject({ name: "Kioku", start_url: "/review", display: "standalone" });
    expect(manifest.icons.map((icon: { sizes: string }) => icon.sizes)).toEqual(
      expect.arrayContaining(["192x192", "512x512"]),
    );
    await expect(page.locator('link[rel="manifest"]')).toHaveCount(1);
    // Once the service worker controls the page, the page and its files are kept.
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.reload();
    await expect.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);
    await expect(shown(page)).toHaveAttribute("data-ready", "true");
    await answer(page, ids[0] as string);
    await expect(waiting(page)).toHaveCount(0);

    await context.setOffline(true);
    await page.reload();
    await expect(shown(page)).toHaveAttribute("data-ready", "true");
    // The kept page is from before the first answer: that card is not shown or counted again.
    await expect(shown(page)).toHaveAttribute("data-card", ids[1] as string);
    await expect(page.getByText(/^New \d+ · Learning \d+ · Review \d+$/)).toHaveText("New 19 · Learning 0 · Review 0");
    for (const id of ids.slice(1, 4)) await answer(page, id);
    await expect(waiting(page)).toContainText("3 answers waiting to be saved.");
    await context.setOffline(false);
    await expect(waiting(page)).toHaveCount(0);
    expect(await loggedIds(page)).toEqual(ids.slice(0, 4));
    // Nothing but the review page and the built files is kept.
    const kept = await page.evaluate(async () => {
      const urls: string[] = [];
      for (const name of await caches.keys()) {
        for (const request of await (await caches.open(name)).keys()) urls.push(new URL(request.url).pathname);
      }
      return urls;
    });
    expect(kept.filter((path) => !path.startsWith("/_next/static/"))).toEqual(["/review"]);
  });
});
