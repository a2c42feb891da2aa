import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, newAccount, signUp, test } from "./fixtures";

/**
 * Review `count` new cards with the keyboard, each shown for three seconds of the page's
 * clock (answers faster than a person can read earn no points).
 */
async function review(page: Page, count: number) {
  await page.clock.install();
  await page.goto("/review");
  for (let i = 0; i < count; i++) {
    const heading = page.getByRole("heading", { level: 1 });
    const prompt = await heading.textContent();
    await page.clock.fastForward(3000);
    await page.keyboard.press("Space");
    await expect(page.getByTestId("answer")).toBeVisible();
    const saved = page.waitForResponse((response) => response.url().includes("/api/review/answers") && response.ok());
    await page.keyboard.press("3");
    await saved;
    await expect(heading).not.toHaveText(prompt ?? "");
  }
}

const boardNames = (page: Page) => page.getByTestId("board").locator("tbody tr td:nth-child(2)");

test("two people in a team: an invite link, both review, the board ranks them, opting out hides one", async ({
  page,
  browser,
}) => {
  const lead = newAccount("lead");
  await signUp(page, lead);
  await page.getByRole("link", { name: "Teams" }).click();
  await expect(page.getByText(/^You are in no team yet/)).toBeVisible();
  await page.getByLabel("Team name").fill("Docker study group");
  await page.getByRole("button", { name: "Create the team" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Docker study group");
  await page.getByRole("button", { name: "Create an invite link" }).click();
  const link = await page.getByLabel("Invite link").inputValue();
  expect(link).toMatch(/\/teams\/join\/[A-Za-z0-9_-]{22}$/);

  const second = await browser.newPage();
  const member = newAccount("member");
  await signUp(second, member);
  await second.goto(new URL(link).pathname);
  await expect(second.getByText(/^You were invited to Docker study group \(1 member\)/)).toBeVisible();
  await second.getByRole("button", { name: "Join Docker study group" }).click();
  await expect(second.getByRole("heading", { level: 1 })).toHaveText("Docker study group");
  // Not on the board until they choose to be.
  await expect(second.getByText("1 member chose not to be shown")).toBeVisible();
  await second.getByLabel("Show me on this team's boards (name and points)").check();
  await second.getByRole("button", { name: "Save", exact: true }).click();
  // Both on the board, with no points yet: in either order.
  await expect(second.getByText("1 member chose not to be shown")).toHaveCount(0);
  expect((await boardNames(second).allTextContents()).sort()).toEqual([lead.name, member.name].sort());

  // The member reviews more: first on the board.
  const teamUrl = new URL(second.url()).pathname;
  await review(second, 4);
  await review(page, 2);
  await second.goto(teamUrl);
  await expect(boardNames(second)).toHaveText([member.name, lead.name]);
  const points = await second.getByTestId("board").locator("tbody tr td:nth-child(3)").allTextContents();
  expect(Number(points[0]?.replace(/\D/g, ""))).toBeGreaterThan(Number(points[1]?.replace(/\D/g, "")));
  // The lead's page, with its invites, members and lead view: no serious finding.
  await page.goto(teamUrl);
  await expect(boardNames(page)).toHaveText([member.name, lead.name]);
  const serious = (await new AxeBuilder({ page }).analyze()).violations.filter(
    (v) => v.impact === "serious" || v.impact === "critical",
  );
  expect(serious.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

  // Opting out: the member is counted as hidden, never named, on the lead's board.
  await second.getByLabel("Show me on this team's boards (name and points)").uncheck();
  await second.getByRole("button", { name: "Save", exact: true }).click();
  await expect(second.getByText("1 member chose not to be shown")).toBeVisible();
  await page.goto(teamUrl);
  await expect(boardNames(page)).toHaveText([lead.name, "1 member chose not to be shown"]);
  await expect(page.getByTestId("board")).not.toContainText(member.name);

  // In Japanese.
  await page.getByRole("combobox", { name: "Language" }).selectOption("ja");
  await expect(page.getByRole("link", { name: "今週" })).toBeVisible();
  await expect(page.getByText("1 人が非表示を選んでいます")).toBeVisible();
  await second.close();

  // Someone not in the team: its page is not found.
  const stranger = await browser.newPage();
  await signUp(stranger, newAccount("stranger"));
  expect((await stranger.goto(teamUrl))?.status()).toBe(404);
  await stranger.close();
});

test("an invite link that is not one is not found", async ({ page }) => {
  await signUp(page, newAccount("no-invite"));
  const response = await page.goto("/teams/join/AAAAAAAAAAAAAAAAAAAAAA");
  expect(response?.status()).toBe(404);
});
