import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, newAccount, signUp, test } from "./fixtures";

/** Answer the question on screen with the keyboard: an option by its number, or typed text (through the IME). */
async function answerWithKeys(page: Page): Promise<void> {
  const options = page.getByRole("radio", { name: /^\d/ });
  const field = page.getByRole("textbox", { name: "Your answer" });
  if ((await field.count()) > 0) {
    const cdp = await page.context().newCDPSession(page);
    // Full-width text, as a Japanese IME commits it: graded as its ASCII form.
    await cdp.send("Input.insertText", { text: "ｄｏｃｋｅｒ　ｐｓ" });
    // In the field, letters are the answer; the up arrow says "sure".
    await page.keyboard.press("ArrowUp");
    await expect(field).toHaveValue("ｄｏｃｋｅｒ　ｐｓ");
  } else {
    await expect(options.first()).toBeVisible();
    await page.keyboard.press("1");
    await page.keyboard.press("s");
  }
  await expect(page.getByRole("radio", { name: /^Sure/ })).toBeChecked();
  await page.keyboard.press("Enter");
}

test("a 10-question mixed test by keyboard: feedback, a reload that resumes, results, a retake of the missed", async ({
  page,
}) => {
  await signUp(page, newAccount("quiz"));
  await page.getByRole("link", { name: "Tests" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Practice test");
  await page.getByRole("button", { name: "Start the test" }).click();

  const progress = page.getByText(/^Question \d+ of 10/);
  for (let n = 1; n <= 10; n++) {
    await expect(progress).toHaveText(new RegExp(`^Question ${n} of 10`));
    await answerWithKeys(page);
    await expect(page.getByRole("status")).toHaveText(/^(Right\.|Wrong\. Right answer:)/);
    if (n === 3) {
      // A reload keeps the answers given and goes on with the next question.
      await page.reload();
      await expect(progress).toHaveText(/^Question 4 of 10/);
      continue;
    }
    await page.keyboard.press("Enter");
  }

  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Results");
  await expect(page.getByTestId("score")).toHaveText(/^\d+ of 10 right$/);
  const missed = await page.getByRole("listitem").filter({ hasText: "Right answer:" }).count();
  const serious = (await new AxeBuilder({ page }).analyze()).violations.filter(
    (v) => v.impact === "serious" || v.impact === "critical",
  );
  expect(serious.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  if (missed > 0) {
    await page.getByRole("button", { name: "Retake the ones I missed" }).click();
    // Every question missed, asked again.
    await expect(page.getByText(new RegExp(`^Question 1 of ${missed}(?!\\d)`))).toBeVisible();
  }
});

test("the test pages speak Japanese, and another user's test is not found", async ({ page, browser }) => {
  await signUp(page, newAccount("quiz-ja"));
  await page.getByRole("combobox", { name: "Language" }).selectOption("ja");
  // The language is saved before the next page is asked for.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^こんにちは/);
  await page.goto("/quiz");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("練習テスト");
  await page.getByRole("button", { name: "テストを始める" }).click();
  await expect(page.getByText(/^10 問中 1 問目/)).toBeVisible();
  const url = page.url();

  const other = await browser.newPage();
  await signUp(other, newAccount("quiz-other"));
  const response = await other.goto(url);
  expect(response?.status()).toBe(404);
  await other.close();
});
