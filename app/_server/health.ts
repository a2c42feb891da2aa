import "server-only";
import { getDb } from "./db";

export type Health = { status: "ok"; databaseMs: number } | { status: "unavailable"; error: string };

/** A database round trip, timed. Public: it reveals nothing about anyone's data. */
export async function checkHealth(now: () => number = () => performance.now()): Promise<Health> {
  const startedAt = now();
  try {
    await getDb().$queryRaw`SELECT 1`;
    return { status: "ok", databaseMs: Math.round(now() - startedAt) };
  } catch {
    return { status: "unavailable", error: "database unreachable" };
  }
}
