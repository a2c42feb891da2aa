/** A worker thread (cards/draft-pool.ts) that makes drafts into decks and previews. */
import { readFileSync } from "node:fs";
import path from "node:path";
import { buildDraft, type DeckDraft } from "./draft";

export default function build({ draft, slug }: { draft: DeckDraft; slug: string }) {
  return buildDraft(draft, slug);
}

/**
 * Make the shipped notes into a deck once, so that a thread started for a person about
 * to upload has its code compiled before their notes arrive (a first megabyte takes
 * about a fifth longer on a cold thread).
 */
export function warm(): number {
  const notes = readFileSync(path.join(process.cwd(), "cards", "notes", "docker-notes.md"), "utf8");
  const built = buildDraft({
    title: "Docker",
    language: "ja",
    source: "docker-notes.md",
    notes,
    corrections: {},
    dropped: [],
  });
  return "deck" in built ? built.deck.cards.length : 0;
}
