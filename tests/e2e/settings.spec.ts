import AxeBuilder from "@axe-core/playwright";
import { expect, newAccount, signIn, signUp, test } from "./fixtures";

test("language and time zone are saved on the account and follow the user", async ({ page, browser }) => {
  const account = newAccount();
  await signUp(page, account);
  await page.goto("/settings");
  await page.getByLabel("Interface language").selectOption("ja");
  await page.getByLabel("Time zone").selectOption("Asia/Tokyo");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("設定");

  // Another browser, English by default: after sign-in the account's language wins.
  const other = await browser.newContext({ locale: "en-US" });
  const otherPage = await other.newPage();
  await otherPage.goto("/sign-in");
  await signIn(otherPage, account);
  await expect(otherPage.getByRole("heading", { level: 1 })).toHaveText(`こんにちは、${account.name} さん`);
  await otherPage.goto("/settings");
  await expect(otherPage.getByLabel("タイムゾーン")).toHaveValue("Asia/Tokyo");
  await other.close();
});

test("the memory model: fitted on request, declined with too few reviews, in both languages", async ({ page }) => {
  await signUp(page, newAccount("model"));
  await page.goto("/settings");
  const model = page.getByTestId("memory-model");
  await expect(model.getByRole("heading", { name: "Your memory model" })).toBeVisible();
  await expect(page.getByTestId("model-in-use")).toHaveText("In use: FSRS's default parameters.");
  await model.getByRole("button", { name: "Fit to my reviews now" }).click();
  await expect(page.getByTestId("model-latest").getByRole("status")).toHaveText(
    /^Not enough reviews yet: need about 400 more/,
  );
  await expect(model.getByRole("button", { name: "Fit to my reviews now" })).toBeVisible();
  const results = await new AxeBuilder({ page }).include("[data-testid=memory-model]").analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

  await page.getByLabel("Interface language").selectOption("ja");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("設定");
  await expect(page.getByTestId("model-in-use")).toHaveText("使用中：FSRS の既定のパラメータ");
  await expect(page.getByTestId("model-latest").getByRole("status")).toHaveText(
    /^まだ復習が足りません：あと約 400 回必要です/,
  );
});
