import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DataDirInUseError, startEmbeddedPostgres } from "@/prisma/embedded";

const writer = path.resolve(import.meta.dirname, "../support/embedded-writer.ts");
let dataDir: string;
let child: ChildProcess | undefined;

beforeEach(async () => {
  dataDir = path.join(await mkdtemp(path.join(tmpdir(), "kioku-embedded-")), "pglite");
});
afterEach(async () => {
  child?.kill("SIGKILL");
  await rm(path.dirname(dataDir), { recursive: true, force: true });
});

/** Start a separate process that commits `value` and keeps the folder open. */
function startWriter(value: string): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const process_ = spawn(process.execPath, ["--import", "tsx", writer, dataDir, value], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    process_.stdout.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("committed")) resolve(process_);
    });
    process_.on("exit", (code) => reject(new Error(`writer exited with ${code}`)));
  });
}

async function readNotes(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<{ value: string }>("SELECT value FROM note ORDER BY value")).rows.map((r) => r.value);
  } finally {
    await client.end();
  }
}

function exited(process_: ChildProcess): Promise<void> {
  return new Promise((resolve) => process_.once("exit", () => resolve()));
}

describe("the embedded PostgreSQL", () => {
  it("keeps committed data after its process is killed with SIGKILL, and opens again", async () => {
    child = await startWriter("before the crash");
    const gone = exited(child);
    child.kill("SIGKILL");
    await gone;

    const db = await startEmbeddedPostgres({ dataDir, lock: true });
    try {
      expect(await readNotes(db.url)).toEqual(["before the crash"]);
    } finally {
      await db.stop();
    }
  });

  it("keeps data across a clean stop and start", async () => {
    child = await startWriter("first run");
    const gone = exited(child);
    child.kill("SIGTERM");
    await gone;
    child = await startWriter("second run");
    child.kill("SIGKILL");

    await exited(child);
    const db = await startEmbeddedPostgres({ dataDir, lock: true });
    try {
      expect(await readNotes(db.url)).toEqual(["first run", "second run"]);
    } finally {
      await db.stop();
    }
  });

  it("refuses a folder that another live process has open", async () => {
    child = await startWriter("owner");
    await expect(startEmbeddedPostgres({ dataDir, lock: true })).rejects.toBeInstanceOf(DataDirInUseError);
  });
});

describe("the embedded PostgreSQL's door", () => {
  it("is a Unix socket in a directory only this OS user may enter, over a data folder of its own", async () => {
    const db = await startEmbeddedPostgres({ dataDir, lock: true });
    try {
      const url = new URL(db.url);
      // No TCP port: nothing listens on the network.
      expect(url.port).toBe("");
      const socketDir = url.searchParams.get("host") ?? "";
      expect(socketDir.startsWith("/")).toBe(true);
      expect((await stat(socketDir)).mode & 0o777).toBe(0o700);
      expect((await stat(path.join(socketDir, ".s.PGSQL.5432"))).isSocket()).toBe(true);
      expect((await stat(dataDir)).mode & 0o777).toBe(0o700);
      const client = new pg.Client({ connectionString: db.url });
      await client.connect();
      expect((await client.query("SELECT 1 AS one")).rows).toEqual([{ one: 1 }]);
      await client.end();
    } finally {
      await db.stop();
    }
  });
});
