import { z } from "zod";
import { isAcceptedCommand } from "./grading";
import { type Deck, typedAnswers } from "./types";

// Beside the notes (`<notes>.checks.json`), by card key: typed answers the grader must
// accept and must refuse, so what an author decided about a card cannot drift.
export const answerChecksSchema = z.record(
  z.string().min(1),
  z.object({ accept: z.array(z.string()).default([]), refuse: z.array(z.string()).default([]) }),
);
export type AnswerChecks = z.infer<typeof answerChecksSchema>;

/** The notes file's checks file: `notes.md` -> `notes.checks.json`. */
export const checksPathFor = (notesPath: string) => notesPath.replace(/\.md$/, ".checks.json");

/** Every pinned check the deck fails, as a line an author can act on; [] when all hold. */
export function failedChecks(deck: Deck, checks: AnswerChecks): string[] {
  return Object.entries(checks).flatMap(([key, { accept, refuse }]) => {
    const answers = typedAnswers(deck, key);
    if (!Array.isArray(answers)) return [`${key}: ${answers.error}`];
    return [
      ...accept.filter((typed) => !isAcceptedCommand(typed, answers)).map((typed) => `${key}: refuses ${typed}`),
      ...refuse.filter((typed) => isAcceptedCommand(typed, answers)).map((typed) => `${key}: accepts ${typed}`),
    ];
  });
}
