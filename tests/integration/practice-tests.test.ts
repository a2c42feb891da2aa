import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { questionFormats } from "@/app/_lib/practice-test";
import { getDb } from "@/app/_server/db";
import { getPracticeTest, getPracticeTestResults } from "@/app/_server/practice-test-view";
import { answerTestQuestion, type StartTestInput, startPracticeTest } from "@/app/_server/practice-tests";
import { recordAnswer } from "@/app/_server/reviews";
import { deckSchema } from "@/cards/types";
import { seedDeck } from "@/prisma/seed-decks";
import { createUser } from "../support/users";

const now = new Date("2026-12-01T09:00:00Z");
let slug = "";

beforeAll(async () => {
  const deck = deckSchema.parse(JSON.parse(readFileSync("cards/decks/docker.json", "utf8")));
  slug = `tests-${crypto.randomUUID().slice(0, 8)}`;
  await seedDeck(getDb(), { ...deck, deck: { ...deck.deck, slug } });
});

const input = (extra: Partial<StartTestInput> = {}): StartTestInput => ({
  deck: slug,
  sections: [],
  fromWeakest: false,
  count: 10,
  formats: [...questionFormats],
  timeLimitSec: null,
  feedbackEach: true,
  countsAsReviews: false,
  ...extra,
});

async function start(user: { id: string }, extra: Partial<StartTestInput> = {}): Promise<string> {
  const started = await startPracticeTest(user, input(extra), now);
  if (!("id" in started)) throw new Error(started.error);
  return started.id;
}

/** A right answer to a question, read from the database as only the server can. */
async function rightAnswer(testId: string, position: number): Promise<string> {
  const question = await getDb().testQuestion.findFirstOrThrow({ where: { testId, position } });
  return question.rightAnswers[0] ?? "";
}

/** What a person would type for it: a name where the answer has a placeholder. */
const typedFor = (answer: string) => answer.replace(/<[^<>\s]+>/g, "web1");

