import "server-only";
import { Prisma } from "@/prisma/generated/client";
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
  seq: bigint;
};

/**
 * The user's graded reviews in time order (answers given at the same moment in the order
 * they were recorded), a page at a time (keyset on reviewedAt, seq).
 * A card that was forgotten (reset to new) starts over: only its reviews after the last
 * reset are exported, as Anki gives the FSRS optimizer a reset card's history.
 */
export async function* reviewHistory(user: User, pageSize = 5000): AsyncGenerator<ReviewExportRow[]> {
  let after: { reviewedAt: Date; seq: bigint } | null = null;
  for (;;) {
    const page: ReviewExportRow[] = await getDb().$queryRaw<ReviewExportRow[]>`
      SELECT r."id", r."seq", r."cardId", r."reviewedAt", r."grade", r."stateBefore", r."durationMs"
      FROM "ReviewLog" r
      WHERE r."userId" = ${user.id}::uuid AND r."grade" > 0
        AND NOT EXISTS (SELECT 1 FROM "ReviewLog" f WHERE f."userId" = r."userId" AND f."cardId" = r."cardId"
          AND f."grade" = 0 AND f."seq" > r."seq")
        AND ${after ? Prisma.sql`(r."reviewedAt", r."seq") > (${after.reviewedAt}::timestamp, ${after.seq}::bigint)` : Prisma.sql`true`}
      ORDER BY r."reviewedAt", r."seq"
      LIMIT ${pageSize}`;
    if (page.length === 0) return;
    yield page;
    const last = page.at(-1) as ReviewExportRow;
    after = { reviewedAt: last.reviewedAt, seq: last.seq };
    if (page.length < pageSize) return;
  }
}

/** The columns the FSRS optimizer reads (review_state: the card's state before the review). */
export const reviewCsvHeader = "card_id,review_time,review_rating,review_state,review_duration\n";

/** Rows of the export: review_time in milliseconds since the epoch. */
export const reviewCsvLines = (rows: ReviewExportRow[]): string =>
  rows
    .map((row) => `${row.cardId},${row.reviewedAt.getTime()},${row.grade},${row.stateBefore},${row.durationMs}\n`)
    .join("");
