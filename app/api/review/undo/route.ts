import { json, withUser } from "@/app/_server/api";
import { undoLastAnswer } from "@/app/_server/reviews";

/** POST /api/review/undo: take back the last answer. 409 when there is none. */
export const POST = withUser(async (user) => {
  const result = await undoLastAnswer(user);
  return "status" in result
    ? json(200, result)
    : json(409, { error: "nothing-to-undo", message: "There is no answer to undo." });
});
