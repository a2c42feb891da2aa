/**
 * `npm test`: lint, types, unit, integration and end-to-end tests, stopping at the
 * first failure. With DATABASE_URL set, every database the tests use is created on
 * that server and dropped afterwards; without it, each is an embedded PGlite.
 */
import path from "node:path";
import { CommandError, runNode } from "@/prisma/commands";
import { findChromium, NoBrowserError } from "./support/browser";
import { createTestDatabase } from "./support/database";

const root = path.resolve(import.meta.dirname, "..");
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);
const serverUrl = process.env.DATABASE_URL;

type Step = { name: string; run: () => Promise<unknown> };

async function endToEnd(): Promise<void> {
  const browser = await findChromium(root).catch((error) => {
    if (!(error instanceof NoBrowserError)) throw error;
    console.error(error.message);
    throw new CommandError("find a browser", 1);
  });
  console.log(`browser: ${browser}`);
  const database = serverUrl ? await createTestDatabase(serverUrl, "e2e") : undefined;
  try {
    const env = { ...process.env, CHROMIUM_PATH: browser, ...(database ? { E2E_DATABASE_URL: database.url } : {}) };
    await runNode(bin("playwright"), ["test"], env);
  } finally {
    await database?.drop();
  }
}

const steps: Step[] = [
  { name: "lint (biome)", run: () => runNode(bin("biome"), ["check", "."], process.env) },
  { name: "types (tsc)", run: () => runNode(bin("tsc"), ["--noEmit"], process.env) },
  { name: "unit tests", run: () => runNode(bin("vitest"), ["run", "--project", "unit"], process.env) },
  { name: "integration tests", run: () => runNode(bin("vitest"), ["run", "--project", "integration"], process.env) },
  { name: "end-to-end tests", run: endToEnd },
];

console.log(`database: ${serverUrl ? `PostgreSQL at ${new URL(serverUrl).host}` : "embedded PGlite"}`);
const startedAt = performance.now();
for (const step of steps) {
  const stepStartedAt = performance.now();
  console.log(`\n━━ ${step.name}`);
  try {
    await step.run();
  } catch (error) {
    if (!(error instanceof CommandError)) throw error;
    console.error(`\n✗ ${step.name} failed`);
    process.exit(1);
  }
  console.log(`✓ ${step.name} (${((performance.now() - stepStartedAt) / 1000).toFixed(1)} s)`);
}
console.log(`\nall checks passed in ${((performance.now() - startedAt) / 1000).toFixed(0)} s`);
