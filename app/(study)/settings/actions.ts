"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { locales } from "@/app/_lib/locale";
import { plainText } from "@/app/_lib/text";
import { saveLocale, saveSettings } from "@/app/_server/preferences";
import { requireUser } from "@/app/_server/session";
import { resolveTimeZone } from "@/app/_server/time-zones";

const settingsSchema = z.object({
  locale: z.union([z.enum(locales), z.literal("")]).transform((value) => value || null),
  // Stored by its canonical name, and only if the database knows it too.
  timeZone: plainText(64).transform(async (zone, context) => {
    const resolved = await resolveTimeZone(zone);
    if (!resolved) context.addIssue({ code: "custom", message: "invalid-time-zone" });
    return resolved ?? "UTC";
  }),
  desiredRetention: z.coerce.number().min(0.7).max(0.97),
  // A checkbox: present ("on") when ticked, absent otherwise.
  fuzz: z
    .literal("on")
    .optional()
    .transform((value) => value === "on"),
  newCardsPerDay: z.coerce.number().int().min(0).max(9999),
  maxReviewsPerDay: z.coerce.number().int().min(0).max(99999),
  dayStartHour: z.coerce.number().int().min(0).max(23),
});

export type SettingsState = { status?: "saved" | "invalid" };

export async function saveSettingsAction(_previous: SettingsState, formData: FormData): Promise<SettingsState> {
  const user = await requireUser();
  const parsed = await settingsSchema.safeParseAsync(Object.fromEntries(formData));
  if (!parsed.success) return { status: "invalid" };
  const { locale, ...rest } = parsed.data;
  await saveSettings(user, { locale, ...rest });
  if (locale) await saveLocale(locale, user);
  revalidatePath("/", "layout");
  return { status: "saved" };
}
