import "server-only";
import { forgettingCurve } from "@/app/_lib/scheduling";
import { getDb } from "./db";
import { loadExamCards } from "./exam-plans";
import { chanceAtExam, stopRecall } from "./exams";
import { firstTryRate } from "./practice-tests";
import { predictionSettings } from "./reviews";
import type { CurrentUser } from "./session";
import { canManage, roleIn } from "./teams";

type User = Pick<CurrentUser, "id">;

// Aggregates over fewer members would tell one member's figures to the others.
export const minimumGroup = 3;

export type LeadViewDto = {
  members: number;
  /** Per section of the team's decks, weakest first: the share of members' cards above their desired retention. */
  sections: { deck: string; section: string; share: number }[] | null;
  /** With a team exam: how many members are predicted in each band of the score (a share of the questions). */
  exam: { examAt: Date; deck: string; bands: { from: number; to: number; members: number }[] } | null;
};

const bands = [0, 0.5, 0.7, 0.85, 1.0001];

/** The lead view of a team, for its owner and admins; null for anyone else. */
export async function getLeadView(user: User, teamId: string, now: Date): Promise<LeadViewDto | null> {
  if (!canManage(await roleIn(user, teamId))) return null;
  const db = getDb();
  const members = await db.teamMember.findMany({ where: { teamId }, select: { userId: true } });
  // The viewer's own figures are theirs to know: it takes three others for the rest to blur.
  const others = members.filter((member) => member.userId !== user.id).length;
  if (others < minimumGroup) return { members: others, sections: null, exam: null };
  // Each member's own forgetting curve: decay -w[20] of their parameters (in ts-fsrs's
  // range 0.1–0.8; FSRS's defaults without), factor 0.9^(1/decay) - 1 (computeDecayFactor).
  const defaults = forgettingCurve().decay;
  const sections = await db.$queryRaw<{ deck: string; section: string; share: number }[]>`
    WITH curve AS (
      SELECT m."userId", coalesce(s."desiredRetention", 0.9) AS target,
        CASE WHEN array_length(s."fsrsWeights", 1) = 21
          THEN -least(greatest(s."fsrsWeights"[21], 0.1), 0.8) ELSE ${defaults}::float8 END AS decay
      FROM "TeamMember" m LEFT JOIN "UserSettings" s ON s."userId" = m."userId"
      WHERE m."teamId" = ${teamId}::uuid
    )
    SELECT d."slug" AS deck, coalesce(c."section"[1], '') AS section,
      avg(CASE WHEN cs."stability" > 0 AND cs."lastReviewAt" IS NOT NULL AND power(1 + (power(0.9, 1 / k.decay) - 1)
        * greatest(floor(extract(epoch FROM ${now}::timestamp - cs."lastReviewAt") / 86400), 0) / cs."stability",
        k.decay) >= k.target THEN 1 ELSE 0 END)::float8 AS share
    FROM "TeamMember" m
    JOIN "TeamDeck" td ON td."teamId" = m."teamId"
    JOIN "Deck" d ON d."id" = td."deckId"
    JOIN "Card" c ON c."deckId" = td."deckId" AND c."retiredAt" IS NULL
    LEFT JOIN "CardState" cs ON cs."cardId" = c."id" AND cs."userId" = m."userId"
    JOIN curve k ON k."userId" = m."userId"
    WHERE m."teamId" = ${teamId}::uuid
    GROUP BY 1, 2 ORDER BY 3 ASC, 1, 2`;
  const exam = await db.teamExam.findUnique({
    where: { teamId },
    select: { examAt: true, sections: true, deckId: true, deck: { select: { slug: true } } },
  });
  return {
    members: members.length,
    sections,
    exam: exam
      ? {
          examAt: exam.examAt,
          deck: exam.deck.slug,
          bands: await scoreBands(
            members,
            { deckId: exam.deckId, sections: (exam.sections as string[]) ?? [] },
            exam.examAt,
          ),
        }
      : null,
  };
}

/** Each member's expected share right on the exam, as their own forecast counts it, tallied in bands. */
async function scoreBands(members: { userId: string }[], scope: { deckId: string; sections: string[] }, examAt: Date) {
  // One member after another: a large team must not take every database connection at once.
  const shares: number[] = [];
  for (const { userId } of members) {
    const member = { id: userId };
    const [cards, rate, settings] = await Promise.all([
      loadExamCards(member, scope),
      firstTryRate(member),
      predictionSettings(userId),
    ]);
    const expected = cards.reduce((sum, card) => sum + chanceAtExam(card, stopRecall(card, examAt, rate, settings)), 0);
    shares.push(cards.length === 0 ? 0 : expected / cards.length);
  }
  return bands.slice(0, -1).map((from, i) => {
    const to = bands[i + 1] as number;
    return { from, to: Math.min(1, to), members: shares.filter((share) => share >= from && share < to).length };
  });
}
