import "server-only";
import type { QuestionFormat } from "@/app/_lib/practice-test";
import { getDb } from "./db";
import { visibleDecks } from "./deck-access";
import type { CurrentUser } from "./session";

type User = Pick<CurrentUser, "id">;

export type TestQuestionDto = {
  position: number;
  format: QuestionFormat;
  prompt: string;
  shownAnswer: string | null;
  options: string[];
  answer: string | null;
  isCorrect: boolean | null;
  /** Only once answered, and then only when the test says so after each question or is over. */
  rightAnswers: string[] | null;
};

export type PracticeTestDto = {
  id: string;
  deckTitle: string;
  language: string;
  feedbackEach: boolean;
  countsAsReviews: boolean;
  startedAt: Date;
  /** When the time limit runs out (null without one): a reload keeps the same end. */
  endsAt: Date | null;
  finished: boolean;
  questions: TestQuestionDto[];
};

/** One of the user's tests, as the test page shows it; null when it is not theirs. */
export async function getPracticeTest(user: User, id: string, now: Date): Promise<PracticeTestDto | null> {
  const test = await getDb().practiceTest.findFirst({
    where: { id, userId: user.id },
    select: {
      id: true,
      feedbackEach: true,
      countsAsReviews: true,
      startedAt: true,
      timeLimitSec: true,
      finishedAt: true,
      deck: { select: { title: true, language: true } },
      questions: {
        orderBy: { position: "asc" },
        select: {
          position: true,
          format: true,
          prompt: true,
          shownAnswer: true,
          options: true,
          answer: true,
          isCorrect: true,
          rightAnswers: true,
          answeredAt: true,
        },
      },
    },
  });
  if (!test) return null;
  const endsAt = test.timeLimitSec === null ? null : new Date(test.startedAt.getTime() + test.timeLimitSec * 1000);
  const finished = test.finishedAt !== null || (endsAt !== null && now > endsAt);
  return {
    id: test.id,
    deckTitle: test.deck.title,
    language: test.deck.language,
    feedbackEach: test.feedbackEach,
    countsAsReviews: test.countsAsReviews,
    startedAt: test.startedAt,
    endsAt,
    finished,
    questions: test.questions.map(({ rightAnswers, answeredAt, ...question }) => ({
      ...question,
      format: question.format as QuestionFormat,
      rightAnswers: answeredAt && (test.feedbackEach || finished) ? rightAnswers : null,
    })),
  };
}

export type TestResultsDto = {
  right: number;
  total: number;
  durationMs: number;
  sections: { section: string; right: number; total: number }[];
  /** Wrong answers, confidently wrong first, each with the right answer and its note lines. */
  mistakes: {
    position: number;
    prompt: string;
    answer: string | null;
    rightAnswers: string[];
    confidence: string | null;
    source: { path: string; startLine: number; endLine: number };
  }[];
};

/** The results of one of the user's finished tests; null when it is not theirs or not over. */
export async function getPracticeTestResults(user: User, id: string, now: Date): Promise<TestResultsDto | null> {
  const test = await getPracticeTest(user, id, now);
  if (!test?.finished) return null;
  const rows = await getDb().testQuestion.findMany({
    where: { testId: id },
    orderBy: { position: "asc" },
    select: {
      position: true,
      prompt: true,
      answer: true,
      isCorrect: true,
      confidence: true,
      rightAnswers: true,
      answeredAt: true,
      card: { select: { section: true, sourcePath: true, sourceStartLine: true, sourceEndLine: true } },
    },
  });
  const last = Math.max(test.startedAt.getTime(), ...rows.map((row) => row.answeredAt?.getTime() ?? 0));
  const sections = new Map<string, { right: number; total: number }>();
  for (const row of rows) {
    const name = row.card.section[0] ?? "";
    const tally = sections.get(name) ?? { right: 0, total: 0 };
    sections.set(name, { right: tally.right + (row.isCorrect ? 1 : 0), total: tally.total + 1 });
  }
  const mistakes = rows
    .filter((row) => row.isCorrect !== true)
    .sort((a, b) => Number(b.confidence === "sure") - Number(a.confidence === "sure") || a.position - b.position)
    .map((row) => ({
      position: row.position,
      prompt: row.prompt,
      answer: row.answer,
      rightAnswers: row.rightAnswers,
      confidence: row.confidence,
      source: { path: row.card.sourcePath, startLine: row.card.sourceStartLine, endLine: row.card.sourceEndLine },
    }));
  return {
    right: rows.filter((row) => row.isCorrect).length,
    total: rows.length,
    durationMs: last - test.startedAt.getTime(),
    sections: [...sections].map(([section, tally]) => ({ section, ...tally })),
    mistakes,
  };
}

/** The decks the user can study (not archived), each with its top-level sections in the notes' order. */
export async function listTestScopes(user: User): Promise<{ slug: string; title: string; sections: string[] }[]> {
  const decks = await getDb().deck.findMany({
    where: { ...visibleDecks(user.id), archivedAt: null },
    orderBy: { title: "asc" },
    select: {
      slug: true,
      title: true,
      cards: { where: { retiredAt: null }, orderBy: { position: "asc" }, select: { section: true } },
    },
  });
  return decks.map(({ slug, title, cards }) => ({
    slug,
    title,
    sections: [...new Set(cards.flatMap((card) => card.section.slice(0, 1)))],
  }));
}
