import "server-only";
import { cookies } from "next/headers";
import { type Locale, localeCookie } from "@/app/_lib/locale";
import { getEnv } from "./env";

const oneYearSeconds = 60 * 60 * 24 * 365;

/** Remember the interface language for this browser. */
export async function saveLocale(locale: Locale): Promise<void> {
  (await cookies()).set(localeCookie, locale, {
    path: "/",
    maxAge: oneYearSeconds,
    sameSite: "lax",
    httpOnly: true,
    secure: getEnv().NODE_ENV === "production",
  });
}
