import { z } from "zod";
import { hasControlCharacters, plainText } from "./text";

/** Password length bounds, in characters (code points) after NFKC normalization. */
export const passwordMinLength = 8;
export const passwordMaxLength = 1024;

/** Trimmed, NFKC-normalized (full-width letters typed with an IME become ASCII), lower case. */
export function normalizeEmail(email: string): string {
  return email.normalize("NFKC").trim().toLowerCase();
}

/** NFKC, so the same password typed on another keyboard or IME gives the same hash. No trimming or truncation. */
export function normalizePassword(password: string): string {
  return password.normalize("NFKC");
}

const characters = (text: string) => [...text].length;

export const emailSchema = plainText(320)
  .transform(normalizeEmail)
  .pipe(z.email({ error: "invalid-email" }).max(254, { error: "invalid-email" }));

export const newPasswordSchema = z
  .string()
  .max(4 * passwordMaxLength)
  .refine((p) => !hasControlCharacters(p), { error: "control-characters" })
  .transform(normalizePassword)
  .refine((p) => characters(p) >= passwordMinLength, { error: "password-too-short" })
  .refine((p) => characters(p) <= passwordMaxLength, { error: "password-too-long" });

export const displayNameSchema = plainText(400)
  .refine((name) => name.length > 0, { error: "name-required" })
  .transform((name) => name.normalize("NFKC").trim())
  .pipe(z.string().min(1, { error: "name-required" }).max(80, { error: "name-too-long" }));

export const signUpSchema = z.object({
  name: displayNameSchema,
  email: emailSchema,
  password: newPasswordSchema,
  timeZone: plainText(64).optional(),
});
export type SignUpInput = z.infer<typeof signUpSchema>;

export const signInSchema = z.object({
  email: emailSchema,
  // Any password is checked against the hash (it is never stored, so any character will
  // do, and accounts from before control characters were refused keep working); only
  // absurd sizes are refused outright.
  password: z.string().min(1).max(4096).transform(normalizePassword),
});
export type SignInInput = z.infer<typeof signInSchema>;

// Any origin will do: only whether a value stays on it matters.
const ownOrigin = "http://kioku.invalid";

/** A callback URL Auth.js accepts (a path, or an absolute http(s) URL); where it leads is its own check. */
export function isAuthCallbackUrl(value: string): boolean {
  try {
    return /^https?:$/.test(new URL(value, value.startsWith("/") ? ownOrigin : undefined).protocol);
  } catch {
    return false;
  }
}

/**
 * A post-sign-in destination: a path on this site only, never another origin. Parsed as a
 * browser would (tabs and newlines dropped, backslashes as slashes), so `/<TAB>/evil.com`,
 * `/\\evil.com` and `https:evil.com` cannot leave the site; the path comes back re-encoded.
 */
export function safeCallbackPath(value: unknown, fallback = "/home"): string {
  if (typeof value !== "string" || !value.startsWith("/") || hasControlCharacters(value)) return fallback;
  try {
    const url = new URL(value, ownOrigin);
    // A path that normalizes to `//host` (`/.//evil.com`) is another origin to a browser.
    if (url.origin !== ownOrigin || url.pathname.startsWith("//")) return fallback;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return fallback;
  }
}
