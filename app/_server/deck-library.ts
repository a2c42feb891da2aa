import "server-only";
import { getDb } from "./db";
import { visibleDecks } from "./deck-access";
import { storedDraftParts } from "./own-decks";
import type { CurrentUser } from "./session";

type User = Pick<CurrentUser, "id">;

export type DeckSummaryDto = {
  slug: string;
  title: string;
  language: string;
  source: string;
  /** Mine, shipped with the app, or shared by a team. */
  origin: "mine" | "shipped" | "team";
  isArchived: boolean;
  cards: number;
  retired: number;
  /** Cards of it the user has studied (their history, kept through new versions of the notes). */
  studied: number;
  sections: { name: string; cards: number }[];
};

/** Every deck the user sees: their own, the shipped ones and their teams'. */
export async function listDecks(user: User): Promise<DeckSummaryDto[]> {
  const decks = await getDb().deck.findMany({
    where: visibleDecks(user.id),
    orderBy: [{ ownerId: { sort: "asc", nulls: "last" } }, { title: "asc" }],
    select: {
      slug: true,
      title: true,
      language: true,
      sourcePath: true,
      ownerId: true,
      archivedAt: true,
      cards: {
        orderBy: { position: "asc" },
        select: {
          section: true,
          retiredAt: true,
          states: { where: { userId: user.id, reps: { gt: 0 } }, select: { reps: true } },
        },
      },
    },
  });
  return decks.map((deck) => {
    const live = deck.cards.filter((card) => !card.retiredAt);
    const sections = new Map<string, number>();
    for (const card of live) sections.set(card.section[0] ?? "", (sections.get(card.section[0] ?? "") ?? 0) + 1);
    return {
      slug: deck.slug,
      title: deck.title,
      language: deck.language,
      source: deck.sourcePath,
      origin: deck.ownerId === user.id ? "mine" : deck.ownerId === null ? "shipped" : "team",
      isArchived: deck.archivedAt !== null,
      cards: live.length,
      retired: deck.cards.length - live.length,
      studied: live.filter((card) => card.states.length > 0).length,
      sections: [...sections].map(([name, cards]) => ({ name, cards })),
    };
  });
}

type Done = { status: "done" } | { error: "not-found" };
const done = (count: number): Done => (count === 1 ? { status: "done" } : { error: "not-found" });

/** Rename one of the user's decks. */
export async function renameDeck(user: User, slug: string, title: string): Promise<Done> {
  return done((await getDb().deck.updateMany({ where: { slug, ownerId: user.id }, data: { title } })).count);
}

/** Archive one of the user's decks (out of the study lists, kept) or bring it back. */
export async function archiveDeck(user: User, slug: string, isArchived: boolean, now: Date): Promise<Done> {
  const archivedAt = isArchived ? now : null;
  return done((await getDb().deck.updateMany({ where: { slug, ownerId: user.id }, data: { archivedAt } })).count);
}

/** What deleting one of the user's decks removes: its cards and every review of them. */
export async function deckDeletionCounts(
  user: User,
  slug: string,
): Promise<{ cards: number; reviews: number; learners: number } | null> {
  const deck = await getDb().deck.findFirst({ where: { slug, ownerId: user.id }, select: { id: true } });
  if (!deck) return null;
  const [cards, reviews, learners] = await Promise.all([
    getDb().card.count({ where: { deckId: deck.id } }),
    getDb().reviewLog.count({ where: { card: { deckId: deck.id } } }),
    getDb().cardState.groupBy({ by: ["userId"], where: { card: { deckId: deck.id } } }),
  ]);
  return { cards, reviews, learners: learners.length };
}

/** Delete one of the user's decks with its cards and their history. */
export async function deleteDeck(user: User, slug: string): Promise<Done> {
  return done((await getDb().deck.deleteMany({ where: { slug, ownerId: user.id } })).count);
}

export type DeckExport =
  | {
      format: "kioku-deck";
      version: 1;
      title: string;
      language: string;
      source: string;
      notes: string;
      corrections: object;
      dropped: string[];
    }
  | { format: "csv"; csv: string };

/** A deck imported from a CSV of front/back cards (not notes). */
export const isCsvDeck = (corrections: unknown) => (corrections as { csv?: unknown } | null)?.csv === true;

/** One of the user's decks as its notes and corrections, to keep or to upload again. */
export async function exportDeck(user: User, slug: string): Promise<DeckExport | null> {
  const deck = await getDb().deck.findFirst({
    where: { slug, ownerId: user.id },
    select: { title: true, language: true, sourcePath: true, notes: true, corrections: true },
  });
  if (!deck) return null;
  if (isCsvDeck(deck.corrections)) return { format: "csv", csv: deck.notes ?? "" };
  const { corrections, dropped } = storedDraftParts(deck.corrections);
  return {
    format: "kioku-deck",
    version: 1,
    title: deck.title,
    language: deck.language,
    source: deck.sourcePath,
    notes: deck.notes ?? "",
    corrections,
    dropped,
  };
}

/** The user's own deck's draft parts (notes, corrections, dropped), for an update; null when not theirs. */
export async function getOwnDeckDraft(user: User, slug: string) {
  const deck = await getDb().deck.findFirst({
    where: { slug, ownerId: user.id },
    select: { slug: true, title: true, language: true, sourcePath: true, notes: true, corrections: true },
  });
  if (!deck || isCsvDeck(deck.corrections)) return null;
  return {
    slug: deck.slug,
    title: deck.title,
    language: deck.language,
    source: deck.sourcePath,
    notes: deck.notes ?? "",
    ...storedDraftParts(deck.corrections),
  };
}
