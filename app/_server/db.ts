import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/prisma/generated/client";
import { getEnv } from "./env";

// One pool and one client per process; dev reloads modules, so they live on globalThis
// (server.ts ends the pool there when it stops).
// Prisma runs on the pool; the answer's hot path also queries it directly (prepared.ts).
const globalForDb = globalThis as unknown as { prisma?: PrismaClient; pool?: pg.Pool };

export function getPool(): pg.Pool {
  const { DATABASE_URL, DATABASE_POOL_SIZE } = getEnv();
  if (!globalForDb.pool) {
    const pool = new pg.Pool({ connectionString: DATABASE_URL, max: DATABASE_POOL_SIZE });
    // An idle connection that fails (the database restarted) is dropped by the pool; said,
    // never an uncaught error that would stop the server.
    pool.on("error", (error) => console.error(`database: idle connection failed: ${error.message}`));
    globalForDb.pool = pool;
  }
  return globalForDb.pool;
}

export function getDb(): PrismaClient {
  globalForDb.prisma ??= new PrismaClient({ adapter: new PrismaPg(getPool()) });
  return globalForDb.prisma;
}
