import AxeBuilder from "@axe-core/playwright";
import { expect, newAccount, signUp, test } from "./fixtures";

test("the dashboard changes after a few reviews, and exports them", async ({ page }) => {
  await signUp(page, newAccount("progress"));
  await page.goto("/progress");
  await expect(page.getByTestId("reviewedToday")).toHaveText("0");
  await expect(page.getByTestId("streak")).toHaveText("0 days");

  await page.goto("/review");
  for (const grade of ["3", "4", "1"]) {
    const prompt = await page.getByRole("heading", { level: 1 }).textContent();
    await page.keyboard.press("Space");
    await page.keyboard.press(grade);
    await expect(page.getByRole("heading", { level: 1 })).not.toHaveText(prompt ?? "");
  }
  // Answers are saved in the background: the page says when some still wait.
  await expect(page.getByTestId("waiting")).toHaveCount(0);

  await page.goto("/progress");
  await expect(page.getByTestId("reviewedToday")).toHaveText("3");
  await expect(page.getByTestId("streak")).toHaveText("1 day");
  await expect(page.getByTestId("learning")).toHaveText("2");
  await expect(page.getByTestId("newLeft")).toHaveText("17");
  // The charts drew, each with its text alternative.
  await expect(page.getByRole("img", { name: /Calendar heatmap: 3 reviews on 1 day/ })).toBeVisible();
  await expect(page.getByRole("img", { name: /Bar chart: 3 reviews due in the next 30 days/ })).toBeVisible();
  await expect(page.getByRole("img", { name: /Calendar heatmap/ }).locator("svg")).toBeVisible();
  // The weakest section links to a review of just that section.
  const sectionLink = page.getByTestId("mastery").getByRole("link").first();
  await expect(sectionLink).toHaveAttribute("href", /^\/decks\/docker\/review\?section=/);

  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

  const csv = await (await page.request.get("/api/progress/reviews.csv")).text();
  const lines = csv.trim().split("\n");
  expect(lines[0]).toBe("card_id,review_time,review_rating,review_state,review_duration");
  expect(lines.slice(1).map((line) => line.split(",")[2])).toEqual(["3", "4", "1"]);

  await sectionLink.click();
  await expect(page).toHaveURL(/\/decks\/docker\/review\?section=/);
  await expect(page.getByText(/^New \d+ · Learning \d+ · Review \d+$/)).toBeVisible();
});

test("the dashboard speaks Japanese once the language is switched", async ({ page }) => {
  await signUp(page, newAccount("progress-ja"));
  await page.getByLabel("Language").selectOption("ja");
  await expect(page.getByRole("link", { name: "進捗", exact: true })).toBeVisible();
  await page.goto("/progress");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("進捗");
  await expect(page.getByRole("heading", { name: "セクションごとの習熟度" })).toBeVisible();
  await expect(page.getByRole("img", { name: /カレンダー型ヒートマップ/ })).toBeVisible();
});
