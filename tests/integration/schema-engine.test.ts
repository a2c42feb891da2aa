import { cp, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterEach, beforeEach, describe, expect, inject, it } from "vitest";
import { CommandError, runPrisma } from "@/prisma/commands";
import { createTestDatabase, type TestDatabase } from "../support/database";

// Every `prisma` command below runs the stock CLI against the project's WebAssembly
// schema engine (prisma/engine), with no engine download.
const serverUrl = inject("serverDatabaseUrl");
const root = path.resolve(import.meta.dirname, "../..");

let db: TestDatabase;
let shadow: TestDatabase | undefined;
beforeEach(async () => {
  db = await createTestDatabase(serverUrl, "engine");
  // Without a server to make throwaway databases on, migrate dev and diff get a second PGlite.
  shadow = serverUrl ? undefined : await createTestDatabase(undefined);
});
afterEach(async () => {
  await db.drop();
  await shadow?.drop();
});

async function query<T>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

const tables = (url: string) =>
  query<{ table_name: string }>(
    url,
    "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name",
  ).then((rows) => rows.map((row) => row.table_name));

const prisma = (args: string[], url = db.url) => runPrisma(args, url, { quiet: true, shadowDatabaseUrl: shadow?.url });

const committedMigrations = async () =>
  (await readdir(path.join(root, "prisma/migrations"), { withFileTypes: true })).filter((e) => e.isDirectory()).length;

describe("prisma migrate with the WebAssembly schema engine", () => {
  it("deploy applies every committed migration, and status then has nothing pending", async () => {
    await prisma(["migrate", "deploy"]);
    expect(await tables(db.url)).toEqual(expect.arrayContaining(["User", "UserSettings", "_prisma_migrations"]));
    const applied = await query<{ n: number }>(
      db.url,
      'SELECT count(*)::int AS n FROM "_prisma_migrations" WHERE finished_at IS NOT NULL',
    );
    expect(applied[0]?.n).toBe(await committedMigrations());
    expect(await prisma(["migrate", "status"])).toContain("Database schema is up to date");
  });

  it("status reports pending migrations on an empty database", async () => {
    const error = await prisma(["migrate", "status"]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CommandError);
    expect((error as CommandError).output).toContain("have not yet been applied");
  });

  it("diff finds no drift between schema.prisma and the committed migrations", async () => {
    const output = await prisma([
      "migrate",
      "diff",
      "--from-migrations",
      "prisma/migrations",
      "--to-schema",
      "prisma/schema.prisma",
      "--exit-code",
    ]);
    expect(output).toContain("No difference detected");
  });

  it("diff prints the SQL that creates the schema from nothing", async () => {
    const output = await prisma(["migrate", "diff", "--from-empty", "--to-schema", "prisma/schema.prisma", "--script"]);
    expect(output).toContain('CREATE TABLE "User"');
    expect(output).toContain('CREATE UNIQUE INDEX "User_email_key"');
  });

  it("dev turns a schema change into a new migration and applies it", async () => {
    const workspace = await mkdtemp(path.join(tmpdir(), "kioku-migrate-dev-"));
    try {
      await cp(path.join(root, "prisma/migrations"), path.join(workspace, "migrations"), { recursive: true });
      const schema = await readFile(path.join(root, "prisma/schema.prisma"), "utf8");
      const changed = `${schema}\nmodel Note {\n  id   Int    @id @default(autoincrement())\n  body String\n}\n`;
      await writeFile(path.join(workspace, "schema.prisma"), changed);
      await writeFile(
        path.join(workspace, "prisma.config.ts"),
        `export default { schema: "schema.prisma", migrations: { path: "migrations" }, datasource: { url: process.env.DATABASE_URL, shadowDatabaseUrl: process.env.SHADOW_DATABASE_URL } };\n`,
      );
      await prisma(["migrate", "dev", "--name", "add_note", "--config", path.join(workspace, "prisma.config.ts")]);
      const created = (await readdir(path.join(workspace, "migrations"))).filter((name) => name.endsWith("_add_note"));
      expect(created).toHaveLength(1);
      const sql = await readFile(path.join(workspace, "migrations", created[0] as string, "migration.sql"), "utf8");
      expect(sql).toContain('CREATE TABLE "Note"');
      expect(await tables(db.url)).toContain("Note");
    } finally {
      await rm(workspace, { recursive: true, force: true });
    }
  });

  it("reset drops the data and applies the migrations again", async () => {
    await prisma(["migrate", "deploy"]);
    await query(
      db.url,
      `INSERT INTO "User" (id, email, name, "updatedAt") VALUES (gen_random_uuid(), 'a@example.com', 'A', now())`,
    );
    await prisma(["migrate", "reset", "--force"]);
    expect(await query(db.url, 'SELECT * FROM "User"')).toEqual([]);
    expect(await tables(db.url)).toContain("UserSettings");
  });

  it("db seed is idempotent: a second run changes nothing", async () => {
    await prisma(["migrate", "deploy"]);
    const snapshot = () =>
      query(db.url, 'SELECT u.*, s.* FROM "User" u LEFT JOIN "UserSettings" s ON s."userId" = u.id ORDER BY u.email');
    await prisma(["db", "seed"]);
    const first = await snapshot();
    expect(first.length).toBeGreaterThan(0);
    await prisma(["db", "seed"]);
    expect(await snapshot()).toEqual(first);
  });

  it("reports an unreachable server with Prisma's error code", async () => {
    const error = await runPrisma(["migrate", "status"], "postgresql://postgres@127.0.0.1:1/nowhere", {
      quiet: true,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CommandError);
  });
});
