/** The decks this app ships: each generated from a notes file in cards/notes/. */
export const shippedDecks = [
  { slug: "docker", title: "Docker", language: "ja", source: "cards/notes/docker-notes.md" },
] as const;
