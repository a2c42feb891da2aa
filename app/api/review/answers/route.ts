import { z } from "zod";
import type { GradeValue } from "@/app/_lib/scheduling";
import { plainText } from "@/app/_lib/text";
import { json, readJson, unauthenticated, withSession } from "@/app/_server/api";
import { now } from "@/app/_server/clock";
import { recordAnswer } from "@/app/_server/reviews";

const answerSchema = z.object({
  cardId: z.uuid(),
  grade: z
    .number()
    .int()
    .min(1)
    .max(4)
    .transform((grade) => grade as GradeValue),
  answerId: plainText(64).min(8),
  version: z.number().int().min(0),
  durationMs: z.number().int().min(0).max(3_600_000),
  answeredAgoMs: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
  /** Whose answer it is (the browser keeps each person's apart): another account's is refused. */
  owner: z.uuid().optional(),
});

/**
 * POST /api/review/answers: record one answer (`answeredAgoMs`: given that long before it
 * was sent; `owner`: the account it was given under, 403 when that is not the session's).
 * 200 with the card's new due date (also
 * for a replay of the same answerId), 404 for an unknown card, 409 when the card was
 * answered elsewhere since `version`.
 */
export const POST = withSession(async (session, request) => {
  const input = await readJson(request, answerSchema);
  if (input instanceof Response) return input;
  if (input.owner && input.owner !== session.userId) {
    return json(403, { error: "other-account", message: "This answer was given by another account." });
  }
  // The hot path: the session is checked in the answer's first statement.
  const result = await recordAnswer({ id: session.userId }, input, await now(), session);
  if ("status" in result) return json(200, result);
  if (result.error === "card-moved-on") {
    return json(409, { error: "card-moved-on", message: "This card was answered elsewhere.", version: result.version });
  }
  if (result.error === "unauthenticated") return unauthenticated();
  return json(404, { error: "not-found", message: "No such card." });
});
