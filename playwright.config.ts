import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${port}`;
// The development server with the test clock (tests/e2e/clock.spec.ts), next port up.
const clockURL = `http://localhost:${port + 1}`;

// CHROMIUM_PATH, else the system's Chromium (Debian's package), else Playwright's own.
const executablePath = process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

// `npm test` passes a fresh database; on its own the app gets a fresh embedded one.
const databaseEnv: Record<string, string> = process.env.E2E_DATABASE_URL
  ? { DATABASE_URL: process.env.E2E_DATABASE_URL }
  : { DATA_DIR: "memory://" };

export default defineConfig({
  testDir: "tests/e2e",
  testMatch: "**/*.spec.ts",
  fullyParallel: true,
  forbidOnly: true,
  retries: 0,
  // Sign-up and sign-in hash with scrypt (128 MiB, about half a second each) on two cores.
  expect: { timeout: 15_000 },
  workers: 2,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL,
    locale: "en-US",
    trace: "retain-on-failure",
    // The service worker would answer requests the tests route themselves; the test of
    // offline use turns it on (review-offline.spec.ts).
    serviceWorkers: "block",
    launchOptions: {
      executablePath,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic",
        "--no-first-run",
      ],
    },
  },
  projects: [
    { name: "chromium", testIgnore: "clock.spec.ts", use: { ...devices["Desktop Chrome"] } },
    // The development server compiles each page on its first visit: tens of seconds on two busy cores.
    {
      name: "clock",
      testMatch: "clock.spec.ts",
      expect: { timeout: 60_000 },
      use: { ...devices["Desktop Chrome"], baseURL: clockURL },
    },
  ],
  // Started one after the other: the production build is done before the development
  // server starts compiling.
  webServer: [
    {
      command: "node --import tsx server.ts",
      url: `${baseURL}/api/health`,
      timeout: 300_000,
      reuseExistingServer: false,
      stdout: "pipe",
      gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
      // KIOKU_TEST_CLOCK is set to show that production ignores it (review.spec.ts).
      // KIOKU_DEMO=personal: the demo sign-in as a public server would offer it.
      env: {
        ...databaseEnv,
        PORT: String(port),
        NODE_ENV: "production",
        KIOKU_TEST_CLOCK: "1",
        KIOKU_DEMO: "personal",
      },
    },
    {
      command: "node --import tsx server.ts --dev",
      url: `${clockURL}/api/health`,
      timeout: 300_000,
      reuseExistingServer: false,
      stdout: "pipe",
      gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
      // Its own in-memory database; the test clock exists only outside production.
      env: {
        DATA_DIR: "memory://",
        DATABASE_URL: "",
        PORT: String(port + 1),
        NODE_ENV: "development",
        KIOKU_TEST_CLOCK: "1",
      },
    },
  ],
});
