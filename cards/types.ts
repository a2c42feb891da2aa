import { z } from "zod";

export const cardKinds = ["basic", "reverse", "cloze", "typed", "choice"] as const;
export type CardKind = (typeof cardKinds)[number];

export const cardSchema = z.object({
  /** Stable identity: section path + kind + subject, never the full text. */
  key: z.string().min(1),
  kind: z.enum(cardKinds),
  prompt: z.string().min(1),
  answer: z.string().min(1),
  /** Other answers that are equally right (typed cards: equivalent commands). */
  accepted: z.array(z.string()),
  /** Wrong options for multiple choice; none of them is also right. */
  choices: z.array(z.string()),
  /** Heading breadcrumb, outermost first. */
  section: z.array(z.string()),
  source: z.object({
    path: z.string(),
    headings: z.array(z.string()),
    lines: z.tuple([z.number().int().positive(), z.number().int().positive()]),
  }),
});
export type Card = z.infer<typeof cardSchema>;

export const deckSchema = z.object({
  deck: z.object({
    slug: z.string().regex(/^[a-z0-9-]+$/),
    title: z.string().min(1),
    language: z.string().min(2),
    source: z.string().min(1),
  }),
  cards: z.array(cardSchema),
  /** Keys of cards folded into another (old key -> the key kept): the seed moves learners' history. */
  folded: z.record(z.string(), z.string()).default({}),
  /**
   * Typed cards now asked another way (old key -> the typed answer it had): what was
   * written about them (pinned checks, answer sets) still grades.
   */
  typedBefore: z.record(z.string(), z.object({ answer: z.string(), accepted: z.array(z.string()) })).default({}),
});
export type Deck = z.infer<typeof deckSchema>;

/** A mistake in the notes or in their corrections, with where it is. */
export class NotesError extends Error {
  constructor(
    message: string,
    readonly path: string,
    readonly line: number,
  ) {
    super(`${path}:${line}: ${message}`);
  }
}

/**
 * A deck's cards by key, a folded card's old key included (it names the card kept), so
 * what was written about a card before it was folded still finds it.
 */
export function cardsByKey(deck: Deck): Map<string, Card> {
  const cards = new Map(deck.cards.map((card) => [card.key, card]));
  for (const [old, kept] of Object.entries(deck.folded)) {
    const card = cards.get(kept);
    if (card && !cards.has(old)) cards.set(old, card);
  }
  return cards;
}

/** The answers a key grades typed answers against: a typed card's, or the typed card a key had before. */
export function typedAnswers(deck: Deck, key: string): string[] | { error: string } {
  const card = cardsByKey(deck).get(key);
  const before = deck.typedBefore[key];
  if (card?.kind === "typed") return [card.answer, ...card.accepted];
  if (before) return [before.answer, ...before.accepted];
  return { error: card ? `the card is ${card.kind}, not typed` : "no card has this key" };
}
