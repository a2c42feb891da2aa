import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
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
 * PostgreSQL compiled to WebAssembly (PGlite), served over the wire protocol on a Unix
 * socket in a fresh directory only this OS user may enter (0700): it accepts any password,
 * so it must not listen where another local user could connect. The data folder is 0700
 * too. It answers from this process's event loop: never block it with a synchronous
 * child process.
 */
export async function startEmbeddedPostgres({
  dataDir,
  maxConnections = 32,
  lock = false,
}: EmbeddedOptions): Promise<EmbeddedPostgres> {
  const isMemory = dataDir.startsWith("memory://");
  if (!isMemory) {
    await mkdir(dataDir, { recursive: true, mode: 0o700 });
    await chmod(dataDir, 0o700);
  }
  const unlock = lock && !isMemory ? await lockDataDir(dataDir) : async () => {};
  const db = isMemory ? await createInMemory() : await PGlite.create({ dataDir });
  // mkdtemp makes the directory 0700; the socket's name is the one libpq looks for.
  const socketDir = await mkdtemp(path.join(tmpdir(), "kioku-pg-"));
  const server = new PGLiteSocketServer({ db, path: path.join(socketDir, ".s.PGSQL.5432"), maxConnections });
  await server.start();
  let stopped = false;
  return {
    url: `postgresql://postgres@localhost/postgres?host=${encodeURIComponent(socketDir)}&sslmode=disable`,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await server.stop();
      await rm(socketDir, { recursive: true, force: true });
      // close() runs a clean PostgreSQL shutdown (checkpoint), so the next start needs no recovery.
      await db.close();
      await unlock();
    },
  };
}
