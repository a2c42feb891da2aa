import { checkTypedAnswer } from "./answer-check";
import { chanceRight } from "./exam-prediction";

// A practice test asks a deck's cards in the format each suits: a multiple-choice card
// with its options, a typed command typed, a cloze filled in, and a fact (basic or
// reverse card) as true/false: its own answer, or a sibling's in its place.

export const questionFormats = ["multiple-choice", "typed", "true-false", "cloze"] as const;
export type QuestionFormat = (typeof questionFormats)[number];

export type QuizCard = {
  id: string;
  kind: "basic" | "reverse" | "cloze" | "typed" | "choice";
  prompt: string;
  answer: string;
  accepted: string[];
  choices: string[];
  section: string[];
};

export type DraftQuestion = {
  cardId: string;
  format: QuestionFormat;
  prompt: string;
  /** The options shown, in order (multiple choice, true/false). */
  options: string[];
  rightAnswers: string[];
  /** For a true/false question, the answer shown with the prompt. */
  shownAnswer?: string;
};

export const trueFalse = ["true", "false"] as const;

/** The format a card is asked in. */
export function formatOf(kind: QuizCard["kind"]): QuestionFormat {
  return kind === "choice" ? "multiple-choice" : kind === "typed" ? "typed" : kind === "cloze" ? "cloze" : "true-false";
}

function shuffled<T>(items: T[], random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

function draft(card: QuizCard, siblings: QuizCard[], random: () => number): DraftQuestion | null {
  const format = formatOf(card.kind);
  const base = { cardId: card.id, format, prompt: card.prompt };
  if (format === "multiple-choice") {
    return { ...base, options: shuffled([card.answer, ...card.choices], random), rightAnswers: [card.answer] };
  }
  if (format === "true-false") {
    // A sibling's answer (same section, same kind) makes the false statement; none, no question.
    const others = siblings.filter((o) => o.kind === card.kind && o.answer !== card.answer);
    const other = others[Math.floor(random() * others.length)];
    if (!other) return null;
    const isTrue = random() < 0.5;
    const shownAnswer = isTrue ? card.answer : other.answer;
    return { ...base, options: [...trueFalse], rightAnswers: [isTrue ? "true" : "false"], shownAnswer };
  }
  return { ...base, options: [], rightAnswers: [card.answer, ...card.accepted] };
}

/**
 * Up to `count` questions from these cards in the formats chosen, interleaved across
 * sections (one from each in turn), each card once.
 */
export function buildQuestions(
  cards: QuizCard[],
  {
    count,
    formats,
    random,
    pool = cards,
  }: { count: number; formats: readonly QuestionFormat[]; random: () => number; pool?: QuizCard[] },
): DraftQuestion[] {
  const sectionOf = (card: QuizCard) => card.section.join("\u0000");
  const groups = new Map<string, QuizCard[]>();
  for (const card of shuffled(cards, random)) {
    if (!formats.includes(formatOf(card.kind))) continue;
    groups.set(sectionOf(card), [...(groups.get(sectionOf(card)) ?? []), card]);
  }
  const queues = shuffled([...groups.values()], random);
  const questions: DraftQuestion[] = [];
  while (questions.length < count && queues.some((queue) => queue.length > 0)) {
    for (const queue of queues) {
      const card = queue.shift();
      if (!card || questions.length >= count) continue;
      // A true/false question's false answer comes from the whole deck (`pool`), not only the cards asked.
      const siblings = pool.filter((other) => other.id !== card.id && sectionOf(other) === sectionOf(card));
      const question = draft(card, siblings, random);
      if (question) questions.push(question);
    }
  }
  return questions;
}

// A filled-in blank as written, width, case, spacing and code marks aside.
const blankText = (text: string) => text.normalize("NFKC").toLowerCase().replace(/[`\s]/g, "");

/** Whether an answer to a question is right. */
export function isRightAnswer(question: Pick<DraftQuestion, "format" | "rightAnswers">, given: string): boolean {
  const [answer = "", ...accepted] = question.rightAnswers;
  if (question.format === "typed") return checkTypedAnswer(given, answer, accepted).isCorrect;
  if (question.format === "cloze") return question.rightAnswers.some((right) => blankText(right) === blankText(given));
  return given === answer;
}

/** The model's chance of a right answer: recall, or a guess among the options shown. */
export function questionChance(question: Pick<DraftQuestion, "format" | "options">, recall: number): number {
  return question.format === "multiple-choice" || question.format === "true-false"
    ? chanceRight(recall, question.options.length)
    : recall;
}
