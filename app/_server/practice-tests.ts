import "server-only";
import {
  buildQuestions,
  isRightAnswer,
  type QuestionFormat,
  type QuizCard,
  questionChance,
} from "@/app/_lib/practice-test";
import { recallProbability } from "@/app/_lib/scheduling";
import { getDb } from "./db";
import { visibleDecks } from "./deck-access";
import { predictionSettings, recordAnswer, toMemory } from "./reviews";
import type { CurrentUser } from "./session";
import { roleIn } from "./teams";

type User = Pick<CurrentUser, "id">;

export type StartTestInput = {
  deck: string;
  /** Heading paths to draw from; none for the whole deck. */
  sections: string[][];
  fromWeakest: boolean;
  count: number;
  formats: QuestionFormat[];
  timeLimitSec: number | null;
  feedbackEach: boolean;
  countsAsReviews: boolean;
  /** Only these cards (a retake of the ones missed). */
  cardIds?: string[];
  /** Started from a team's page: counts on its quiz board (the user must be in it, the deck one of its decks). */
  teamId?: string | null;
};

// The chance a person knows a card they have never seen: their share of first answers
// that were not Again, starting from a stated prior of 50% that weighs as much as ten
// answers (a Beta(5, 5) prior), so that one lucky first answer does not read as 100%.
const unseenPrior = { rate: 0.5, weight: 10 };

const inSections = (section: string[], sections: string[][]) =>
  sections.length === 0 || sections.some((path) => path.every((part, i) => section[i] === part));

/** The user's chance of knowing a card they have never reviewed: their own first-try rate. */
export async function firstTryRate(user: User): Promise<number> {
  const rows = await getDb().$queryRaw<{ tries: number; right: number }[]>`
    SELECT count(*)::int AS tries, count(*) FILTER (WHERE "grade" > 1)::int AS right
    FROM "ReviewLog" WHERE "userId" = ${user.id}::uuid AND "stateBefore" = 0 AND "grade" > 0`;
  const { tries = 0, right = 0 } = rows[0] ?? {};
  return (right + unseenPrior.rate * unseenPrior.weight) / (tries + unseenPrior.weight);
}

const isTeamDeck = async (user: User, teamId: string, deckId: string) =>
  (await roleIn(user, teamId)) !== null && (await getDb().teamDeck.count({ where: { teamId, deckId } })) === 1;

/** Start a test of the user's on a deck (by slug); the deck or questions may be missing. */
export async function startPracticeTest(
  user: User,
  input: StartTestInput,
  now: Date,
  random: () => number = Math.random,
): Promise<{ id: string } | { error: "deck-not-found" | "no-questions" }> {
  const db = getDb();
  const deck = await db.deck.findFirst({ where: { slug: input.deck, ...visibleDecks(user.id) }, select: { id: true } });
  if (!deck) return { error: "deck-not-found" };
  if (input.teamId && !(await isTeamDeck(user, input.teamId, deck.id))) return { error: "deck-not-found" };
  const rows = await db.card.findMany({
    where: { deckId: deck.id, retiredAt: null },
    orderBy: { position: "asc" },
    select: {
      id: true,
      kind: true,
      prompt: true,
      answer: true,
      accepted: true,
      choices: true,
      section: true,
      states: { where: { userId: user.id } },
    },
  });
  const settings = await predictionSettings(user.id);
  const only = input.cardIds ? new Set(input.cardIds) : null;
  let cards: QuizCard[] = rows.filter((row) => inSections(row.section, input.sections) && (!only || only.has(row.id)));
  if (input.fromWeakest) {
    // The cards seen, lowest recall probability now first.
    const recall = new Map(
      rows.flatMap((row) => {
        const state = row.states[0];
        return state && state.reps > 0 ? [[row.id, recallProbability(toMemory(state), now, settings)] as const] : [];
      }),
    );
    cards = cards
      .filter((card) => recall.has(card.id))
      .sort((a, b) => (recall.get(a.id) ?? 0) - (recall.get(b.id) ?? 0))
      .slice(0, input.count);
  }
  const questions = buildQuestions(cards, { count: input.count, formats: input.formats, random, pool: rows });
  if (questions.length === 0) return { error: "no-questions" };
  const test = await db.practiceTest.create({
    data: {
      userId: user.id,
      deckId: deck.id,
      sections: input.sections,
      fromWeakest: input.fromWeakest,
      countsAsReviews: input.countsAsReviews,
      feedbackEach: input.feedbackEach,
      timeLimitSec: input.timeLimitSec,
      teamId: input.teamId ?? null,
      startedAt: now,
      questions: {
        create: questions.map((question, position) => ({
          position,
          cardId: question.cardId,
          format: question.format,
          prompt: question.prompt,
          options: question.options,
          shownAnswer: question.shownAnswer ?? null,
          rightAnswers: question.rightAnswers,
        })),
      },
    },
    select: { id: true },
  });
  return { id: test.id };
}

