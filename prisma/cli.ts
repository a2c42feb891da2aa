/**
 * `npm run prisma -- <command>`: the Prisma CLI against DATABASE_URL or, when it is
 * unset, against the embedded database in DATA_DIR (the app must be stopped: one
 * process owns that folder). `migrate dev` gets a throwaway in-memory shadow database.
 */
import path from "node:path";
import { CommandError, runPrisma } from "./commands.ts";
import { startEmbeddedPostgres } from "./embedded.ts";

const args = process.argv.slice(2);
const external = process.env.DATABASE_URL;
const dataDir = path.resolve(process.env.DATA_DIR ?? ".data", "pglite");

const main = external ? undefined : await startEmbeddedPostgres({ dataDir, lock: true });
const shadow = external ? undefined : await startEmbeddedPostgres({ dataDir: "memory://" });
let exitCode = 0;
try {
  await runPrisma(args, external ?? (main?.url as string), { shadowDatabaseUrl: shadow?.url });
} catch (error) {
  if (!(error instanceof CommandError)) throw error;
  exitCode = error.exitCode ?? 1;
} finally {
  await shadow?.stop();
  await main?.stop();
}
process.exit(exitCode);
