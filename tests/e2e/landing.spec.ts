import { expect, test } from "@playwright/test";

test.describe("landing page", () => {
  test.use({ locale: "en-US" });

  test("says what the app is, in English for an English browser", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Remember what you study, for good");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
  });

  test("switches to Japanese, and the choice sticks after a reload", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("combobox", { name: "Language" }).selectOption("ja");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("学んだことを、ずっと覚えておく");
    await page.reload();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("学んだことを、ずっと覚えておく");
    await expect(page.locator("html")).toHaveAttribute("lang", "ja");
    await page.getByRole("combobox", { name: "言語" }).selectOption("en");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Remember what you study, for good");
  });
});

test.describe("for a Japanese browser", () => {
  test.use({ locale: "ja-JP" });

  test("the landing page is in Japanese by default", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("学んだことを、ずっと覚えておく");
  });
});

test("the health check reports a database round trip", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ status: "ok" });
});
