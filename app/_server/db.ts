import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/prisma/generated/client";
import { getEnv } from "./env";

function createClient(): PrismaClient {
  const { DATABASE_URL, DATABASE_POOL_SIZE } = getEnv();
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: DATABASE_URL, max: DATABASE_POOL_SIZE }) });
}

// One client per process; dev reloads modules, so it lives on globalThis.
const globalForDb = globalThis as unknown as { prisma?: PrismaClient };

export function getDb(): PrismaClient {
  globalForDb.prisma ??= createClient();
  return globalForDb.prisma;
}
