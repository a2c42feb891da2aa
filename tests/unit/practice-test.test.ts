import { describe, expect, it } from "vitest";
import {
  buildQuestions,
  type DraftQuestion,
  isRightAnswer,
  type QuizCard,
  questionChance,
  questionFormats,
} from "@/app/_lib/practice-test";

// A fixed sequence instead of Math.random: the same test every run.
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

const card = (id: string, kind: QuizCard["kind"], section: string[], extra: Partial<QuizCard> = {}): QuizCard => ({
  id,
  kind,
  prompt: `Q ${id}`,
  answer: `A ${id}`,
  accepted: [],
  choices: [],
  section,
  ...extra,
});

const cards: QuizCard[] = [
  card("a1", "basic", ["A"]),
  card("a2", "basic", ["A"]),
  card("a3", "choice", ["A"], { choices: ["x", "y"] }),
  card("b1", "typed", ["B"], { answer: "docker container ls", accepted: ["docker ps"] }),
  card("b2", "cloze", ["B"], { answer: "`--follow`" }),
  card("c1", "reverse", ["C"]),
  card("c2", "reverse", ["C"]),
];

describe("a practice test's questions", () => {
  it("ask each card once, in its format, interleaved across sections", () => {
    const questions = buildQuestions(cards, { count: 6, formats: questionFormats, random: seeded(1) });
    expect(questions).toHaveLength(6);
    expect(new Set(questions.map((q) => q.cardId)).size).toBe(6);
    // No two in a row from one section while another still has cards.
    const sections = questions.map((q) => q.cardId[0]);
    expect(sections.slice(0, 3).sort()).toEqual(["a", "b", "c"]);
    const formats = {
      basic: "true-false",
      reverse: "true-false",
      choice: "multiple-choice",
      typed: "typed",
      cloze: "cloze",
    };
    for (const q of questions) expect(q.format).toBe(formats[cards.find((c) => c.id === q.cardId)?.kind ?? "basic"]);
  });

  it("keep to the formats chosen, and to the number asked", () => {
    const typedOnly = buildQuestions(cards, { count: 10, formats: ["typed"], random: seeded(2) });
    expect(typedOnly.map((q) => q.cardId)).toEqual(["b1"]);
    expect(buildQuestions(cards, { count: 2, formats: questionFormats, random: seeded(3) })).toHaveLength(2);
  });

  it("make a true/false question from a fact and a sibling's answer, and none without a sibling", () => {
    const seen = new Set<string>();
    for (let seed = 1; seed < 40; seed++) {
      const [question] = buildQuestions([cards[0] as QuizCard, cards[1] as QuizCard], {
        count: 1,
        formats: ["true-false"],
        random: seeded(seed),
      });
      if (!question) throw new Error("no question");
      const isTrue = question.shownAnswer === `A ${question.cardId}`;
      expect(question.rightAnswers).toEqual([isTrue ? "true" : "false"]);
      seen.add(question.rightAnswers[0] ?? "");
    }
    expect([...seen].sort()).toEqual(["false", "true"]);
    expect(buildQuestions([cards[0] as QuizCard], { count: 1, formats: ["true-false"], random: seeded(1) })).toEqual(
      [],
    );
  });

  it("take a true/false question's other answer from the whole deck, when asking only some cards", () => {
    const only = [cards[0] as QuizCard];
    const [question] = buildQuestions(only, { count: 1, formats: ["true-false"], random: seeded(4), pool: cards });
    expect(question?.cardId).toBe("a1");
  });

  it("offer a multiple-choice card's answer among its options, shuffled", () => {
    const [question] = buildQuestions([cards[2] as QuizCard], {
      count: 1,
      formats: questionFormats,
      random: seeded(5),
    });
    expect([...(question?.options ?? [])].sort()).toEqual(["A a3", "x", "y"]);
    expect(question?.rightAnswers).toEqual(["A a3"]);
  });
});

describe("grading a test answer", () => {
  const typed: DraftQuestion = {
    cardId: "b1",
    format: "typed",
    prompt: "",
    options: [],
    rightAnswers: ["docker container ls", "docker ps"],
  };
  const cloze: DraftQuestion = { cardId: "b2", format: "cloze", prompt: "", options: [], rightAnswers: ["`--follow`"] };

  it("reads a typed command with the CLI's grammar, as review does", () => {
    expect(isRightAnswer(typed, "docker container list")).toBe(true);
    expect(isRightAnswer(typed, "ｄｏｃｋｅｒ　ｐｓ")).toBe(true);
    expect(isRightAnswer(typed, "docker image ls")).toBe(false);
  });

  it("takes a blank as written, width, case, spacing and code marks aside", () => {
    expect(isRightAnswer(cloze, "--FOLLOW")).toBe(true);
    expect(isRightAnswer(cloze, "--tail")).toBe(false);
  });

  it("gives an option question a guessing floor", () => {
    expect(questionChance({ format: "multiple-choice", options: ["a", "b", "c"] }, 0)).toBeCloseTo(1 / 3, 12);
    expect(questionChance({ format: "true-false", options: ["true", "false"] }, 0.5)).toBeCloseTo(0.75, 12);
    expect(questionChance({ format: "typed", options: [] }, 0.5)).toBe(0.5);
  });
});
