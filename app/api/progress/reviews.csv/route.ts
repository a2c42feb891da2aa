import { withUser } from "@/app/_server/api";
import { reviewCsvHeader, reviewCsvLines, reviewHistory } from "@/app/_server/review-history";

/**
 * GET /api/progress/reviews.csv: the signed-in user's whole review history, one row per
 * review in time order, in the columns the FSRS optimizer reads (review_time in
 * milliseconds since the epoch, review_state the card's state before the review).
 * Streamed a page at a time.
 */
export const GET = withUser(async (user) => {
  const pages = reviewHistory(user);
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start: (controller) => controller.enqueue(encoder.encode(reviewCsvHeader)),
    pull: async (controller) => {
      const { value, done } = await pages.next();
      if (done) return controller.close();
      controller.enqueue(encoder.encode(reviewCsvLines(value)));
    },
    cancel: async () => {
      await pages.return(undefined);
    },
  });
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": 'attachment; filename="kioku-reviews.csv"',
      "Cache-Control": "no-store",
    },
  });
});
