"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { zonedDateTime } from "@/app/_lib/study-day";
import { plainText } from "@/app/_lib/text";
import { now } from "@/app/_server/clock";
import { saveExam } from "@/app/_server/exams";
import { getSettings } from "@/app/_server/preferences";
import { requireUser } from "@/app/_server/session";

const examSchema = z.object({
  deck: plainText(100).pipe(z.string().min(1)),
  sections: z.array(plainText(200)).max(100),
  examAt: plainText(20),
  dailyMinutes: z.coerce.number().int().min(1).max(600),
});

export type ExamState = { status?: "saved" | "invalid" | "past" | "far" | "deck-not-found" };

export async function saveExamAction(_previous: ExamState, formData: FormData): Promise<ExamState> {
  const user = await requireUser();
  const parsed = examSchema.safeParse({
    deck: formData.get("deck") ?? "",
    sections: formData.getAll("section"),
    examAt: formData.get("examAt") ?? "",
    dailyMinutes: formData.get("dailyMinutes") ?? "",
  });
  if (!parsed.success) return { status: "invalid" };
  const { timeZone } = await getSettings(user);
  const examAt = zonedDateTime(parsed.data.examAt, timeZone);
  if (!examAt) return { status: "invalid" };
  const at = await now();
  if (examAt <= at) return { status: "past" };
  // The plan is made day by day until the exam: a year at most.
  if (examAt.getTime() > at.getTime() + 366 * 86_400_000) return { status: "far" };
  const saved = await saveExam(user, { ...parsed.data, examAt });
  if ("error" in saved) return { status: saved.error };
  revalidatePath("/exam");
  return { status: "saved" };
}
