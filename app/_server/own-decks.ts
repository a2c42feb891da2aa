import "server-only";
import { randomBytes } from "node:crypto";
import { type Corrections, correctionsSchema } from "@/cards/corrections";
import { deckFromCsv } from "@/cards/csv";
import { type DeckDraft, type DraftError, deckLimits, type PreviewDto } from "@/cards/draft";
import type { Card } from "@/cards/types";
import { seedDeck } from "@/prisma/seed-decks";
import { getDb } from "./db";
import { buildDraft } from "./draft-builder";
import type { CurrentUser } from "./session";
import { canManage, roleIn } from "./teams";

type User = Pick<CurrentUser, "id">;

// A person's own notes made into a deck by the same generator and lint as the shipped
// deck (cards/draft.ts). What they change is kept as corrections by line (as beside the shipped notes),
// and the cards they drop by key, so both survive the next upload.

const slugOf = (title: string) =>
  `${
    title
      .toLowerCase()
      .normalize("NFKD")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")
      .slice(0, 40) || "notes"
  }-${randomBytes(4).toString("hex")}`;

/** The line as the deck reads it: the notes' line with its corrections applied. */
function correctedLine(notes: string, corrections: Corrections, line: number): string | undefined {
  let text = notes.split("\n")[line - 1];
  for (const fix of corrections[String(line)] ?? []) text = text?.replace(fix.find, fix.replace);
  return text;
}

/**
 * A person's edit of a card's prompt or answer, as a correction of the card's first note
 * line: the part that changed, widened until it is found once on that line. Null when the
 * changed text is not written there (the generator made it).
 */
export function correctionForEdit(
  draft: Pick<DeckDraft, "notes" | "corrections">,
  line: number,
  before: string,
  after: string,
): Corrections | null {
  const text = correctedLine(draft.notes, draft.corrections, line);
  if (text === undefined || before === after) return null;
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let end = 0;
  while (end < before.length - start && end < after.length - start && before.at(-1 - end) === after.at(-1 - end)) end++;
  for (let widen = 0; start - widen >= 0 || end - widen >= 0; widen++) {
    const from = Math.max(0, start - widen);
    const find = before.slice(from, before.length - Math.max(0, end - widen));
    const replace = after.slice(from, after.length - Math.max(0, end - widen));
    if (find && text.split(find).length === 2) {
      const fixes = [...(draft.corrections[String(line)] ?? []), { find, replace, reason: "edited in the app" }];
      return { ...draft.corrections, [String(line)]: fixes };
    }
    if (from === 0 && end - widen <= 0) break;
  }
  return null;
}

export type DeckDiffDto = { kept: number; reworded: string[]; added: string[]; retired: string[]; restored: string[] };

/** The user's own deck by slug, or null (another person's is not found). */
const ownDeck = (user: User, slug: string) =>
  getDb().deck.findFirst({
    where: { slug, ownerId: user.id },
    select: { id: true, slug: true, title: true, language: true, sourcePath: true, notes: true, corrections: true },
  });

/** Stored corrections and dropped keys of an own deck. */
export function storedDraftParts(corrections: unknown): { corrections: Corrections; dropped: string[] } {
  const value = (corrections ?? {}) as { lines?: unknown; dropped?: unknown };
  const lines = correctionsSchema.safeParse(value.lines ?? {});
  const dropped = Array.isArray(value.dropped)
    ? value.dropped.filter((key): key is string => typeof key === "string")
    : [];
  return { corrections: lines.success ? lines.data : {}, dropped };
}

/**
 * Create a deck from a draft: private, or studied by a team the user owns or admins (it
 * stays the user's to update); its slug.
 */
export async function createOwnDeck(
  user: User,
  draft: DeckDraft,
  now: Date,
  teamId: string | null = null,
): Promise<{ slug: string } | DraftError | { error: "not-found" }> {
  if (teamId && !canManage(await roleIn(user, teamId))) return { error: "not-found" };
  const slug = slugOf(draft.title);
  const built = await buildDraft(draft, slug);
  if ("error" in built) return built;
  await seedDeck(getDb(), built.deck, now, {
    ownerId: user.id,
    notes: draft.notes,
    corrections: { lines: draft.corrections, dropped: draft.dropped },
  });
  if (teamId) {
    const deck = await getDb().deck.findUniqueOrThrow({ where: { slug }, select: { id: true } });
    await getDb().teamDeck.createMany({ data: [{ teamId, deckId: deck.id }], skipDuplicates: true });
  }
  return { slug };
}

