import { existsSync } from "node:fs";
import path from "node:path";
import { chromium } from "@playwright/test";
import { runNode } from "@/prisma/commands";

// Where distributions put Chromium (Debian's package, Ubuntu's, Google's build).
const systemChromiums = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome-stable"];

export class NoBrowserError extends Error {}

const playwrightOwn = () => {
  try {
    const own = chromium.executablePath();
    return existsSync(own) ? own : undefined;
  } catch {
    return undefined;
  }
};

/**
 * A Chromium for the end-to-end tests: CHROMIUM_PATH, else the system's, else
 * Playwright's own, downloaded now if it can be; otherwise an error that says how to get one.
 */
export async function findChromium(root: string): Promise<string> {
  const asked = process.env.CHROMIUM_PATH;
  if (asked) {
    if (existsSync(asked)) return asked;
    throw new NoBrowserError(`CHROMIUM_PATH is ${asked}, but there is no file there.`);
  }
  const found = systemChromiums.find((candidate) => existsSync(candidate)) ?? playwrightOwn();
  if (found) return found;
  console.log("No Chromium found: trying to download Playwright's own (npx playwright install chromium)");
  const install = runNode(path.join(root, "node_modules", "@playwright", "test", "cli.js"), ["install", "chromium"], {
    ...process.env,
  });
  const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error("timed out")), 180_000).unref());
  const downloaded = await Promise.race([install, timeout]).then(
    () => playwrightOwn(),
    () => undefined,
  );
  if (downloaded) return downloaded;
  throw new NoBrowserError(
    [
      "The end-to-end tests need Chromium, and none was found or could be downloaded.",
      "Install one, then run npm test again:",
      "  Debian or Ubuntu:  sudo apt-get install chromium",
      "  elsewhere:         npx playwright install chromium",
      "or point CHROMIUM_PATH at a Chromium or Chrome executable.",
    ].join("\n"),
  );
}
