import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

export type EmbeddedPostgres = {
  /** A postgresql:// URL any client (Prisma, pg, the schema engine) can use. */
  url: string;
  stop: () => Promise<void>;
};

export type EmbeddedOptions = {
  /** A folder for the data, or "memory://" for a throwaway database. */
  dataDir: string;
  /** 0 picks a free port. */
  port?: number;
  /** At least the app's pool size plus the migration engine's (pglite-socket defaults to 1). */
  maxConnections?: number;
  /** Refuse to open a folder another live process has open (PGlite does not check). */
  lock?: boolean;
};

export class DataDirInUseError extends Error {}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

// A lock file holding our pid. One left by a killed process (kill -9) is taken over.
async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  const lockPath = `${dataDir}.lock`;
  const holder = Number(await readFile(lockPath, "utf8").catch(() => "0"));
  if (holder && holder !== process.pid && isAlive(holder)) {
    throw new DataDirInUseError(`${dataDir} is in use by process ${holder}; stop it first`);
  }
  await writeFile(lockPath, String(process.pid));
  return () => rm(lockPath, { force: true });
}

// initdb takes seconds; a copy of a fresh cluster loads in about one. Tests start many
// in-memory databases, so the first one's files serve as a template for the rest.
let template: Promise<File | Blob> | undefined;

async function createInMemory(): Promise<PGlite> {
  if (!template) {
    const first = await PGlite.create({ dataDir: "memory://" });
    template = first.dumpDataDir("none");
    await template;
    return first;
  }
  return PGlite.create({ dataDir: "memory://", loadDataDir: await template });
}

/**
 * PostgreSQL compiled to WebAssembly (PGlite), served over the wire protocol on
 * 127.0.0.1. It answers from this process's event loop: never block it with a
 * synchronous child process.
 */
export async function startEmbeddedPostgres({
  dataDir,
  port = 0,
  maxConnections = 32,
  lock = false,
}: EmbeddedOptions): Promise<EmbeddedPostgres> {
  const isMemory = dataDir.startsWith("memory://");
  if (!isMemory) await mkdir(dataDir, { recursive: true });
  const unlock = lock && !isMemory ? await lockDataDir(dataDir) : async () => {};
  const db = isMemory ? await createInMemory() : await PGlite.create({ dataDir });
  const server = new PGLiteSocketServer({ db, port, host: "127.0.0.1", maxConnections });
  await server.start();
  const [, boundPort] = server.getServerConn().split(":");
  let stopped = false;
  return {
    url: `postgresql://postgres:postgres@127.0.0.1:${boundPort}/postgres?sslmode=disable`,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await server.stop();
      // close() runs a clean PostgreSQL shutdown (checkpoint), so the next start needs no recovery.
      await db.close();
      await unlock();
    },
  };
}
