import { match } from "@formatjs/intl-localematcher";
import Negotiator from "negotiator";

export const locales = ["en", "ja"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "en";

/** The cookie that remembers a visitor's explicit language choice. */
export const localeCookie = "NEXT_LOCALE";

/** Whether a value names one of the interface languages. */
export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}

/** The interface language: an explicit choice first, then the browser's preference, else English. */
export function pickLocale({
  chosen,
  acceptLanguage,
}: {
  chosen?: string | null;
  acceptLanguage?: string | null;
}): Locale {
  if (isLocale(chosen)) return chosen;
  const requested = new Negotiator({ headers: { "accept-language": acceptLanguage ?? "" } }).languages();
  try {
    return match(requested, locales, defaultLocale) as Locale;
  } catch {
    // match() throws on malformed tags (e.g. "*" alone or garbage): fall back.
    return defaultLocale;
  }
}
