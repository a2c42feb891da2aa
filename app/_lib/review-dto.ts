import type { GradeValue } from "./scheduling";

/** A card as the review screen gets it. */
export type ReviewCardDto = {
  id: string;
  kind: "basic" | "reverse" | "cloze" | "typed" | "choice";
  /** The notes' language (BCP 47): the card's text is marked with it. */
  language: string;
  prompt: string;
  answer: string;
  accepted: string[];
  choices: string[];
  section: string[];
  source: { path: string; lines: [number, number] };
  /** Which of the day's counts it is in. */
  queue: "new" | "learning" | "review";
  /** The state version the answer must name (0 for a card never seen). */
  version: number;
  /** When each grade would bring the card back (ISO dates), for the grade buttons. */
  intervals: Record<GradeValue, string>;
};

export type ReviewQueueDto = {
  cards: ReviewCardDto[];
  left: { new: number; learning: number; review: number };
  /** When only learning cards waiting for their step remain: when the next is due. */
  nextLearningAt: string | null;
  /** When nothing is left today: the start of the study day when the next cards are due. */
  nextDueAt: string | null;
  /** The server's time when the queue was built: intervals are shown relative to it. */
  now: string;
};
