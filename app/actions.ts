"use server";

import { z } from "zod";
import { locales } from "@/app/_lib/locale";
import { saveLocale } from "@/app/_server/preferences";

const localeSchema = z.enum(locales);

export async function setLocaleAction(locale: unknown): Promise<{ error?: "invalid-locale" }> {
  const parsed = localeSchema.safeParse(locale);
  if (!parsed.success) return { error: "invalid-locale" };
  await saveLocale(parsed.data);
  return {};
}
