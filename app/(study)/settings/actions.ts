"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { locales } from "@/app/_lib/locale";
import { plainText } from "@/app/_lib/text";
import { restoreParameters, startFit } from "@/app/_server/memory-model";
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

export type MemoryModelState = { status?: "started" | "running" | "done" | "not-found" | "invalid" };

/** Fit the person's parameters from their reviews, in the background. */
export async function fitMemoryModelAction(_previous: MemoryModelState): Promise<MemoryModelState> {
  const user = await requireUser();
  return { status: startFit(user, "settings") ? "started" : "running" };
}

const versionSchema = z.object({ version: z.union([z.literal("defaults"), z.uuid()]) });

/** Schedule the person with FSRS's defaults again, or with an earlier set of their own. */
export async function restoreParametersAction(
  _previous: MemoryModelState,
  formData: FormData,
): Promise<MemoryModelState> {
  const user = await requireUser();
  const parsed = versionSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { status: "invalid" };
  const { version } = parsed.data;
  const result = await restoreParameters(user, version === "defaults" ? { defaults: true } : { versionId: version });
  if ("error" in result) return { status: result.error };
  revalidatePath("/", "layout");
  return { status: "done" };
}
