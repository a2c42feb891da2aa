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