/** What uploading new notes would do to the user's deck, by card key; null when not theirs. */
export async function previewDeckUpdate(
  user: User,
  slug: string,
  draft: DeckDraft,
): Promise<(DeckDiffDto & { preview: PreviewDto }) | DraftError | null> {
  const deck = await ownDeck(user, slug);
  if (!deck) return null;
  const built = await buildDraft(draft, slug);
  if ("error" in built) return built;
  return { ...(await deckDiff(deck.id, built.deck.cards)), preview: built.preview };
}

/** What replacing a deck's cards with `cards` does, by key. */
async function deckDiff(deckId: string, cards: Pick<Card, "key" | "prompt" | "answer">[]): Promise<DeckDiffDto> {
  const stored = await getDb().card.findMany({
    where: { deckId },
    select: { key: true, prompt: true, answer: true, retiredAt: true },
  });
  const byKey = new Map(stored.map((card) => [card.key, card]));
  const next = new Set(cards.map((card) => card.key));
  const diff: DeckDiffDto = { kept: 0, reworded: [], added: [], retired: [], restored: [] };
  for (const card of cards) {
    const before = byKey.get(card.key);
    if (!before) diff.added.push(card.prompt);
    else if (before.retiredAt) diff.restored.push(card.prompt);
    else if (before.prompt !== card.prompt || before.answer !== card.answer) diff.reworded.push(card.prompt);
    else diff.kept++;
  }
  diff.retired = stored.filter((card) => !card.retiredAt && !next.has(card.key)).map((card) => card.prompt);
  return diff;
}

/** Apply new notes to the user's deck: kept and reworded cards keep everyone's history, gone ones retire. */
export async function applyDeckUpdate(
  user: User,
  slug: string,
  draft: DeckDraft,
  now: Date,
): Promise<{ status: "done" } | DraftError | null> {
  const deck = await ownDeck(user, slug);
  if (!deck) return null;
  const built = await buildDraft({ ...draft, title: deck.title }, slug);
  if ("error" in built) return built;
  await seedDeck(getDb(), built.deck, now, {
    ownerId: user.id,
    notes: draft.notes,
    corrections: { lines: draft.corrections, dropped: draft.dropped },
  });
  return { status: "done" };
}

/** A private deck from a CSV of front/back cards; its slug. */
export async function createCsvDeck(
  user: User,
  input: { title: string; language: string; source: string; csv: string },
  now: Date,
): Promise<{ slug: string } | CsvError> {
  if (Buffer.byteLength(input.csv) > deckLimits.bytes) return { error: "too-large" };
  const slug = slugOf(input.title);
  const made = deckFromCsv(
    { slug, title: input.title, language: input.language, source: input.source },
    input.csv,
    deckLimits.cards,
  );
  if ("error" in made) return made.error === "csv" ? { error: "csv", line: made.line } : { error: "empty" };
  await seedDeck(getDb(), made.deck, now, { ownerId: user.id, notes: input.csv, corrections: { csv: true } });
  return { slug };
}

export type CsvError = { error: "too-large" | "empty" } | { error: "csv"; line: number };

/**
 * A new version of the user's CSV deck: cards are matched by their question, so a card
 * whose answer changed keeps everyone's history, a row gone retires its card (history
 * kept) and a row back restores it. What changed, or null when it is not their CSV deck.
 */
export async function updateCsvDeck(
  user: User,
  slug: string,
  csv: string,
  now: Date,
): Promise<DeckDiffDto | CsvError | null> {
  const deck = await getDb().deck.findFirst({
    where: { slug, ownerId: user.id },
    select: { id: true, slug: true, title: true, language: true, sourcePath: true, corrections: true },
  });
  if (!deck || (deck.corrections as { csv?: unknown } | null)?.csv !== true) return null;
  if (Buffer.byteLength(csv) > deckLimits.bytes) return { error: "too-large" };
  const made = deckFromCsv(
    { slug, title: deck.title, language: deck.language, source: deck.sourcePath },
    csv,
    deckLimits.cards,
  );
  if ("error" in made) return made.error === "csv" ? { error: "csv", line: made.line } : { error: "empty" };
  const diff = await deckDiff(deck.id, made.deck.cards);
  await seedDeck(getDb(), made.deck, now, { ownerId: user.id, notes: csv, corrections: { csv: true } });
  return diff;
}