describe("a practice test", () => {
  it("draws questions from the sections asked, and says which deck is missing", async () => {
    const user = await createUser("quiz-sections");
    const id = await start(user, { sections: [["Dockerfile"]], count: 50 });
    const test = await getPracticeTest(user, id, now);
    const cards = await getDb().testQuestion.findMany({
      where: { testId: id },
      select: { card: { select: { section: true } } },
    });
    expect(cards.length).toBeGreaterThan(0);
    expect(cards.every(({ card }) => card.section[0] === "Dockerfile")).toBe(true);
    expect(test?.questions).toHaveLength(cards.length);
    expect(await startPracticeTest(user, input({ deck: "no-such-deck" }), now)).toEqual({ error: "deck-not-found" });
  });

  it("never shows a question's right answer before it is answered", async () => {
    const user = await createUser("quiz-secret");
    const id = await start(user);
    const test = await getPracticeTest(user, id, now);
    expect(test?.questions.every((q) => q.rightAnswers === null)).toBe(true);
    // A typed command or a blank: nothing the page gets holds it (an option question shows its options).
    const written = test?.questions.filter((q) => q.format === "typed" || q.format === "cloze") ?? [];
    expect(written.length).toBeGreaterThan(0);
    for (const question of written) {
      expect(JSON.stringify(question)).not.toContain(await rightAnswer(id, question.position));
    }
  });

  it("grades each answer on the server, once, and says the right answer after it", async () => {
    const user = await createUser("quiz-once");
    const id = await start(user);
    const answer = { answer: typedFor(await rightAnswer(id, 0)), confidence: "sure" as const, durationMs: 3000 };
    const results = await Promise.all(Array.from({ length: 10 }, () => answerTestQuestion(user, id, 0, answer, now)));
    expect(results.filter((r) => "isCorrect" in r)).toEqual([
      { isCorrect: true, rightAnswers: expect.arrayContaining([await rightAnswer(id, 0)]), finished: false },
    ]);
    expect(results.filter((r) => "error" in r && r.error === "already-answered")).toHaveLength(9);
    const stored = await getDb().testQuestion.findFirstOrThrow({ where: { testId: id, position: 0 } });
    expect(stored).toMatchObject({ isCorrect: true, confidence: "sure", answer: answer.answer });
    expect(stored.predictedChance).toBeGreaterThan(0);
  });

  it("is not found for another user, who can neither read nor answer it", async () => {
    const owner = await createUser("quiz-owner");
    const other = await createUser("quiz-other");
    const id = await start(owner);
    expect(await getPracticeTest(other, id, now)).toBeNull();
    expect(await getPracticeTestResults(other, id, now)).toBeNull();
    const answer = { answer: "x", confidence: null, durationMs: 1000 };
    expect(await answerTestQuestion(other, id, 0, answer, now)).toEqual({ error: "not-found" });
    expect((await getDb().testQuestion.findFirstOrThrow({ where: { testId: id, position: 0 } })).answeredAt).toBeNull();
  });

  it("leaves the schedule alone unless its answers count as reviews", async () => {
    const user = await createUser("quiz-schedule");
    const quiet = await start(user, { count: 3 });
    for (const position of [0, 1, 2]) {
      await answerTestQuestion(user, quiet, position, { answer: "wrong", confidence: null, durationMs: 1000 }, now);
    }
    expect(await getDb().cardState.count({ where: { userId: user.id } })).toBe(0);
    expect(await getDb().reviewLog.count({ where: { userId: user.id } })).toBe(0);

    const counted = await start(user, { count: 2, countsAsReviews: true });
    for (const position of [0, 1]) {
      await answerTestQuestion(user, counted, position, { answer: "wrong", confidence: null, durationMs: 1000 }, now);
    }
    expect(await getDb().reviewLog.count({ where: { userId: user.id, grade: 1 } })).toBe(2);
  });

  it("keeps its time limit across reloads, and refuses an answer after it", async () => {
    const user = await createUser("quiz-timer");
    const id = await start(user, { timeLimitSec: 60 });
    expect((await getPracticeTest(user, id, now))?.endsAt).toEqual(new Date(now.getTime() + 60_000));
    const late = new Date(now.getTime() + 61_000);
    const answer = { answer: "x", confidence: null, durationMs: 1000 };
    expect(await answerTestQuestion(user, id, 0, answer, late)).toEqual({ error: "time-up" });
    expect((await getPracticeTest(user, id, late))?.finished).toBe(true);
  });

  it("ends with results: score, sections, and the mistakes, confidently wrong first", async () => {
    const user = await createUser("quiz-results");
    const id = await start(user, { count: 4 });
    await answerTestQuestion(
      user,
      id,
      0,
      { answer: typedFor(await rightAnswer(id, 0)), confidence: "sure", durationMs: 1000 },
      now,
    );
    await answerTestQuestion(user, id, 1, { answer: "nope", confidence: "unsure", durationMs: 1000 }, now);
    expect(await getPracticeTestResults(user, id, now)).toBeNull();
    await answerTestQuestion(user, id, 2, { answer: "nope", confidence: "sure", durationMs: 1000 }, now);
    const last = await answerTestQuestion(user, id, 3, { answer: "nope", confidence: null, durationMs: 1000 }, now);
    expect(last).toMatchObject({ finished: true });
    const results = await getPracticeTestResults(user, id, now);
    expect(results).toMatchObject({ right: 1, total: 4 });
    expect(results?.mistakes.map((m) => m.position)).toEqual([2, 1, 3]);
    expect(results?.mistakes[0]?.source.path).toBe("cards/notes/docker-notes.md");
    expect(results?.sections.reduce((sum, s) => sum + s.total, 0)).toBe(4);
  });

  it("draws the weakest cards: those seen, lowest recall now first", async () => {
    const user = await createUser("quiz-weak");
    expect(await startPracticeTest(user, input({ fromWeakest: true }), now)).toEqual({ error: "no-questions" });
    const cards = await getDb().card.findMany({
      where: { deck: { slug }, kind: "typed" },
      take: 2,
      orderBy: { position: "asc" },
    });
    for (const card of cards) {
      const review = {
        cardId: card.id,
        grade: 3,
        version: 0,
        answerId: crypto.randomUUID(),
        durationMs: 1000,
      } as const;
      await recordAnswer(user, review, new Date("2026-11-01T09:00:00Z"));
    }
    const id = await start(user, { fromWeakest: true, count: 5 });
    const drawn = await getDb().testQuestion.findMany({ where: { testId: id }, select: { cardId: true } });
    expect(drawn.map((q) => q.cardId).sort()).toEqual(cards.map((c) => c.id).sort());
  });
});
