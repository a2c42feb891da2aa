import { expect, newAccount, signUp, test } from "./fixtures";

type QueueCard = { id: string; kind: string; version: number };

/** Answer cards through the API (Easy: out of today's queue) until a typed card is first. */
async function answerUntilTyped(page: import("@playwright/test").Page): Promise<void> {
  for (let guard = 0; guard < 80; guard++) {
    const queue = await (await page.request.get("/api/review/queue")).json();
    const first = queue.cards[0] as QueueCard;
    if (first.kind === "typed") return;
    const response = await page.request.post("/api/review/answers", {
      data: { cardId: first.id, grade: 4, answerId: crypto.randomUUID(), version: first.version, durationMs: 500 },
      headers: { Origin: new URL(page.url()).origin },
    });
    expect(response.status()).toBe(200);
  }
  throw new Error("no typed card came up");
}

test("a typed command is accepted through its shorthand, typed with a Japanese IME", async ({ page }) => {
  await signUp(page, newAccount("typist"));
  await page.goto("/settings");
  await page.getByLabel("New cards per day").fill("200");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  await answerUntilTyped(page);

  await page.goto("/review");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "docker image pull（イメージが手元にないときだけ）・docker container create・docker container start を一度に実行するコマンドは？",
  );
  // The breadcrumb names the section, not the command (its heading is the answer).
  await expect(page.getByText("基本のコマンド", { exact: true })).toBeVisible();
  await expect(page.getByText(/docker container run/)).toHaveCount(0);
  const field = page.getByLabel("Type the command");
  await expect(field).toBeFocused();

  // Compose full-width text with the IME: Enter while composing must not submit.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Input.imeSetComposition", { text: "ｄｏｃｋｅｒ　ｒｕｎ", selectionStart: 10, selectionEnd: 10 });
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("answer")).toHaveCount(0);
  await cdp.send("Input.insertText", { text: "ｄｏｃｋｅｒ　ｒｕｎ　ｎｇｉｎｘ" });
  await expect(field).toHaveValue("ｄｏｃｋｅｒ　ｒｕｎ　ｎｇｉｎｘ");

  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "Correct." })).toBeVisible();
  // Any image will do where the card has a placeholder; `docker run` is its shorthand.
  await expect(page.getByTestId("answer")).toHaveText("docker container run <image>");
  await expect(page.getByRole("button", { name: /^Good/ })).toContainText("Suggested");
  await page.keyboard.press("3");
  await expect(page.getByRole("heading", { level: 1 })).not.toHaveText(
    "docker image pull（イメージが手元にないときだけ）・docker container create・docker container start を一度に実行するコマンドは？",
  );
});
