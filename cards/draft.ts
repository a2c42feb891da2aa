import { buildDeckFromNotes } from "./build";
import type { Corrections } from "./corrections";
import { type Card, type Deck, NotesError } from "./types";

// A person's notes as an upload gives them, made into a deck and its preview by the same
// generator and lint as the shipped deck, within limits. Run off the request's thread
// (draft-worker.ts).

export const deckLimits = { bytes: 1_048_576, lines: 50_000, cards: 5_000 };

export type DeckDraft = {
  title: string;
  /** The notes' language: the cards speak it. */
  language: string;
  /** The file name(s) the notes came from. */
  source: string;
  notes: string;
  corrections: Corrections;
  dropped: string[];
};

export type DraftError = {
  error: "too-large" | "too-many-lines" | "too-many-cards" | "notes" | "busy";
  line?: number;
  message?: string;
};

export type PreviewCardDto = Pick<Card, "key" | "kind" | "prompt" | "answer" | "choices" | "section"> & {
  lines: [number, number];
  isDropped: boolean;
};

export type PreviewDto = {
  cards: PreviewCardDto[];
  findings: {
    line: number;
    text: string;
    message: string;
    fix?: { find: string; replace: string };
    corrected: boolean;
  }[];
  uncovered: { line: number; text: string; reason: string }[];
};

/** Build the deck a draft makes, within the limits; its notes' mistakes as values. */
export function buildDraft(draft: DeckDraft, slug = "draft"): { deck: Deck; preview: PreviewDto } | DraftError {
  if (Buffer.byteLength(draft.notes) > deckLimits.bytes) return { error: "too-large" };
  const lines = draft.notes.split("\n");
  if (lines.length > deckLimits.lines) return { error: "too-many-lines" };
  try {
    const built = buildDeckFromNotes(
      { slug, title: draft.title, language: draft.language, source: draft.source },
      draft.notes,
      draft.corrections,
    );
    if (built.deck.cards.length > deckLimits.cards) return { error: "too-many-cards" };
    const dropped = new Set(draft.dropped);
    const text = (line: number) => (lines[line - 1] ?? "").slice(0, 500);
    return {
      deck: { ...built.deck, cards: built.deck.cards.filter((card) => !dropped.has(card.key)) },
      preview: {
        cards: built.deck.cards.map((card) => ({
          key: card.key,
          kind: card.kind,
          prompt: card.prompt,
          answer: card.answer,
          choices: card.choices,
          section: card.section,
          lines: card.source.lines,
          isDropped: dropped.has(card.key),
        })),
        findings: built.findings.map((finding) => ({ ...finding, text: text(finding.line) })),
        uncovered: built.uncovered.map((line) => ({ ...line, text: text(line.line) })),
      },
    };
  } catch (error) {
    if (error instanceof NotesError) return { error: "notes", line: error.line, message: error.message };
    throw error;
  }
}
