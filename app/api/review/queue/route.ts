import { z } from "zod";
import { json, withUser } from "@/app/_server/api";
import { now } from "@/app/_server/clock";
import { getReviewQueue } from "@/app/_server/queue";

const querySchema = z.object({
  deck: z
    .string()
    .regex(/^[a-z0-9-]{1,64}$/)
    .nullable(),
});

/** GET /api/review/queue[?deck=slug]: the cards due now, in order, with the grade intervals. */
export const GET = withUser(async (user, request) => {
  const parsed = querySchema.safeParse({ deck: new URL(request.url).searchParams.get("deck") });
  if (!parsed.success) return json(400, { error: "invalid-deck", message: "deck must be a deck's slug." });
  const queue = await getReviewQueue(user, parsed.data.deck, await now());
  return queue ? json(200, queue) : json(404, { error: "not-found", message: "No such deck." });
});
