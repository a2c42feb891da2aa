"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { locales } from "@/app/_lib/locale";
import { endAllSessions, revokeSession } from "@/app/_server/accounts";
import { signOut } from "@/app/_server/auth";
import { saveLocale } from "@/app/_server/preferences";
import { getCurrentUser, requireUser } from "@/app/_server/session";

const localeSchema = z.enum(locales);

export async function setLocaleAction(locale: unknown): Promise<{ error?: "invalid-locale" }> {
  const parsed = localeSchema.safeParse(locale);
  if (!parsed.success) return { error: "invalid-locale" };
  await saveLocale(parsed.data, await getCurrentUser());
  return {};
}

/**
 * End this session: the cookie is cleared, and a copy of it is refused from now on.
 * Revoked here first, so a failure is an error, not a silent sign-out (Auth.js only logs
 * what its signOut event throws; the event also revokes, for its own endpoint).
 */
export async function signOutAction(): Promise<void> {
  const user = await getCurrentUser();
  if (user) await revokeSession(user.id, user.sessionId);
  await signOut({ redirect: false });
  redirect("/");
}

/** End every session of this account, on every device. */
export async function signOutEverywhereAction(): Promise<void> {
  const user = await requireUser();
  await endAllSessions(user.id);
  await signOut({ redirect: false });
  redirect("/sign-in");
}
