import { readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import { z } from "zod";
import { isAcceptedCommand } from "./grading";
import { type Deck, deckSchema, typedAnswers } from "./types";

const lineSchema = z.object({ key: z.string(), answer: z.string() });

/**
 * Grade answers as the review page would: JSON lines `{"key", "answer"}` in, one JSON line
 * `{"key", "answer", "correct"}` out per line, in order. A line that cannot be graded
 * (not JSON, an unknown key, a card that is not typed) gets `"error"` instead. The key of a
 * card folded into another grades with the card kept; the key of a typed card now asked
 * another way, with the answer it had.
 */
export async function checkAnswers(deckPath: string, input: Readable, output: Writable): Promise<void> {
  const deck = deckSchema.parse(JSON.parse(readFileSync(deckPath, "utf8")));

  for await (const line of createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY })) {
    if (!line.trim()) continue;
    output.write(`${JSON.stringify(gradeLine(line, deck))}\n`);
  }
}

function gradeLine(line: string, deck: Deck) {
  let parsed: z.infer<typeof lineSchema>;
  try {
    parsed = lineSchema.parse(JSON.parse(line));
  } catch {
    return { error: 'each line must be JSON: {"key": "<card key>", "answer": "<typed answer>"}' };
  }
  const { key, answer } = parsed;
  const answers = typedAnswers(deck, key);
  if (!Array.isArray(answers)) return { key, answer, error: answers.error };
  return { key, answer, correct: isAcceptedCommand(answer, answers) };
}
