import type { TestProject } from "vitest/node";
import { runPrisma } from "@/prisma/commands";
import { createTestDatabase } from "./database";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    serverDatabaseUrl: string | undefined;
  }
}

// One migrated database for the run's data-access tests, dropped at the end.
export default async function setup(project: TestProject) {
  const serverDatabaseUrl = process.env.DATABASE_URL;
  const database = await createTestDatabase(serverDatabaseUrl, "run");
  await runPrisma(["migrate", "deploy"], database.url, { quiet: true });
  project.provide("databaseUrl", database.url);
  project.provide("serverDatabaseUrl", serverDatabaseUrl);
  return database.drop;
}
