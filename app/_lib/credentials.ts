import { z } from "zod";

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

export const emailSchema = z
  .string()
  .max(320)
  .transform(normalizeEmail)
  .pipe(z.email({ error: "invalid-email" }).max(254, { error: "invalid-email" }));

export const newPasswordSchema = z
  .string()
  .transform(normalizePassword)
  .refine((p) => characters(p) >= passwordMinLength, { error: "password-too-short" })
  .refine((p) => characters(p) <= passwordMaxLength, { error: "password-too-long" });

export const displayNameSchema = z
  .string()
  .transform((name) => name.normalize("NFKC").trim())
  .pipe(z.string().min(1, { error: "name-required" }).max(80, { error: "name-too-long" }));

export const signUpSchema = z.object({
  name: displayNameSchema,
  email: emailSchema,
  password: newPasswordSchema,
  timeZone: z.string().max(64).optional(),
});
export type SignUpInput = z.infer<typeof signUpSchema>;

export const signInSchema = z.object({
  email: emailSchema,
  // Any length is checked against the hash; only absurd sizes are refused outright.
  password: z.string().min(1).max(4096).transform(normalizePassword),
});
export type SignInInput = z.infer<typeof signInSchema>;

/** A post-sign-in destination: a path on this site only, never another origin. */
export function safeCallbackPath(value: unknown, fallback = "/home"): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) {
    return fallback;
  }
  return value;
}
