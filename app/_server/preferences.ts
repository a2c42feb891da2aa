import "server-only";
import { cookies } from "next/headers";
import { cache } from "react";
import { type Locale, localeCookie } from "@/app/_lib/locale";
import { getDb } from "./db";
import { getEnv } from "./env";
import type { CurrentUser } from "./session";
import { resolveTimeZone } from "./time-zones";

const oneYearSeconds = 60 * 60 * 24 * 365;

export type Settings = {
  locale: Locale | null;
  timeZone: string;
  desiredRetention: number;
  fuzz: boolean;
  newCardsPerDay: number;
  maxReviewsPerDay: number;
  dayStartHour: number;
  /** The person's own FSRS parameters; empty: FSRS's defaults. */
  fsrsWeights: number[];
};

const defaults = {
  timeZone: "UTC",
  desiredRetention: 0.9,
  fuzz: true,
  newCardsPerDay: 20,
  maxReviewsPerDay: 200,
  dayStartHour: 4,
  fsrsWeights: [] as number[],
};

/** The user's settings (defaults when the row is missing). */
export const getSettings = cache(async (user: Pick<CurrentUser, "id">): Promise<Settings> => {
  const row = await getDb().userSettings.findUnique({
    where: { userId: user.id },
    select: {
      locale: true,
      timeZone: true,
      desiredRetention: true,
      fuzz: true,
      newCardsPerDay: true,
      maxReviewsPerDay: true,
      dayStartHour: true,
      fsrsWeights: true,
    },
  });
  // A zone saved before it was checked against the database, or that an upgrade removed,
  // reads as UTC rather than breaking every page that counts days.
  const timeZone = row ? ((await resolveTimeZone(row.timeZone)) ?? "UTC") : defaults.timeZone;
  return { ...defaults, ...row, timeZone, locale: (row?.locale as Locale | null) ?? null };
});

/** Remember the interface language for this browser, and for the account when signed in. */
export async function saveLocale(locale: Locale, user: Pick<CurrentUser, "id"> | null): Promise<void> {
  (await cookies()).set(localeCookie, locale, {
    path: "/",
    maxAge: oneYearSeconds,
    sameSite: "lax",
    httpOnly: true,
    secure: getEnv().NODE_ENV === "production",
  });
  if (user) await saveSettings(user, { locale });
}

export async function saveSettings(user: Pick<CurrentUser, "id">, settings: Partial<Settings>): Promise<void> {
  await getDb().userSettings.upsert({
    where: { userId: user.id },
    create: { userId: user.id, ...settings },
    update: settings,
  });
}
