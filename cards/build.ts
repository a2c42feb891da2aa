import { existsSync, readFileSync } from "node:fs";
import type { Root } from "mdast";
import { type AnswerChecks, answerChecksSchema, checksPathFor, failedChecks } from "./answer-checks";
import { type Corrections, correctionsSchema } from "./corrections";
import { generateDeckCards } from "./generate";
import { type Finding, lintNotes } from "./lint";
import { parseMarkdown, repairNotes } from "./markdown";
import { type Deck, deckSchema, NotesError } from "./types";

export type DeckInfo = { slug: string; title: string; language: string; source: string };

export type BuildResult = {
  deck: Deck;
  /** Findings on the notes as written; `corrected` when a correction covers the line. */
  findings: (Finding & { corrected: boolean })[];
  /** Note lines with content that no card comes from, each with why. */
  uncovered: { line: number; reason: string }[];
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
  const checksPath = checksPathFor(info.source);
  const checks = existsSync(checksPath) ? answerChecksSchema.parse(JSON.parse(read(checksPath))) : {};
  return buildDeckFromNotes(info, notes, parsed?.data ?? {}, checks);
}

/** Build a deck from notes given as text, with their corrections by line: what an upload is made into. */
export function buildDeckFromNotes(
  info: DeckInfo,
  notes: string,
  corrections: Corrections,
  checks: AnswerChecks = {},
): BuildResult {
  const { cards, folded, typedBefore, skipped } = generateDeckCards(notes, { path: info.source, corrections });
  const deck = deckSchema.parse({ deck: info, cards, folded, typedBefore });

  const covered = new Set(cards.flatMap((card) => range(card.source.lines)));
  // Why the generator left a line out, where it says: the first reason given for it.
  const told = new Map<number, string>();
  for (const { lines: span, reason } of skipped) {
    for (const line of range(span)) if (!told.has(line)) told.set(line, reason);
  }
  const text = repairNotes(notes);
  const lines = text.split("\n");
  const tree = parseMarkdown(text);
  const uncovered = lines.flatMap((line, index) => {
    const number = index + 1;
    const isContent = line.trim() && !/^\s*(#{1,6}\s|```|\|[-| ]+\|$)/.test(line);
    if (!isContent || covered.has(number)) return [];
    return [{ line: number, reason: told.get(number) ?? whyNoCard(tree, number, line) }];
  });
  const findings = lintNotes(notes).map((finding) => ({ ...finding, corrected: String(finding.line) in corrections }));
  return { deck, findings, uncovered, failedChecks: failedChecks(deck, checks) };
}

// Why a line of the notes gave no card: what kind of text it is, as the generator reads it.
function whyNoCard(tree: Root, line: number, text: string): string {
  const node = blockAt(tree, line);
  if (node?.type === "code") {
    if (/\[[^\]]*\]/.test(text)) return "a usage line ([option] and other parts to fill in), not a command to type";
    return /^\s*\$/.test(text) ? "a command with no description above it to ask by" : "a code line that is no command";
  }
  if (node?.type === "table") return "a table header, or a row the table reading does not ask";
  if (/^\s*\[[^\]]*\]\([^)]*\)\s*$/.test(text) || /https?:\/\//.test(text)) return "a link";
  if (node?.type === "list") return "a list item with no bold span, in a list no card asks as a whole";
  return "a sentence with no term, bold span, command or list the generator reads";
}

/** The top-level block a line is in (blocks are in line order): a binary search. */
function blockAt(tree: Root, line: number): Root["children"][number] | undefined {
  let low = 0;
  let high = tree.children.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const child = tree.children[middle] as Root["children"][number];
    if ((child.position?.end.line ?? 0) < line) low = middle + 1;
    else if ((child.position?.start.line ?? 0) > line) high = middle - 1;
    else return child;
  }
  return undefined;
}

function range([start, end]: [number, number]): number[] {
  return Array.from({ length: end - start + 1 }, (_, i) => start + i);
}
