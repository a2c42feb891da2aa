import { createHash } from "node:crypto";
import { parse } from "csv-parse/sync";
import { type Deck, deckSchema } from "./types";

// A plain CSV of front/back cards (the export format of most flashcard apps): one card a
// row, the first column the question, the second the answer; a first row "front,back"
// (any case) is a header. Each card is keyed by its question.

export type CsvResult = { deck: Deck } | { error: "csv"; line: number; message: string } | { error: "empty" };

/** The deck a CSV of front/back rows makes. */
export function deckFromCsv(info: Deck["deck"], text: string, maxCards: number): CsvResult {
  let rows: string[][];
  try {
    rows = parse(text, { relax_column_count: true, skip_empty_lines: true, trim: true, bom: true });
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 1;
    return { error: "csv", line, message: error instanceof Error ? error.message : String(error) };
  }
  const first = rows[0];
  const hasHeader = first && first[0]?.toLowerCase() === "front" && first[1]?.toLowerCase() === "back";
  const cards = rows.flatMap((row, index) => {
    const [front, back] = [row[0]?.trim() ?? "", row[1]?.trim() ?? ""];
    if ((hasHeader && index === 0) || !front || !back) return [];
    const line = index + 1;
    return [
      {
        key: `csv:${createHash("sha256").update(front).digest("hex").slice(0, 16)}`,
        kind: "basic" as const,
        prompt: front.slice(0, 2000),
        answer: back.slice(0, 2000),
        accepted: [],
        choices: [],
        section: [info.title],
        source: { path: info.source, headings: [info.title], lines: [line, line] as [number, number] },
      },
    ];
  });
  const unique = [...new Map(cards.map((card) => [card.key, card])).values()].slice(0, maxCards);
  if (unique.length === 0) return { error: "empty" };
  return { deck: deckSchema.parse({ deck: info, cards: unique, folded: {}, typedBefore: {} }) };
}
