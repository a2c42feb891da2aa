import { z } from "zod";
import { plainText } from "@/app/_lib/text";
import { json, withUser } from "@/app/_server/api";
import { now } from "@/app/_server/clock";
import { fitWhenDue } from "@/app/_server/memory-model";
import { getReviewQueue } from "@/app/_server/queue";

const querySchema = z.object({
  deck: z
    .string()
    .regex(/^[a-z0-9-]{1,64}$/)
    .nullable(),
  section: z.array(plainText(200).min(1)).max(6),
});

/**
 * GET /api/review/queue[?deck=slug][&section=heading…]: the cards due now, in order, with
 * the grade intervals; `section` (repeated) narrows to a heading path of the notes.
 * Fits the person's memory model in the background when enough new reviews came in.
 */
export const GET = withUser(async (user, request) => {
  const params = new URL(request.url).searchParams;
  const parsed = querySchema.safeParse({ deck: params.get("deck"), section: params.getAll("section") });
  if (!parsed.success) {
    return json(400, { error: "invalid-query", message: "deck must be a deck's slug; section, up to 6 headings." });
  }
  const at = await now();
  const queue = await getReviewQueue(user, parsed.data, at);
  // Once enough new reviews have come in, the person's parameters are fitted again, beside
  // this response (not awaited) and on another thread.
  void fitWhenDue(user, at).catch((error) => console.error("automatic fit not started", error));
  return queue ? json(200, queue) : json(404, { error: "not-found", message: "No such deck." });
});
