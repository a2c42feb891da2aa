import { readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, newAccount, signUp, test } from "./fixtures";

const notesPath = "cards/notes/docker-notes.md";

test("your own notes: preview, accept a fix, edit a card, create, review, upload a new version, keep the history", async ({
  page,
}) => {
  await signUp(page, newAccount("notes"));
  await page.getByRole("link", { name: "Decks" }).click();
  await page.getByRole("link", { name: "New deck from your notes" }).click();
  await page.getByLabel("Deck name").fill("My Docker notes");
  await page.getByLabel("Markdown files (up to 1 MB in all)").setInputFiles(notesPath);
  await page.getByRole("button", { name: "Show the cards" }).click();
  await expect(page.getByRole("heading", { name: /^\d+ cards$/ })).toBeVisible();
  await expect(page.getByRole("heading", { name: /^Lines that make no card \(\d+\)$/ })).toBeVisible();

  // A finding of the check, with its fix accepted: the line is corrected.
  const accept = page.getByRole("button", { name: /^Accept:/ }).first();
  const fix = page.getByRole("button", { name: (await accept.textContent()) ?? "", exact: true });
  const offered = await fix.count();
  await accept.click();
  await expect(fix).toHaveCount(offered - 1);
  await expect(page.getByText(/\(corrected\)/).first()).toBeVisible();
  const serious = (await new AxeBuilder({ page }).analyze()).violations.filter(
    (v) => v.impact === "serious" || v.impact === "critical",
  );
  expect(serious.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

  // One card's answer edited: kept as a correction of its line.
  const firstCard = page
    .getByRole("listitem")
    .filter({ has: page.getByRole("button", { name: "Edit" }) })
    .first();
  await firstCard.getByRole("button", { name: "Edit" }).click();
  const answer = firstCard.getByLabel("Answer");
  await answer.fill(`${await answer.inputValue()}（自分の言葉で）`);
  await firstCard.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText(/（自分の言葉で）$/).first()).toBeVisible();

  await page.getByRole("button", { name: "Create the deck" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("My Docker notes");
  const deckUrl = new URL(page.url()).pathname;
  await expect(page.getByTestId("studied")).toHaveText("You have studied 0 cards of it.");

  // One card reviewed.
  await page.getByRole("link", { name: "Review this deck" }).click();
  await expect(page.getByText(/^New \d+ · Learning \d+ · Review \d+$/)).toBeVisible();
  await expect(page.getByText(/（自分の言葉で）/)).toHaveCount(0);
  await page.keyboard.press("Space");
  await expect(page.getByTestId("answer")).toContainText("（自分の言葉で）");
  // The answer is saved before the page is left.
  const saved = page.waitForResponse((response) => response.url().includes("/api/review/answers") && response.ok());
  await page.keyboard.press("4");
  await saved;
  await page.goto(deckUrl);
  await expect(page.getByTestId("studied")).toHaveText("You have studied 1 card of it.");

  // A new version without the last section: its cards retire, the reviewed one keeps its history.
  const lines = readFileSync(notesPath, "utf8").split("\n");
  const edited = path.join(tmpdir(), `docker-notes-${Date.now()}.md`);
  writeFileSync(
    edited,
    lines
      .slice(
        0,
        lines.findLastIndex((line) => /^# /.test(line)),
      )
      .join("\n"),
  );
  await page.getByLabel("Markdown files (up to 1 MB in all)").setInputFiles(edited);
  await page.getByRole("button", { name: "Show what changes" }).click();
  await expect(page.getByTestId("diff")).toHaveText(/^\d+ kept, \d+ reworded, \d+ new, [1-9]\d* retired, 0 back$/);
  await page.getByRole("button", { name: "Apply the changes" }).click();
  await expect(page.getByText("Applied: your deck now follows these notes.")).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("studied")).toHaveText("You have studied 1 card of it.");

  // In Japanese.
  await page.getByRole("combobox", { name: "Language", exact: true }).selectOption("ja");
  await expect(page.getByRole("link", { name: "このデッキを復習" })).toBeVisible();
  await expect(page.getByTestId("studied")).toHaveText("このうち 1 枚を学習しました。");
});

test("another person's deck is not found", async ({ page, browser }) => {
  await signUp(page, newAccount("notes-owner"));
  await page.goto("/decks/new");
  await page.getByLabel("Deck name").fill("Private notes");
  await page
    .getByLabel("…or paste the notes")
    .fill(
      "# Docker\n\n## 用語\n\n- **コンテナ**：アプリを隔離して動かす仕組み\n- **イメージ**：コンテナの元になるもの\n",
    );
  await page.getByRole("button", { name: "Show the cards" }).click();
  await page.getByRole("button", { name: "Create the deck" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Private notes");
  const deckUrl = new URL(page.url()).pathname;
  const other = await browser.newPage();
  await signUp(other, newAccount("notes-other"));
  expect((await other.goto(deckUrl))?.status()).toBe(404);
  expect((await other.goto(`${deckUrl}/review`))?.status()).toBe(404);
  expect((await other.request.get(`/api/decks${deckUrl.replace("/decks", "")}/export`)).status()).toBe(404);
  // A name no deck can have is not found either, never a server error.
  expect((await other.goto("/decks/%00x"))?.status()).toBe(404);
  expect((await other.request.get("/api/decks/%00x/export")).status()).toBe(404);
  await other.close();
});

test("a large preview shows its cards and findings a page at a time, every one reachable", async ({ page }) => {
  await signUp(page, newAccount("notes-large"));
  await page.goto("/decks/new");
  await page.getByLabel("Deck name").fill("Large notes");
  const notes = readFileSync(notesPath, "utf8");
  const large = [1, 2, 3, 4, 5, 6].map((part) => notes.replace(/^(#+) (.*)$/gm, `$1 $2 ${part}`)).join("\n\n");
  const file = path.join(tmpdir(), `large-notes-${Date.now()}.md`);
  writeFileSync(file, large);
  await page.getByLabel("Markdown files (up to 1 MB in all)").setInputFiles(file);
  await page.getByRole("button", { name: "Show the cards" }).click();
  const total = Number((await page.getByRole("heading", { name: /^\d+ cards$/ }).textContent())?.split(" ")[0]);
  expect(total).toBeGreaterThan(200);
  const cards = page.getByRole("region", { name: "Cards", exact: true }).getByRole("listitem");
  await expect(cards).toHaveCount(200);
  for (let shown = 200; shown < total; shown += 200) {
    await page
      .getByRole("button", { name: `Show ${Math.min(200, total - shown)} more` })
      .first()
      .click();
    await expect(cards).toHaveCount(Math.min(total, shown + 200));
  }
  // Every card shown; the findings (fewer than a page here) need no button.
  await expect(page.getByRole("button", { name: /^Show \d+ more$/ })).toHaveCount(0);
});
