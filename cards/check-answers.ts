import { readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import { z } from "zod";
import { isAcceptedCommand } from "./grading";
import { type Card, cardsByKey, deckSchema } from "./types";

const lineSchema = z.object({ key: z.string(), answer: z.string() });

/**
 * Grade answers as the review page would: JSON lines `{"key", "answer"}` in, one JSON line
 * `{"key", "answer", "correct"}` out per line, in order. A line that cannot be graded
 * (not JSON, an unknown key, a card that is not typed) gets `"error"` instead. The key of a
 * card folded into another grades with the card kept.
 */
export async function checkAnswers(deckPath: string, input: Readable, output: Writable): Promise<void> {
  const deck = deckSchema.parse(JSON.parse(readFileSync(deckPath, "utf8")));
  const cards = cardsByKey(deck);
  for await (const line of createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY })) {
    if (!line.trim()) continue;
    output.write(`${JSON.stringify(gradeLine(line, cards))}\n`);
  }
}

function gradeLine(line: string, cards: Map<string, Card>) {
  let parsed: z.infer<typeof lineSchema>;
  try {
    parsed = lineSchema.parse(JSON.parse(line));
  } catch {
    return { error: 'each line must be JSON: {"key": "<card key>", "answer": "<typed answer>"}' };
  }
  const { key, answer } = parsed;
  const card = cards.get(key);
  if (!card) return { key, answer, error: "no card has this key" };
  if (card.kind !== "typed") return { key, answer, error: `the card is ${card.kind}, not typed` };
  return { key, answer, correct: isAcceptedCommand(answer, [card.answer, ...card.accepted]) };
}
