import "server-only";
import { getDb } from "./db";
import type { CurrentUser } from "./session";

type User = Pick<CurrentUser, "id">;

/** One review as the FSRS optimizer reads it. */
export type ReviewExportRow = {
  cardId: string;
  reviewedAt: Date;
  grade: number;
  stateBefore: number;
  durationMs: number;
  id: string;
};

/** The user's review log in time order, a page at a time (keyset on reviewedAt, id). */
export async function* reviewHistory(user: User, pageSize = 5000): AsyncGenerator<ReviewExportRow[]> {
  let after: { reviewedAt: Date; id: string } | null = null;
  for (;;) {
    const page: ReviewExportRow[] = await getDb().reviewLog.findMany({
      where: {
        userId: user.id,
        // Graded reviews only: "forget" rows (grade 0) are not reviews.
        grade: { gt: 0 },
        ...(after
          ? {
              OR: [{ reviewedAt: { gt: after.reviewedAt } }, { reviewedAt: after.reviewedAt, id: { gt: after.id } }],
            }
          : {}),
      },
      orderBy: [{ reviewedAt: "asc" }, { id: "asc" }],
      select: { id: true, cardId: true, reviewedAt: true, grade: true, stateBefore: true, durationMs: true },
      take: pageSize,
    });
    if (page.length === 0) return;
    yield page;
    const last = page.at(-1) as ReviewExportRow;
    after = { reviewedAt: last.reviewedAt, id: last.id };
    if (page.length < pageSize) return;
  }
}
