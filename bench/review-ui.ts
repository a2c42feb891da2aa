/**
 * `npm run bench:review-ui`: how long a person waits for the next card. The app as
 * `npm start` runs it (on real PostgreSQL: BENCH_DATABASE_URL, else DATABASE_URL, else
 * 127.0.0.1:5432), Chromium (CHROMIUM_PATH, else Debian's), 100 cards graded by key (50
 * each by two new learners) at
 * 0 ms and at 150 ms network latency (Chromium's emulation). Measured in the page: from
 * the grade key's keydown to the first animation frame after the next card is in the
 * page (performance marks). Next to it, in the same run, today's design before this one:
 * the page waited for the answer's response and a fresh queue before it showed the next
 * card (the same requests, made from the page, then a frame).
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { chromium, type Page } from "@playwright/test";
import { createTestDatabase } from "../tests/support/database.ts";
import { setLatency } from "../tests/support/network.ts";

const serverUrl =
  process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
// Graded per design and latency, by two new learners (the shipped deck has fewer than 100
// new cards for one).
const cards = Number(process.env.BENCH_CARDS ?? 100);
const perLearner = Math.ceil(cards / 2);
const latencies = (process.env.BENCH_LATENCIES ?? "0,150").split(",").map(Number);
const port = 3450;
const base = `http://localhost:${port}`;

const database = await createTestDatabase(serverUrl, "benchui");
const startArgs = (JSON.parse(readFileSync("package.json", "utf8")).scripts.start as string).split(" ").slice(1);
const app = spawn(process.execPath, startArgs, {
  env: {
    ...process.env,
    DATABASE_URL: database.url,
    PORT: String(port),
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    KIOKU_DEMO: "off",
    NODE_ENV: "production",
  },
  stdio: ["ignore", "pipe", "inherit"],
});
const executablePath = process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);
const browser = await chromium.launch({ executablePath, args: ["--no-sandbox", "--disable-gpu"] });

try {
  await new Promise<void>((resolve, reject) => {
    app.stdout.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("ready in")) resolve();
    });
    app.on("exit", (code) => reject(new Error(`the app stopped (${code})`)));
  });

  const rows: string[] = [];
  for (const latency of latencies) {
    const now = [
      ...(await measure(await newLearner(), latency, "now")),
      ...(await measure(await newLearner(), latency, "now")),
    ];
    const before = [
      ...(await measure(await newLearner(), latency, "before")),
      ...(await measure(await newLearner(), latency, "before")),
    ];
    rows.push(row(latency, "shown from the page's queue (now)", now));
    rows.push(row(latency, "waiting for the server (before)", before));
  }
  console.log(`\n${cards} cards a run; from grade key to the next card's first frame\n`);
  console.log("| latency | design | p50 | p95 | max |");
  console.log("| --- | --- | --- | --- | --- |");
  for (const line of rows) console.log(line);
} finally {
  await browser.close();
  app.kill("SIGTERM");
  await new Promise((resolve) => app.once("exit", resolve));
  await database.drop();
}

/** A new account that may see `cards` new cards today, on the review page. */
async function newLearner(): Promise<Page> {
  const page = await (await browser.newContext({ locale: "en-US", serviceWorkers: "block" })).newPage();
  const email = `bench-${randomBytes(6).toString("hex")}@example.com`;
  await page.goto(`${base}/sign-up`);
  await page.getByLabel("Display name").fill("Bench");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(`bench ${randomBytes(9).toString("hex")}`);
  await page.getByRole("button", { name: "Create account" }).click();
  await page.getByRole("heading", { name: "Hello, Bench!" }).waitFor();
  await page.goto(`${base}/settings`);
  await page.getByLabel("New cards per day").fill(String(perLearner));
  await page.getByRole("button", { name: "Save" }).click();
  await page.getByText("Saved.").waitFor();
  const queue = await (await page.request.get(`${base}/api/review/queue`)).json();
  if (queue.left.new < perLearner) throw new Error(`only ${queue.left.new} new cards today`);
  await page.goto(`${base}/review`);
  await page.locator('[data-ready="true"]').waitFor();
  return page;
}

async function measure(page: Page, latency: number, design: "now" | "before"): Promise<number[]> {
  await setLatency(page, latency);
  const times =
    design === "now"
      ? await measureNow(page)
      : await page.evaluate(async (count) => {
          // The page before: answer, wait for the response, fetch the queue, then show.
          const times: number[] = [];
          let queue = await (await fetch("/api/review/queue", { cache: "no-store" })).json();
          for (let i = 0; i < count && queue.cards.length > 0; i++) {
            const card = queue.cards[0];
            performance.mark("key");
            await fetch("/api/review/answers", {
              method: "POST",
              headers: { "Content-Type": "application/json" },
              body: JSON.stringify({
                cardId: card.id,
                grade: 3,
                answerId: crypto.randomUUID(),
                version: card.version,
                durationMs: 4000,
              }),
            });
            queue = await (await fetch("/api/review/queue", { cache: "no-store" })).json();
            await new Promise((resolve) => requestAnimationFrame(resolve));
            times.push(performance.measure("wait", "key").duration);
          }
          return times;
        }, perLearner);
  await page.context().close();
  return times;
}

async function measureNow(page: Page): Promise<number[]> {
  await page.evaluate(() => {
    const times: number[] = [];
    (window as unknown as { times: number[] }).times = times;
    let pressed = false;
    addEventListener(
      "keydown",
      (event) => {
        if (event.key !== "3") return;
        performance.mark("key");
        pressed = true;
      },
      true,
    );
    new MutationObserver(() => {
      if (!pressed) return;
      pressed = false;
      requestAnimationFrame(() => times.push(performance.measure("next", "key").duration));
    }).observe(document.querySelector("main") as HTMLElement, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ["data-card"],
    });
  });
  for (let i = 0; i < perLearner; i++) {
    const shown = await page.locator("[data-card]").getAttribute("data-card");
    await page.keyboard.press("Enter");
    await page.keyboard.press("3");
    await page.waitForFunction(
      (before) => document.querySelector("[data-card]")?.getAttribute("data-card") !== before,
      shown,
    );
  }
  await page.waitForFunction((count) => (window as unknown as { times: number[] }).times.length >= count, perLearner);
  return page.evaluate(() => (window as unknown as { times: number[] }).times);
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

function row(latency: number, design: string, times: number[]): string {
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  return `| ${latency} ms | ${design} | ${ms(percentile(times, 50))} | ${ms(percentile(times, 95))} | ${ms(Math.max(...times))} |`;
}
