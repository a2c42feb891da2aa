import { existsSync, readFileSync } from "node:fs";
import { answerChecksSchema, checksPathFor, failedChecks } from "./answer-checks";
import { correctionsSchema } from "./corrections";
import { generateDeckCards } from "./generate";
import { type Finding, lintNotes } from "./lint";
import { repairNotes } from "./markdown";
import { type Deck, deckSchema, NotesError } from "./types";

export type DeckInfo = { slug: string; title: string; language: string; source: string };

export type BuildResult = {
  deck: Deck;
  /** Findings on the notes as written; `corrected` when a correction covers the line. */
  findings: (Finding & { corrected: boolean })[];
  /** Note lines with content that no card comes from. */
  uncovered: number[];
  /** Pinned answer checks (`<notes>.checks.json`) the deck fails. */
  failedChecks: string[];
};

/** The corrections file beside a notes file: `notes.md` -> `notes.corrections.json`. */
export const correctionsPathFor = (notesPath: string) => notesPath.replace(/\.md$/, ".corrections.json");

/** Read notes (and their corrections, if any) from disk and build the deck. */
export function buildDeck(info: DeckInfo, read = (path: string) => readFileSync(path, "utf8")): BuildResult {
  const notes = read(info.source);
  const correctionsPath = correctionsPathFor(info.source);
  const parsed = existsSync(correctionsPath)
    ? correctionsSchema.safeParse(JSON.parse(read(correctionsPath)))
    : undefined;
  if (parsed && !parsed.success)
    throw new NotesError(`invalid corrections: ${parsed.error.message}`, correctionsPath, 1);
  const corrections = parsed?.data ?? {};
  const { cards, folded } = generateDeckCards(notes, { path: info.source, corrections });
  const deck = deckSchema.parse({ deck: info, cards, folded });

  const covered = new Set(cards.flatMap((card) => range(card.source.lines)));
  const lines = repairNotes(notes).split("\n");
  const uncovered = lines.flatMap((text, index) => {
    const line = index + 1;
    const isContent = text.trim() && !/^\s*(#{1,6}\s|```|\|[-| ]+\|$)/.test(text);
    return isContent && !covered.has(line) ? [line] : [];
  });
  const findings = lintNotes(notes).map((finding) => ({ ...finding, corrected: String(finding.line) in corrections }));
  const checksPath = checksPathFor(info.source);
  const checks = existsSync(checksPath) ? answerChecksSchema.parse(JSON.parse(read(checksPath))) : {};
  return { deck, findings, uncovered, failedChecks: failedChecks(deck, checks) };
}

function range([start, end]: [number, number]): number[] {
  return Array.from({ length: end - start + 1 }, (_, i) => start + i);
}
