"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { locales } from "@/app/_lib/locale";
import { isTimeZone } from "@/app/_lib/time-zones";
import { saveLocale, saveSettings } from "@/app/_server/preferences";
import { requireUser } from "@/app/_server/session";

const settingsSchema = z.object({
  locale: z.union([z.enum(locales), z.literal("")]).transform((value) => value || null),
  timeZone: z.string().max(64).refine(isTimeZone, { error: "invalid-time-zone" }),
});

export type SettingsState = { status?: "saved" | "invalid" };

export async function saveSettingsAction(_previous: SettingsState, formData: FormData): Promise<SettingsState> {
  const user = await requireUser();
  const parsed = settingsSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { status: "invalid" };
  const { locale, timeZone } = parsed.data;
  await saveSettings(user, { locale, timeZone });
  if (locale) await saveLocale(locale, user);
  revalidatePath("/", "layout");
  return { status: "saved" };
}
