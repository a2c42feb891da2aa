import AxeBuilder from "@axe-core/playwright";
import { expect, newAccount, signUp, test } from "./fixtures";

test("set an exam and see the forecast score, its interval and how it is computed, in English and Japanese", async ({
  page,
}) => {
  await signUp(page, newAccount("exam"));
  await page.getByRole("link", { name: "Exam" }).click();
  await expect(page.getByText("No exam set yet.")).toBeVisible();
  // Two weeks from now, in the account's time zone (UTC).
  const examAt = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 16);
  await page.getByLabel(/^Exam date and time/).fill(examAt);
  await page.getByLabel("Minutes a day you will study").fill("20");
  await page.getByRole("button", { name: "Save the exam" }).click();
  await expect(page.getByRole("status")).toHaveText("Saved.");
  const planned = page.getByTestId("planned-score");
  await expect(planned).toContainText(/^If you study as planned: [\d.]+ of \d+/);
  await expect(planned).toContainText(/80% likely between \d+ and \d+$/);
  await expect(page.getByTestId("stop-score")).toContainText(/^If you stop now: [\d.]+ of \d+/);
  // The plan: one row per study day until the exam, none past the 20 minutes.
  const days = page.getByTestId("plan-days").locator("tbody tr");
  await expect(days).toHaveCount(15);
  for (const minutes of await days.locator("td:last-child").allTextContents())
    expect(Number(minutes)).toBeLessThanOrEqual(20);
  await expect(page.getByTestId("pace")).toHaveText(/a review counts 8 s/);
  const serious = (await new AxeBuilder({ page }).analyze()).violations.filter(
    (v) => v.impact === "serious" || v.impact === "critical",
  );
  expect(serious.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

  await page.getByRole("combobox", { name: "Language" }).selectOption("ja");
  await expect(page.getByTestId("planned-score")).toContainText(/^計画どおり勉強した場合：\d+ 問中 [\d.]+ 問/);
  await expect(page.getByTestId("stop-score")).toContainText(/80% の確率で \d+〜\d+ 問$/);
  await expect(page.getByRole("columnheader", { name: "前倒し" })).toBeVisible();
});

test("an exam date in the past is refused", async ({ page }) => {
  await signUp(page, newAccount("exam-past"));
  await page.goto("/exam");
  await page.getByLabel(/^Exam date and time/).fill("2020-01-01T09:00");
  await page.getByRole("button", { name: "Save the exam" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "future" })).toHaveText("The exam must be in the future.");
});
