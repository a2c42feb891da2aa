// Child process for the durability tests: opens the embedded database in a folder,
// commits one row, says so, then waits: SIGTERM stops it cleanly, SIGKILL crashes it.
import pg from "pg";
import { startEmbeddedPostgres } from "@/prisma/embedded";

const [dataDir, value] = process.argv.slice(2);
if (!dataDir || !value) throw new Error("usage: embedded-writer <dataDir> <value>");

const embedded = await startEmbeddedPostgres({ dataDir, lock: true });
const client = new pg.Client({ connectionString: embedded.url });
await client.connect();
await client.query("CREATE TABLE IF NOT EXISTS note (value text NOT NULL)");
await client.query("INSERT INTO note (value) VALUES ($1)", [value]);
await client.end();
process.stdout.write("committed\n");
const keepAlive = setInterval(() => {}, 60_000);
process.on("SIGTERM", async () => {
  clearInterval(keepAlive);
  await embedded.stop();
  process.exit(0);
});
