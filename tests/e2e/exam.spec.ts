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
  await expect(page.getByTestId("expected-score")).toHaveText(/^Expected score: [\d.]+ of \d+$/);
  await expect(page.getByTestId("score-interval")).toHaveText(/^80% likely between \d+ and \d+$/);
  await expect(page.getByText("This is the score if you study no more before the exam.")).toBeVisible();
  const serious = (await new AxeBuilder({ page }).analyze()).violations.filter(
    (v) => v.impact === "serious" || v.impact === "critical",
  );
  expect(serious.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

  await page.getByRole("combobox", { name: "Language" }).selectOption("ja");
  await expect(page.getByTestId("expected-score")).toHaveText(/^予測スコア：\d+ 問中 [\d.]+ 問$/);
  await expect(page.getByTestId("score-interval")).toHaveText(/^80% の確率で \d+〜\d+ 問$/);
});

test("an exam date in the past is refused", async ({ page }) => {
  await signUp(page, newAccount("exam-past"));
  await page.goto("/exam");
  await page.getByLabel(/^Exam date and time/).fill("2020-01-01T09:00");
  await page.getByRole("button", { name: "Save the exam" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "future" })).toHaveText("The exam must be in the future.");
});
