import "server-only";
import { canonicalTimeZone, listTimeZones } from "@/app/_lib/time-zones";
import { getDb } from "./db";

// The zones both Intl (the pages) and PostgreSQL (the progress queries) know. The
// database's list is read once per process: it changes only with a server upgrade.
let usable: Promise<Set<string>> | undefined;

function usableZones(): Promise<Set<string>> {
  usable ??= getDb().$queryRaw<{ name: string }[]>`SELECT "name" FROM pg_timezone_names`
    .then((rows) => {
      const known = new Set(rows.map((row) => row.name));
      return new Set(listTimeZones().filter((zone) => known.has(zone)));
    })
    .catch((error) => {
      usable = undefined;
      throw error;
    });
  return usable;
}

/** The canonical name of a time zone the app can use everywhere, or null. */
export async function resolveTimeZone(value: string): Promise<string | null> {
  const canonical = canonicalTimeZone(value);
  return canonical && (await usableZones()).has(canonical) ? canonical : null;
}

/** The time zones to offer in the settings. */
export async function listUsableTimeZones(): Promise<string[]> {
  return [...(await usableZones())];
}
