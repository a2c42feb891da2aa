"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { questionFormats } from "@/app/_lib/practice-test";
import { plainText } from "@/app/_lib/text";
import { now } from "@/app/_server/clock";
import { type AnswerResult, answerTestQuestion, retakeMissed, startPracticeTest } from "@/app/_server/practice-tests";
import { requireUser } from "@/app/_server/session";

// A form's checkboxes: every value of a repeated field.
const startSchema = z.object({
  deck: plainText(100).pipe(z.string().min(1)),
  sections: z.array(plainText(200)).max(100),
  fromWeakest: z.boolean(),
  count: z.coerce.number().int().min(1).max(200),
  formats: z.array(z.enum(questionFormats)).min(1),
  timeLimitMinutes: z.union([z.literal(""), z.coerce.number().int().min(1).max(600)]),
  feedbackEach: z.enum(["each", "end"]),
  countsAsReviews: z.boolean(),
  team: z.union([z.literal(""), z.string().uuid()]),
});

export type StartTestState = { error?: "invalid" | "no-questions" | "deck-not-found" };

export async function startTestAction(_previous: StartTestState, formData: FormData): Promise<StartTestState> {
  const user = await requireUser();
  const parsed = startSchema.safeParse({
    deck: formData.get("deck") ?? "",
    sections: formData.getAll("section"),
    fromWeakest: formData.get("fromWeakest") === "on",
    count: formData.get("count") ?? "",
    formats: formData.getAll("format"),
    timeLimitMinutes: formData.get("timeLimitMinutes") ?? "",
    feedbackEach: formData.get("feedback") ?? "",
    countsAsReviews: formData.get("countsAsReviews") === "on",
    team: formData.get("team") ?? "",
  });
  if (!parsed.success) return { error: "invalid" };
  const { timeLimitMinutes, feedbackEach, sections, team, ...rest } = parsed.data;
  const started = await startPracticeTest(
    user,
    {
      ...rest,
      sections: sections.map((section) => [section]),
      timeLimitSec: timeLimitMinutes === "" ? null : timeLimitMinutes * 60,
      feedbackEach: feedbackEach === "each",
      teamId: team || null,
    },
    await now(),
  );
  if ("error" in started) return { error: started.error };
  redirect(`/quiz/${started.id}`);
}

const answerSchema = z.object({
  testId: z.string().uuid(),
  position: z.number().int().min(0).max(1000),
  answer: plainText(2000),
  confidence: z.enum(["sure", "unsure"]).nullable(),
  durationMs: z.number().int().min(0).max(86_400_000),
});

/** Answer a question of the user's test: graded on the server, once. */
export async function answerQuestionAction(
  input: z.input<typeof answerSchema>,
): Promise<AnswerResult | { error: "invalid" }> {
  const user = await requireUser();
  const parsed = answerSchema.safeParse(input);
  if (!parsed.success) return { error: "invalid" };
  const { testId, position, ...answer } = parsed.data;
  return answerTestQuestion(user, testId, position, answer, await now());
}

/** A new test of the questions missed in one of the user's tests. */
export async function retakeMissedAction(formData: FormData): Promise<void> {
  const user = await requireUser();
  const testId = z.string().uuid().safeParse(formData.get("testId"));
  if (!testId.success) redirect("/quiz");
  const retake = await retakeMissed(user, testId.data, await now());
  redirect(retake && "id" in retake ? `/quiz/${retake.id}` : "/quiz");
}
