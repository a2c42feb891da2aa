import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { deckFromCsv } from "@/cards/csv";

const info = { slug: "words", title: "Words", language: "en", source: "words.csv" };

describe("a CSV of front/back cards", () => {
  it("makes a card a row, with a header or without, quoted fields and all", () => {
    const result = deckFromCsv(
      info,
      'front,back\n"docker ps","list running containers"\n"a, b",c\n\nonly front\n',
      100,
    );
    if (!("deck" in result)) throw new Error("no deck");
    expect(result.deck.cards.map((card) => [card.prompt, card.answer, card.source.lines[0]])).toEqual([
      ["docker ps", "list running containers", 2],
      ["a, b", "c", 3],
    ]);
    expect(deckFromCsv(info, "q,a\n", 100)).toMatchObject({ deck: { cards: [{ prompt: "q", answer: "a" }] } });
  });

  it("keys a card by its question, so a new answer keeps it", () => {
    const before = deckFromCsv(info, "q,old\n", 10);
    const after = deckFromCsv(info, "q,new\n", 10);
    if (!("deck" in before) || !("deck" in after)) throw new Error("no deck");
    expect(after.deck.cards[0]?.key).toBe(before.deck.cards[0]?.key);
  });

  it("says what is wrong with a malformed file, and never throws", () => {
    expect(deckFromCsv(info, 'a,"unclosed\n', 10)).toMatchObject({ error: "csv" });
    expect(deckFromCsv(info, "\n\n", 10)).toEqual({ error: "empty" });
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (text) => {
        const result = deckFromCsv(info, text, 10);
        expect("deck" in result || "error" in result).toBe(true);
      }),
    );
  });
});
