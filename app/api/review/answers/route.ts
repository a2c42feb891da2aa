import { z } from "zod";
import type { GradeValue } from "@/app/_lib/scheduling";
import { json, readJson, withUser } from "@/app/_server/api";
import { getSchedulerSettings, recordAnswer } from "@/app/_server/reviews";

const answerSchema = z.object({
  cardId: z.uuid(),
  grade: z
    .number()
    .int()
    .min(1)
    .max(4)
    .transform((grade) => grade as GradeValue),
  answerId: z.string().min(8).max(64),
  version: z.number().int().min(0),
  durationMs: z.number().int().min(0).max(3_600_000),
});

/**
 * POST /api/review/answers: record one answer. 200 with the card's new due date (also
 * for a replay of the same answerId), 404 for an unknown card, 409 when the card was
 * answered elsewhere since `version`.
 */
export const POST = withUser(async (user, request) => {
  const input = await readJson(request, answerSchema);
  if (input instanceof Response) return input;
  const result = await recordAnswer(user, input, await getSchedulerSettings(user), new Date());
  if ("status" in result) return json(200, result);
  if (result.error === "not-found") return json(404, { error: "not-found", message: "No such card." });
  return json(409, { error: "card-moved-on", message: "This card was answered elsewhere.", version: result.version });
});
