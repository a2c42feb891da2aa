import pg from "pg";
import { startEmbeddedPostgres } from "@/prisma/embedded";

export type TestDatabase = { url: string; drop: () => Promise<void> };

/**
 * A new, empty database for one test run or one test: on the PostgreSQL server at
 * serverUrl (the DATABASE_URL the tests were started with), dropped afterwards; or,
 * without one, an in-memory PGlite served from this process.
 */
export async function createTestDatabase(serverUrl: string | undefined, label = "test"): Promise<TestDatabase> {
  if (!serverUrl) {
    const embedded = await startEmbeddedPostgres({ dataDir: "memory://" });
    return { url: embedded.url, drop: embedded.stop };
  }
  const name = `kioku_${label}_${crypto.randomUUID().slice(0, 8)}`;
  await runOn(serverUrl, `CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => runOn(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}

async function runOn(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
