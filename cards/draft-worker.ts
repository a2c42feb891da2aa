/** A worker thread (app/_server/draft-builder.ts) that makes drafts into decks and previews. */
import { buildDraft, type DeckDraft } from "./draft";

export default function build({ draft, slug }: { draft: DeckDraft; slug: string }) {
  return buildDraft(draft, slug);
}
