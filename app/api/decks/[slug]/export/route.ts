import { json, withUser } from "@/app/_server/api";
import { exportDeck } from "@/app/_server/deck-library";

/**
 * GET /api/decks/<slug>/export: one of the signed-in user's decks as its notes, their
 * corrections by line and the cards dropped, in one JSON file that /decks/new reads back
 * (a deck imported from a CSV: that CSV).
 * Another person's deck, or a shipped one, is not found.
 */
export const GET = withUser(async (user, _request, context: { params: Promise<{ slug: string }> }) => {
  const { slug } = await context.params;
  // A deck's name is lowercase letters, digits and hyphens: anything else names no deck.
  const deck = /^[a-z0-9-]{1,80}$/.test(slug) ? await exportDeck(user, slug) : null;
  if (!deck) return json(404, { error: "not-found", message: "No deck of yours has that name." });
  if (deck.format === "csv") {
    return new Response(deck.csv, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${slug}.csv"`,
        "Cache-Control": "no-store",
      },
    });
  }
  return new Response(JSON.stringify(deck, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="${slug}.kioku.json"`,
      "Cache-Control": "no-store",
    },
  });
});