export type AnswerInput = { answer: string; confidence: "sure" | "unsure" | null; durationMs: number };
export type AnswerResult =
  | { isCorrect: boolean; rightAnswers: string[] | null; finished: boolean }
  | { error: "not-found" | "already-answered" | "time-up" };

/**
 * Answer one question of the user's test, once: graded here, with the model's chance of a
 * right answer at this moment kept beside it. A test counting as reviews records each
 * answer as a review (Good when right, Again when not).
 */
export async function answerTestQuestion(
  user: User,
  testId: string,
  position: number,
  input: AnswerInput,
  now: Date,
): Promise<AnswerResult> {
  const db = getDb();
  const question = await db.testQuestion.findFirst({
    where: { testId, position, test: { userId: user.id } },
    select: {
      id: true,
      cardId: true,
      format: true,
      options: true,
      rightAnswers: true,
      answeredAt: true,
      test: { select: { startedAt: true, timeLimitSec: true, feedbackEach: true, countsAsReviews: true } },
      card: { select: { states: { where: { userId: user.id } } } },
    },
  });
  if (!question) return { error: "not-found" };
  if (question.answeredAt) return { error: "already-answered" };
  const { test } = question;
  if (test.timeLimitSec !== null && now.getTime() > test.startedAt.getTime() + test.timeLimitSec * 1000) {
    await db.practiceTest.updateMany({ where: { id: testId, finishedAt: null }, data: { finishedAt: now } });
    return { error: "time-up" };
  }
  const format = question.format as QuestionFormat;
  const isCorrect = isRightAnswer({ format, rightAnswers: question.rightAnswers }, input.answer);
  const state = question.card.states[0];
  const settings = await predictionSettings(user.id);
  const recall = state && state.reps > 0 ? recallProbability(toMemory(state), now, settings) : await firstTryRate(user);
  const written = await db.testQuestion.updateMany({
    where: { id: question.id, answeredAt: null },
    data: {
      answer: input.answer,
      isCorrect,
      confidence: input.confidence,
      durationMs: input.durationMs,
      predictedChance: questionChance({ format, options: question.options }, recall),
      answeredAt: now,
    },
  });
  if (written.count === 0) return { error: "already-answered" };
  const left = await db.testQuestion.count({ where: { testId, answeredAt: null } });
  if (left === 0)
    await db.practiceTest.updateMany({ where: { id: testId, finishedAt: null }, data: { finishedAt: now } });
  if (test.countsAsReviews) {
    const version = state?.version ?? 0;
    const review = {
      cardId: question.cardId,
      grade: isCorrect ? 3 : 1,
      version,
      answerId: question.id,
      durationMs: input.durationMs,
    } as const;
    await recordAnswer(user, review, now);
  }
  const shown = test.feedbackEach || left === 0;
  return { isCorrect, rightAnswers: shown ? question.rightAnswers : null, finished: left === 0 };
}

/** A new test of the questions the user missed in one of their finished tests; null when not theirs. */
export async function retakeMissed(
  user: User,
  testId: string,
  now: Date,
): Promise<{ id: string } | { error: string } | null> {
  const test = await getDb().practiceTest.findFirst({
    where: { id: testId, userId: user.id, finishedAt: { not: null } },
    select: {
      deck: { select: { slug: true } },
      feedbackEach: true,
      questions: { where: { isCorrect: { not: true } }, select: { cardId: true, format: true } },
    },
  });
  if (!test) return null;
  const cardIds = test.questions.map((question) => question.cardId);
  if (cardIds.length === 0) return { error: "no-questions" };
  const formats = [...new Set(test.questions.map((question) => question.format as QuestionFormat))];
  return startPracticeTest(
    user,
    {
      deck: test.deck.slug,
      sections: [],
      fromWeakest: false,
      count: cardIds.length,
      formats,
      timeLimitSec: null,
      feedbackEach: test.feedbackEach,
      countsAsReviews: false,
      cardIds,
    },
    now,
  );
}
